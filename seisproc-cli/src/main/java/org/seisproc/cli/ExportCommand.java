package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Exporter;
import org.seisproc.segy.SampleFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc export DATASET OUT.sgy [--format F] [--byte-order big|little] [--revision 1|2] [--overwrite]`.
@Command(name = "export", header = "Exports a dataset to a SEG-Y or SU file (byte-identical to its source by default).", mixinStandardHelpOptions = true,
        description = {"Exports a dataset to SEG-Y (or SU, for *.su). With the defaults an unmodified dataset comes out",
                "byte-identical to its source. Converting to a format that loses precision warns and says how much."})
final class ExportCommand extends DatasetToOutputCommand {
    @Option(names = "--format", description = "Sample format code of the output (default: the source's).")
    Integer format;

    @Option(names = "--byte-order", paramLabel = "big|little", description = "Byte order of the output (default: the source's).")
    String byteOrder;

    @Option(names = "--revision", description = "SEG-Y revision of the output, 1 or 2 (default: the source's).")
    Integer revision;

    @Override
    int run(PrintWriter stdout, PrintWriter err) {
        SampleFormat f = null;
        if (format != null) {
            f = SampleFormat.ofCodeOrNull(format);
            if (f == null) {
                throw new UsageException(SampleFormat.unsupportedMessage(format));
            }
        }
        ByteOrder order = ByteOrders.parse(byteOrder);
        if (revision != null && revision != 1 && revision != 2) {
            throw new UsageException("--revision is " + revision + ": use 1 or 2");
        }
        int w = write.workers();
        try (Dataset ds = Dataset.open(dataset);
             Interrupts interrupts = Interrupts.on("export", err, () -> interrupted(output))) {
            long total = ds.traceCount();
            Exporter.Report r;
            try (Progress progress = new Progress("export", total, "traces", stdout)) {
                long traceBytes = ds.traceHeaderBytes() + (long) ds.samplesPerTrace()
                        * (f != null ? f.bytes() : SampleFormat.ofCode(ds.manifest().source().format()).bytes());
                r = Exporter.run(ds, output, new Exporter.Options(f, order, revision, w, bytes -> progress.update(bytes / traceBytes),
                        write.overwrite));
            }
            for (String warning : r.warnings()) {
                err.println("seisproc export: warning: " + warning);
            }
            if (r.lossSummary() != null) {
                err.println("seisproc export: warning: " + r.lossSummary());
            }
            stdout.printf("export: %s: %,d traces, format %d, %s-endian, %,d bytes in %.2f s (%,.0f MB/s; final sync %.2f s)%s%n",
                    r.output(), r.traces(), r.format().code(), ByteOrders.name(r.byteOrder()), r.bytes(), r.seconds(),
                    r.bytes() / 1e6 / Math.max(r.seconds(), 1e-9), r.syncSeconds(), r.verbatimFileHeader() ? "; file header verbatim" : "");
        }
        return Main.OK;
    }

    /// On Ctrl-C / SIGTERM: deletes the partial output (this process holds the output's lock)
    /// and says so. (The lock file stays: the OS releases the lock as the process ends, and the
    /// next export takes the file over.)
    private static String interrupted(Path output) {
        java.util.List<Path> removed = Exporter.removePartials(output);
        return "interrupted; " + (removed.isEmpty() ? "no partial file was left" : "removed the partial file "
                + removed.getFirst().getFileName()) + "; " + output + " was not written" + (java.nio.file.Files.exists(output)
                ? " (the existing file is unchanged)" : "");
    }
}
