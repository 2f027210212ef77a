package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// Prints a header table as an aligned table, CSV or JSON, with the row numbers first.
final class TableOutput {
    private TableOutput() {
    }

    static void print(PrintWriter out, HeaderTable t, long[] rowNumbers, String rowLabel, boolean csv, boolean json) {
        List<String> names = t.names();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rowNumbers != null) {
                    row.put(rowLabel, rowNumbers[r]);
                }
                for (String n : names) {
                    row.put(n, value(t.column(n), r));
                }
                rows.add(row);
            }
            out.println(Json.pretty(rows));
            return;
        }
        StringBuilder text = new StringBuilder();
        if (rowNumbers != null) {
            cell(text, rowLabel, csv, 10, false);
        }
        for (String n : names) {
            cell(text, n, csv, 11, true);
        }
        endLine(out, text);
        for (int r = 0; r < t.rows(); r++) {
            if (rowNumbers != null) {
                cell(text, Long.toString(rowNumbers[r]), csv, 10, false);
            }
            for (String n : names) {
                cell(text, String.valueOf(value(t.column(n), r)), csv, 11, true);
            }
            endLine(out, text);
        }
        out.print(text);
        out.flush();
    }

    /// Appends one cell to the line being built in `text`: for CSV, `value` after a comma (none
    /// first on a line); aligned, `value` right-aligned in `width` columns, after a space when
    /// `spaced`, as `%10s` and ` %11s` would, without a formatter a cell (`String.format` per cell
    /// was 50-60 ms of a 600-row query in a fresh process).
    static void cell(StringBuilder text, String value, boolean csv, int width, boolean spaced) {
        if (csv) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append(',');
            }
        } else {
            if (spaced) {
                text.append(' ');
            }
            text.repeat(' ', Math.max(0, width - value.length()));
        }
        text.append(value);
    }

    /// Ends the line in `text`; writes the text out once it holds 64 KB (one write per 64 KB
    /// instead of a flush per line).
    static void endLine(PrintWriter out, StringBuilder text) {
        text.append(System.lineSeparator());
        if (text.length() >= 1 << 16) {
            out.print(text);
            text.setLength(0);
        }
    }

    private static Object value(Column c, int r) {
        return switch (c) {
            case Column.Ints x -> x.values()[r];
            case Column.Longs x -> x.values()[r];
            case Column.Floats x -> x.values()[r];
            case Column.Doubles x -> x.values()[r];
        };
    }
}
