package org.seisproc.bench;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.FileSpec;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyWriter;
import org.seisproc.segy.TextEncoding;
import org.seisproc.segy.TextualHeader;
import org.seisproc.segy.TraceField;

/// Writes a large synthetic SEG-Y file for read benchmarks: IBM float (format 1), big-endian,
/// rev 1, 4 ms, a 3-D grid of inlines × 500 crosslines with standard headers.
///
/// Usage: `MakeBigSegy OUT [traces=200000] [samples=1500]`. Never write it inside the repository.
public final class MakeBigSegy {
    private MakeBigSegy() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MakeBigSegy OUT [traces=200000] [samples=1500]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int traces = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int n1 = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        TextualHeader text = TextualHeader.fromLines(List.of(
                "C 1 SYNTHETIC BENCHMARK FILE WRITTEN BY org.seisproc.bench.MakeBigSegy",
                "C 2 IBM FLOAT, BIG-ENDIAN, " + traces + " TRACES X " + n1 + " SAMPLES, 4 MS"), TextEncoding.EBCDIC);
        BinaryHeader binary = BinaryHeader.empty(order)
                .set(BinaryField.SAMPLE_INTERVAL, 4000)
                .set(BinaryField.SORTING_CODE, 4)
                .set(BinaryField.MAJOR_REVISION, 1);
        FileSpec spec = FileSpec.segy(text, binary, List.of(), SampleFormat.IBM_FLOAT32, n1, 0);
        int crosslines = 500;
        byte[] header = new byte[HeaderLayout.TRACE_HEADER_BYTES];
        MemorySegment h = MemorySegment.ofArray(header);
        float[] samples = new float[n1];
        long start = System.nanoTime();
        try (SegyWriter w = SegyWriter.create(out, spec)) {
            for (int t = 0; t < traces; t++) {
                int il = 1000 + t / crosslines;
                int xl = 2000 + t % crosslines;
                TraceField.TRACE_SEQUENCE_LINE.field().write(h, 0, order, t + 1L);
                TraceField.TRACE_SEQUENCE_FILE.field().write(h, 0, order, t + 1L);
                TraceField.ENSEMBLE_NUMBER.field().write(h, 0, order, t + 1L);
                TraceField.INLINE.field().write(h, 0, order, il);
                TraceField.CROSSLINE.field().write(h, 0, order, xl);
                TraceField.CDP_X.field().write(h, 0, order, 25L * xl);
                TraceField.CDP_Y.field().write(h, 0, order, 25L * il);
                TraceField.SAMPLE_COUNT.field().write(h, 0, order, n1);
                TraceField.SAMPLE_INTERVAL.field().write(h, 0, order, 4000);
                // a decaying wavelet train that varies slowly across the grid, plus a cheap hash "noise"
                for (int i = 0; i < n1; i++) {
                    int hash = (i * 0x9E3779B1 + t * 0x85EBCA6B) >>> 20;
                    samples[i] = (float) (1000.0 * Math.sin(i * 0.07 + il * 0.01 + xl * 0.02) * Math.exp(-i / 1200.0))
                            + (hash - 2048) * 0.05f;
                }
                w.writeTrace(h, samples, 0);
            }
            w.commit();
        }
        double s = (System.nanoTime() - start) / 1e9;
        long bytes = 3600L + (long) traces * (240 + 4L * n1);
        System.out.printf("wrote %s: %d traces x %d samples, %d bytes (%.2f GB) in %.1f s%n", out, traces, n1, bytes, bytes / 1e9, s);
    }
}
