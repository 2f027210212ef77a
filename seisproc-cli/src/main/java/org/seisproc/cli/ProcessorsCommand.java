package org.seisproc.cli;

import java.io.PrintWriter;

import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.processors.Processors;
import picocli.CommandLine.Command;

/// `seisproc processors`: every processor with its parameters, units and defaults.
@Command(name = "processors", header = "Lists every processor for job files, with its parameters, units and defaults.", mixinStandardHelpOptions = true,
        description = "Lists every processor for job files, with its parameters, units and defaults.")
final class ProcessorsCommand extends CliCommand {

    @Override
    int run(PrintWriter out, PrintWriter err) {
        for (ProcessorSpec p : Processors.all()) {
            out.println(p.name() + " - " + p.description());
            for (ParameterSpec a : p.parameters()) {
                String unit = a.unit().isEmpty() ? "" : " [" + a.unit() + "]";
                String def = a.required() ? "required" : "default " + show(a.defaultValue());
                out.printf("    %-20s %-11s %s; %s%n", a.name() + unit, a.kind().name().toLowerCase(java.util.Locale.ROOT), a.description(), def);
            }
            out.println();
        }
        return Main.OK;
    }

    private static String show(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
