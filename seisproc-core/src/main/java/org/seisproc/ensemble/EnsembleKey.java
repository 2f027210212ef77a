package org.seisproc.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// What groups traces into ensembles: one or more header fields (`cdp`; `gx,gy`; `iline,xline`),
/// each optionally binned (`offset/100`: bins of 100 units, value `floor(offset / 100) × 100`,
/// the bin's lower edge), and an optional secondary field that orders the traces inside an
/// ensemble (`offset`), ascending, ties kept in trace order (stable).
///
/// @param fields    the ensemble key fields, most significant first
/// @param binWidths bin width per field (1: no binning)
/// @param secondary the in-ensemble order field, or null (trace order)
public record EnsembleKey(List<String> fields, List<Integer> binWidths, String secondary) {

    public EnsembleKey {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an ensemble key needs at least one header field (e.g. cdp)");
        }
        if (fields.size() != binWidths.size()) {
            throw new IllegalArgumentException("one bin width per field");
        }
        for (int w : binWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("bin width " + w + " must be a positive integer");
            }
        }
        fields = List.copyOf(fields);
        binWidths = List.copyOf(binWidths);
    }

    /// Parses `"cdp"`, `"gx,gy"`, `"offset/100"`, `"iline,xline"`; `secondary` may be null or blank.
    public static EnsembleKey parse(String spec, String secondary) {
        List<String> names = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("ensemble key '" + spec + "' has an empty field name; write e.g. cdp or gx,gy");
            }
            int slash = p.indexOf('/');
            int width = 1;
            if (slash >= 0) {
                try {
                    width = Integer.parseInt(p.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ensemble key '" + part.trim() + "': the bin width after '/' must be an integer (e.g. offset/100)");
                }
                p = p.substring(0, slash).trim();
            }
            names.add(p);
            widths.add(width);
        }
        String s = secondary == null || secondary.isBlank() ? null : secondary.trim().toLowerCase(Locale.ROOT);
        return new EnsembleKey(names, widths, s);
    }

    /// Parses a key without a secondary order.
    public static EnsembleKey parse(String spec) {
        return parse(spec, null);
    }

    /// Number of key fields.
    public int size() {
        return fields.size();
    }

    /// The binned value of field `k` for a raw header value.
    public int bin(int k, int value) {
        int w = binWidths.get(k);
        return w == 1 ? value : Math.floorDiv(value, w) * w;
    }

    /// The key as the user writes it: `cdp`, `gx,gy`, `offset/100`.
    public String spec() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(fields.get(k));
            if (binWidths.get(k) != 1) {
                sb.append('/').append(binWidths.get(k));
            }
        }
        return sb.toString();
    }

    /// A file-name-safe name: `cdp`, `gx-gy`, `offset_w100`, `cdp.by.offset`.
    public String fileName() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append('-');
            }
            sb.append(safe(fields.get(k)));
            if (binWidths.get(k) != 1) {
                sb.append("_w").append(binWidths.get(k));
            }
        }
        if (secondary != null) {
            sb.append(".by.").append(safe(secondary));
        }
        return sb.toString();
    }

    private static String safe(String s) {
        return s.replaceAll("[^a-z0-9_]", "_");
    }

    @Override
    public String toString() {
        return secondary == null ? spec() : spec() + " (by " + secondary + ")";
    }
}
