package org.seisproc.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/// A command that runs a job file (JSON) whose output it writes in parallel: `JOB.json` with
/// `--workers N` and `--overwrite` ([WriteOptions]) — `run`, `migrate`, `qc batch`.
abstract class JobCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "JOB.json")
    Path jobFile;

    @Mixin
    WriteOptions write;
}
