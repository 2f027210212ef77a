package org.seisproc.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// The options of every command that writes an output in parallel: `--workers N` and
/// `--overwrite` (an existing output is replaced only when asked, and then atomically: the new
/// one is built beside it and swapped in when complete).
final class WriteOptions {
    @Mixin
    WorkersOption workers;

    @Option(names = "--overwrite", description = "Replace an existing output (swapped in only when the new one is complete).")
    boolean overwrite;

    /// The worker count ([WorkersOption#resolve]).
    int workers() {
        return workers.resolve();
    }
}
