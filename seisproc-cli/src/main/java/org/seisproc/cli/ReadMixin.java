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

    @Option(names = "--header-spec", paramLabel = "SPEC.json",
            description = "Trace header layout overriding/extending the standard one (JSON: {\"fields\":[{\"name\",\"byte\",\"type\"}]}).")
    Path headerSpec;

    ReadOptions options() {
        if (su && segy) {
            throw new UsageException("--su and --segy exclude each other");
        }
        ByteOrder order = null;
        if (byteOrder != null) {
            order = switch (byteOrder.toLowerCase(java.util.Locale.ROOT)) {
                case "big", "be", "msb" -> ByteOrder.BIG_ENDIAN;
                case "little", "le", "lsb" -> ByteOrder.LITTLE_ENDIAN;
                default -> throw new UsageException("--byte-order is '" + byteOrder + "': use big or little");
            };
        }
        HeaderLayout layout = headerSpec != null ? HeaderLayout.fromJson(headerSpec) : HeaderLayout.standard();
        FileKind kind = su ? FileKind.SU : segy ? FileKind.SEGY : null;
        return new ReadOptions(kind, order, allowTruncated, layout);
    }
}
