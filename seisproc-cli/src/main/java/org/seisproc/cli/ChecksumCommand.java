package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetVerifier;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc checksum FILE`: SHA-256 of the decoded samples (float32 little-endian, trace after
/// trace), alone on the last line. For a dataset without a digest recorded at import, the digest
/// is kept once computed (when the store's chunk codes show the samples are as written) and given
/// again without reading the samples.
@Command(name = "checksum", header = "Prints the SHA-256 of the decoded samples; for a dataset, compares it with the recorded one.", mixinStandardHelpOptions = true,
        description = {"SHA-256 of all samples decoded to float32 little-endian, trace after trace.",
                "The digest is printed alone on the last line; it is independent of the file's format and byte order."})
final class ChecksumCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE|DATASET", description = "A SEG-Y/SU file or a dataset directory.")
    Path file;

    @Mixin
    ReadMixin read;

    @Option(names = "--recompute", description = "For a dataset: read the samples again even when an earlier call kept their digest.")
    boolean recompute;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        if (java.nio.file.Files.isDirectory(file)) {
            try (Dataset ds = Dataset.open(file)) {
                out.printf("%s: dataset, %,d traces x %,d samples (%s store)%n", file, ds.traceCount(), ds.samplesPerTrace(),
                        ds.sampleType().jsonName());
                String recorded = DatasetVerifier.recordedSampleDigest(ds);
                String cached = recorded == null && !recompute ? DatasetVerifier.cachedSampleDigest(ds) : null;
                if (cached != null) {
                    err.println("seisproc checksum: note: the digest an earlier 'seisproc checksum' computed and kept in "
                            + DatasetVerifier.DIGEST_CACHE + " (the store's chunk codes are unchanged since); --recompute reads the"
                            + " samples again, 'seisproc verify' checks them against their chunk codes");
                    out.println(cached);
                    return Main.OK;
                }
                DatasetVerifier.Digest digest = DatasetVerifier.computeSampleDigest(ds);
                out.println(digest.sha256());
                if (!digest.problems().isEmpty()) {
                    for (DatasetVerifier.Problem p : digest.problems()) {
                        err.println("seisproc checksum: " + file + ": " + p.message());
                    }
                    return Main.FAILURE;
                }
                if (recorded == null) {
                    err.println("seisproc checksum: note: " + file + " has no recorded digest from its import (an import records one"
                            + " only with --checksum); " + (digest.kept() ? "this one is kept in " + DatasetVerifier.DIGEST_CACHE
                            + " for the next call" : "this one could not be kept (no chunk codes, or the dataset is read-only)"));
                } else if (!recorded.equals(digest.sha256())) {
                    err.println("seisproc checksum: " + file + ": damaged: the samples ("
                            + ds.sampleType().fileName() + ") do not match the digest recorded when the dataset was written ("
                            + recorded + "); 'seisproc verify " + file + "' names the damaged traces");
                    return Main.FAILURE;
                }
            }
            return Main.OK;
        }
        try (SegyFile f = SegyFile.open(file, read.options())) {
            out.printf("%s: %,d traces x %,d samples, format %d%n", file, f.traceCount(), f.samplesPerTrace(), f.format().code());
            out.println(SampleDigest.of(f));
        }
        return Main.OK;
    }
}
