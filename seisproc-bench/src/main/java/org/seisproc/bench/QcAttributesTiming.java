package org.seisproc.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.qc.AttributeOptions;
import org.seisproc.qc.TraceAttributes;

/// `QcAttributesTiming DATASET [RUNS] [WORKERS]`: the trace attributes of every trace of a
/// dataset (gathers by fldr), in one JVM, several runs: wall time, MB/s of samples, and the CPU
/// time the process used (so that a loaded machine's stolen time shows).
public final class QcAttributesTiming {
    private QcAttributesTiming() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Dataset ds = Dataset.open(dir)) {
            double mb = ds.traceCount() * (double) ds.samplesPerTrace() * 4 / 1e6;
            for (int r = 0; r < runs; r++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                TraceAttributes.Result res = TraceAttributes.compute(ds, EnsembleKey.parse("fldr"), AttributeOptions.defaults(), workers, null);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf("run %d: %,d traces in %.3f s = %.0f MB/s of samples (%d workers); process CPU %.2f s = %.0f MB/s per CPU-second; bad %d%n",
                        r + 1, ds.traceCount(), s, mb / s, workers, cpu, mb / cpu, res.bad());
            }
        }
    }
}
