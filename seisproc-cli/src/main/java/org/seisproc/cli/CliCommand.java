package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// What every subcommand has: picocli's model of it and the output and error streams it was
/// given (the tests hand each command line its own writers, so never `System.out`).
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /// Where results go.
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /// Where notes, warnings and progress go.
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
