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
        StringBuilder line = new StringBuilder();
        if (rowNumbers != null) {
            line.append(csv ? rowLabel : String.format("%10s", rowLabel));
        }
        for (String n : names) {
            line.append(csv ? (line.isEmpty() ? "" : ",") + n : String.format(" %11s", n));
        }
        out.println(line);
        for (int r = 0; r < t.rows(); r++) {
            line.setLength(0);
            if (rowNumbers != null) {
                line.append(csv ? Long.toString(rowNumbers[r]) : String.format("%10d", rowNumbers[r]));
            }
            for (String n : names) {
                Object v = value(t.column(n), r);
                line.append(csv ? (line.isEmpty() ? "" : ",") + v : String.format(" %11s", v));
            }
            out.println(line);
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
