package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/// `seisproc checksum FILE`: SHA-256 of the decoded samples (float32 little-endian, trace after
/// trace), alone on the last line.
@Command(name = "checksum", header = "Prints the SHA-256 of the decoded samples; for a dataset, compares it with the recorded one.", mixinStandardHelpOptions = true,
        description = {"SHA-256 of all samples decoded to float32 little-endian, trace after trace.",
                "The digest is printed alone on the last line; it is independent of the file's format and byte order."})
final class ChecksumCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE|DATASET", description = "A SEG-Y/SU file or a dataset directory.")
    Path file;

    @Mixin
    ReadMixin read;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        if (java.nio.file.Files.isDirectory(file)) {
            try (org.seisproc.dataset.Dataset ds = org.seisproc.dataset.Dataset.open(file)) {
                out.printf("%s: dataset, %,d traces x %,d samples (%s store)%n", file, ds.traceCount(), ds.samplesPerTrace(),
                        ds.sampleType().jsonName());
                String digest = ds.sampleDigest();
                out.println(digest);
                String recorded = org.seisproc.dataset.DatasetVerifier.recordedSampleDigest(ds);
                if (recorded == null) {
                    err.println("seisproc checksum: note: " + file
                            + " has no recorded digest to compare with (an import records one only with --checksum;"
                            + " 'seisproc verify' checks the chunk codes recorded as the data was written)");
                } else if (!recorded.equals(digest)) {
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
