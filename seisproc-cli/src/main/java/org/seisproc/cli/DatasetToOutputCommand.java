package org.seisproc.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/// A command that reads a dataset and writes a new output from it in parallel: `DATASET OUT`
/// with `--workers N` and `--overwrite` ([WriteOptions]) — `export`, `sort`, `qc stack`.
abstract class DatasetToOutputCommand extends DatasetCommand {
    @Parameters(index = "1", paramLabel = "OUT")
    Path output;

    @Mixin
    WriteOptions write;
}
