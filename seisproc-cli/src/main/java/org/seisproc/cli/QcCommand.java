package org.seisproc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/// `seisproc qc stack|attributes|batch|report`: quality control (see docs/qc.md).
@Command(name = "qc", mixinStandardHelpOptions = true,
        description = {"Quality control: brute stacks, trace attributes, before/after comparisons of a flow, an HTML report."},
        subcommands = {QcStackCommand.class, QcAttributesCommand.class, QcBatchCommand.class, QcReportCommand.class})
final class QcCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
