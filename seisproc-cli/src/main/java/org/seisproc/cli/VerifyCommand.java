package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/// `seisproc verify DATASET`: compares every data file with the checksums recorded when the
/// dataset was written; exit 1 naming the damaged part.
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Checks a dataset's files against the checksums recorded when it was written.",
        description = {"Reads every data file and compares it with the per-chunk CRC32C codes and the SHA-256 digests",
                "recorded at import (or run, sort). Exit 1 names the damaged file, chunk and traces."})
final class VerifyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "DATASET", description = "A dataset directory.")
    Path dataset;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        try (Dataset ds = Dataset.open(dataset)) {
            DatasetVerifier.Result r = DatasetVerifier.verify(ds);
            if (r.chunkFiles() == 0 && r.digests() == 0) {
                throw new CliFailure(dataset + ": nothing recorded to verify against (imported with --no-checksum, before"
                        + " chunk checksums existed); re-import it to get checksums");
            }
            for (DatasetVerifier.Problem p : r.problems()) {
                err.println("seisproc verify: " + dataset + ": damaged: " + p.message());
            }
            if (!r.ok()) {
                err.println("seisproc verify: " + dataset + ": " + r.problems().size() + " damaged part(s); re-import the dataset"
                        + " (or rerun the command that wrote it)");
                return Main.FAILURE;
            }
            out.printf("verify: %s: ok (%d file(s) checked chunk by chunk, %d recorded digest(s) match) in %.2f s%n", dataset,
                    r.chunkFiles(), r.digests(), (System.nanoTime() - start) / 1e9);
        }
        return Main.OK;
    }
}
