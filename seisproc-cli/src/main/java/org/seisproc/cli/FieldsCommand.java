package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc fields`: the trace header fields, with byte positions and types.
@Command(name = "fields", header = "Lists the trace header fields: name, byte position, type, long name, description.", mixinStandardHelpOptions = true,
        description = "Lists the trace header fields: short name, byte position, type, long name, description.")
final class FieldsCommand extends CliCommand {
    @Option(names = "--header-spec", paramLabel = "SPEC.json", description = "Show the layout with this spec applied.")
    Path headerSpec;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        HeaderLayout layout = headerSpec != null ? UsageException.parsing("--header-spec", () -> HeaderLayout.fromJson(headerSpec)) : HeaderLayout.standard();
        out.printf("%-8s %5s  %-7s  %-32s %s%n", "name", "byte", "type", "long name", "description");
        for (HeaderField f : layout.fields()) {
            out.printf("%-8s %5d  %-7s  %-32s %s%n", f.name(), f.bytePosition(), f.type().specName(),
                    f.longName() != null ? f.longName() : "", f.description() != null ? f.description() : "");
        }
        return Main.OK;
    }
}
