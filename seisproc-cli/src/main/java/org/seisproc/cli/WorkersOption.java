package org.seisproc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// The `--workers N` option of the parallel commands, resolved by [Workers] (absent: one per
/// core; below 1 refused; capped with a note).
final class WorkersOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer requested;

    /// The worker count; notes go to the command's error stream under its name (`qc stack`).
    int resolve() {
        String name = command.qualifiedName(" ");
        String root = command.root().name() + " ";
        return Workers.resolve(requested, name.startsWith(root) ? name.substring(root.length()) : name, command.commandLine().getErr());
    }
}
