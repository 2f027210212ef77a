package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// What every subcommand has: picocli's model of it, and its work run with the output and error
/// streams it was given (the tests hand each command line its own writers, so never `System.out`).
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /// The command's work: results (and progress) to `out`, notes and warnings to `err`; returns
    /// the exit code ([ExitCodes]; failures may also throw [CliFailure] or [UsageException]).
    abstract int run(PrintWriter out, PrintWriter err) throws Exception;
}
