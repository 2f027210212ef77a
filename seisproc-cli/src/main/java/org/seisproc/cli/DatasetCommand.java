package org.seisproc.cli;

import java.nio.file.Path;

import picocli.CommandLine.Parameters;

/// A command whose first parameter is a dataset directory: `export`, `sort`, `index`, `gather`,
/// `qc stack`, `qc attributes`, `qc report` (picocli takes the parameter from this superclass).
abstract class DatasetCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "DATASET")
    Path dataset;
}
