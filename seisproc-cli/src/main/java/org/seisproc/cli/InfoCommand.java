package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seisproc.segy.FileKind;
import org.seisproc.segy.SegyFile;
import org.seisproc.segy.SegyInfo;
import org.seisproc.segy.TextualHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc info FILE [--json]`: what a SEG-Y or SU file is.
@Command(name = "info", header = "Shows the layout of a SEG-Y or SU file and its textual header.", mixinStandardHelpOptions = true,
        description = {"Shows the layout of a SEG-Y or SU file: format, byte order, revision, traces, samples,",
                "sample interval, extended headers; then the textual header. --json prints one JSON object."})
final class InfoCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "SEG-Y (.sgy, .segy) or Seismic Unix (.su) file.")
    Path file;

    @Option(names = "--json", description = "One JSON object (fields: format, byteOrder, revision, traces, samples, sampleIntervalMicros, extendedTextHeaders, ...).")
    boolean json;

    @Option(names = "--no-text", description = "Do not print the textual header.")
    boolean noText;

    @Mixin
    ReadMixin read;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        try (SegyFile f = SegyFile.open(file, read.options())) {
            SegyInfo i = f.info();
            if (json) {
                out.println(Json.pretty(toMap(f)));
                return Main.OK;
            }
            out.printf("file                 %s%n", file);
            out.printf("kind                 %s%n", i.kind() == FileKind.SU ? "Seismic Unix" : "SEG-Y rev " + i.revision());
            out.printf("format               %s%n", i.format());
            out.printf("byte order           %s-endian (%s)%n", i.byteOrderName(), i.byteOrderReason());
            out.printf("traces               %,d%n", i.traces());
            out.printf("samples per trace    %,d%n", i.samplesPerTrace());
            out.printf("sample interval      %s us%n", fmt(i.sampleIntervalMicros()));
            out.printf("record length        %s ms%n", fmt(i.samplesPerTrace() * i.sampleIntervalMicros() / 1000.0));
            if (i.kind() == FileKind.SEGY) {
                out.printf("extended text hdrs   %d%n", i.extendedTextHeaders());
                out.printf("extra trace headers  %d%n", i.additionalTraceHeaders());
                out.printf("sorting code         %d%n", i.sortingCode());
            }
            out.printf("first trace at byte  %,d%n", i.firstTraceOffset());
            out.printf("bytes per trace      %,d%n", i.traceBytes());
            out.printf("file size            %,d bytes%n", i.fileBytes());
            for (String w : i.warnings()) {
                out.println("warning: " + w);
            }
            if (!noText && i.kind() == FileKind.SEGY) {
                TextualHeader t = f.textualHeader();
                out.println();
                out.println("textual header (" + t.encoding() + "):");
                out.println(t.text());
                int n = 1;
                for (TextualHeader ext : f.extendedTextualHeaders()) {
                    out.println();
                    out.println("extended textual header " + n++ + " (" + ext.encoding() + "):");
                    out.println(ext.text());
                }
            }
        }
        return Main.OK;
    }

    static Map<String, Object> toMap(SegyFile f) {
        SegyInfo i = f.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.path().toString());
        m.put("kind", i.kind() == FileKind.SU ? "su" : "segy");
        m.put("format", i.format().code());
        m.put("formatName", i.format().description());
        m.put("byteOrder", i.byteOrderName());
        m.put("byteOrderReason", i.byteOrderReason());
        m.put("revision", i.revision());
        m.put("traces", i.traces());
        m.put("samples", i.samplesPerTrace());
        double dt = i.sampleIntervalMicros();
        m.put("sampleIntervalMicros", dt == Math.rint(dt) ? (Object) (long) dt : (Object) dt);
        m.put("binarySampleIntervalMicros", i.binarySampleIntervalMicros());
        m.put("extendedTextHeaders", i.extendedTextHeaders());
        m.put("additionalTraceHeaders", i.additionalTraceHeaders());
        m.put("sortingCode", i.sortingCode());
        m.put("firstTraceOffset", i.firstTraceOffset());
        m.put("traceBytes", i.traceBytes());
        m.put("fileBytes", i.fileBytes());
        m.put("trailingBytes", i.trailingBytes());
        m.put("textualHeaderEncoding", i.kind() == FileKind.SU ? null : f.textualHeader().encoding().name().toLowerCase(java.util.Locale.ROOT));
        m.put("warnings", i.warnings());
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
