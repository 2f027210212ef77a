package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.dataset.Importer;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc import IN.sgy [IN2.sgy …] DATASET [--workers N] [--header-spec spec.json]`.
@Command(name = "import", header = "Imports SEG-Y/SU file(s) into a dataset directory (parallel, lossless, atomic).", mixinStandardHelpOptions = true,
        description = {"Imports SEG-Y/SU file(s) into a dataset directory: raw headers, decoded headers, samples in a",
                "memory-mapped lossless store. Parallel, streaming, atomic (an interrupted import never looks complete)."})
final class ImportCommand extends CliCommand {
    @Parameters(arity = "2..*", paramLabel = "IN... DATASET", description = "Input file(s), then the dataset directory.")
    List<Path> paths;

    @Mixin
    WriteOptions write;

    @Option(names = "--checksum", description = "Also record the samples' and raw headers' SHA-256 in dataset.json (a"
            + " sequential pass over the whole store; by default only the chunk codes are recorded, as the data is written,"
            + " and 'seisproc checksum DATASET' gives the digest later).")
    boolean checksum;

    @Option(names = "--no-checksum", hidden = true, description = "The default now (kept so that older scripts still run).")
    boolean noChecksum;

    @Mixin
    ReadMixin read;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        List<Path> inputs = paths.subList(0, paths.size() - 1);
        Path target = paths.getLast();
        int w = write.workers();
        long total = 0;
        for (Path p : inputs) {
            try (SegyFile f = SegyFile.open(p, read.options())) {
                total += f.traceCount() * f.info().traceBytes();
                warnAbout(f, err);
            }
        }
        Importer.Report r;
        try (Interrupts interrupts = Interrupts.on("import", err, () -> Interrupts.datasetLeft(target,
                "rerun the same command to import again from the start"));
             Progress progress = new Progress("import", total / 1_000_000, "MB", out, checksum ? "header table, checksums, sync" : "header table, sync")) {
            r = Importer.run(inputs, target, new Importer.Options(w, read.options(), write.overwrite, checksum && !noChecksum,
                    bytes -> progress.update(bytes / 1_000_000)));
        }
        out.printf("import: %s: %,d traces x %,d samples (%s store) in %.2f s; copy %.2f s = %,.0f MB/s with %d worker(s)%n",
                r.dataset(), r.traces(), r.samplesPerTrace(), r.sampleType().jsonName(), r.totalSeconds(), r.copySeconds(),
                r.sourceBytes() / 1e6 / Math.max(r.copySeconds(), 1e-9), w);
        out.printf("import:   then header table %.2f s%s, sync %.2f s%n", r.tableSeconds(),
                r.checksumSeconds() > 0 ? String.format(" (checksums %.2f s meanwhile)", r.checksumSeconds()) : "", r.commitSeconds());
        if (r.rawExceptionTraces() > 0) {
            out.printf("import: %,d trace(s) kept verbatim for byte-exact export (non-canonical source encodings)%n", r.rawExceptionTraces());
        }
        if (r.samplesSha256() != null) {
            out.println("import: samples sha256 " + r.samplesSha256());
        }
        return Main.OK;
    }

    /// The file's oddities (as `info` shows them), and a zero sample interval, which processing
    /// in time (filters, gain, NMO, mute) cannot work with.
    private static void warnAbout(SegyFile f, PrintWriter err) {
        for (String w : f.info().warnings()) {
            err.println("seisproc import: warning: " + f.path() + ": " + w);
        }
        if (!(f.info().sampleIntervalMicros() > 0)) {
            err.println("seisproc import: warning: " + f.path() + ": the sample interval is " + f.info().sampleIntervalMicros()
                    + " us (binary header byte 3217, trace header byte 117): steps that work in time (filters, gain, NMO, mute)"
                    + " will refuse this dataset; fix the headers of the file and import it again");
        }
    }
}
