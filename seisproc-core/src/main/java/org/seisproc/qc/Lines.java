package org.seisproc.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/// Inline selections: `"100,200,300-350"` → the sorted set {100, 200, 300, …, 350}, and the
/// compact text of a set (`1-4,7`).
public final class Lines {
    private Lines() {
    }

    /// Parses a list of numbers and inclusive ranges.
    public static TreeSet<Integer> parse(String text) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int a = Integer.parseInt(p.substring(0, dash).strip());
                    int b = Integer.parseInt(p.substring(dash + 1).strip());
                    if (b < a || (long) b - a > 10_000_000) {
                        throw new IllegalArgumentException("--lines '" + text + "': range '" + p + "' must go up (and be of sane size)");
                    }
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lines '" + text + "': '" + p + "' is not a line number or range like 300-350");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--lines '" + text + "' names no line");
        }
        return out;
    }

    /// `1-4,7,9-10`.
    public static String compact(java.util.Collection<Integer> values) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int v : new TreeSet<>(values)) {
            if (prev != null && v == prev + 1) {
                prev = v;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
            }
            start = v;
            prev = v;
        }
        if (start != null) {
            parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
        }
        return String.join(",", parts);
    }
}
