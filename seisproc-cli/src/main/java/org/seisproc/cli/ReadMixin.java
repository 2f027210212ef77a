package org.seisproc.cli;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.seisproc.segy.FileKind;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.ReadOptions;
import picocli.CommandLine.Option;

/// Options shared by every command that reads a SEG-Y or SU file.
final class ReadMixin {
    @Option(names = "--su", description = "Read the file as Seismic Unix (default: by name, *.su).")
    boolean su;

    @Option(names = "--segy", description = "Read the file as SEG-Y even if it is named *.su.")
    boolean segy;

    @Option(names = "--byte-order", paramLabel = "big|little",
            description = "Force the byte order (default: detected from the rev 2 constant or the header values).")
    String byteOrder;

    @Option(names = "--allow-truncated", description = "Read only the complete traces of a file whose last trace is cut short.")
    boolean allowTruncated;

    @Option(names = "--format", paramLabel = "CODE",
            description = "Force the sample format code when the binary header's (byte 3225) is wrong.")
    Integer format;

    @Option(names = "--samples", paramLabel = "N",
            description = "Force the samples per trace when the binary header's (byte 3221) is wrong.")
    Integer samples;

    @Option(names = "--header-spec", paramLabel = "SPEC.json",
            description = "Trace header layout overriding/extending the standard one (JSON: {\"fields\":[{\"name\",\"byte\",\"type\"}]}).")
    Path headerSpec;

    ReadOptions options() {
        if (su && segy) {
            throw new UsageException("--su and --segy exclude each other");
        }
        ByteOrder order = ByteOrders.parse(byteOrder);
        HeaderLayout layout = headerSpec != null ? UsageException.parsing("--header-spec", () -> HeaderLayout.fromJson(headerSpec)) : HeaderLayout.standard();
        FileKind kind = su ? FileKind.SU : segy ? FileKind.SEGY : null;
        org.seisproc.segy.SampleFormat f = null;
        if (format != null) {
            f = org.seisproc.segy.SampleFormat.ofCodeOrNull(format);
            if (f == null) {
                throw new UsageException(org.seisproc.segy.SampleFormat.unsupportedMessage(format));
            }
        }
        if (samples != null && samples <= 0) {
            throw new UsageException("--samples must be positive");
        }
        return new ReadOptions(kind, order, allowTruncated, layout, f, samples != null ? samples : 0);
    }
}
