package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.seisproc.dataset.Importer;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `seisproc import IN.sgy [IN2.sgy …] DATASET [--workers N] [--header-spec spec.json]`.
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports SEG-Y/SU file(s) into a dataset directory: raw headers, decoded headers, samples in a",
                "memory-mapped lossless store. Parallel, streaming, atomic (an interrupted import never looks complete)."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "IN... DATASET", description = "Input file(s), then the dataset directory.")
    List<Path> paths;

    @Option(names = "--workers", defaultValue = "0", description = "Worker threads (default: all cores).")
    int workers;

    @Option(names = "--overwrite", description = "Replace an existing dataset.")
    boolean overwrite;

    @Option(names = "--no-checksum", description = "Skip the SHA-256 checksums in dataset.json (faster on huge surveys).")
    boolean noChecksum;

    @Mixin
    ReadMixin read;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> inputs = paths.subList(0, paths.size() - 1);
        Path target = paths.getLast();
        int w = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        long total = 0;
        for (Path p : inputs) {
            try (SegyFile f = SegyFile.open(p, read.options())) {
                total += f.traceCount() * f.info().traceBytes();
            }
        }
        Importer.Report r;
        try (Progress progress = new Progress("import", total / 1_000_000, "MB", out, "header table, checksums, sync")) {
            r = Importer.run(inputs, target, new Importer.Options(w, read.options(), overwrite, !noChecksum,
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
}
