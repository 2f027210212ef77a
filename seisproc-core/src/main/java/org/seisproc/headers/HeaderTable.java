package org.seisproc.headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;

/// A table of trace-header values: named, typed primitive columns of equal length (no boxing;
/// the arrays are shared, not copied — treat them as read-only).
///
/// Columns are found case-insensitively by their name or, for standard trace header fields, by
/// the other of their SU short / long names (`cdp` ↔ `ensemble_number`). Rows are selected by a
/// mask or a list of row numbers; [#sortPermutation] gives the stable order by one or more keys.
public final class HeaderTable {
    private final LinkedHashMap<String, Column> columns;
    private final Map<String, String> lookup;
    private final int rows;

    private HeaderTable(LinkedHashMap<String, Column> columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.lookup = new LinkedHashMap<>();
        for (String name : columns.keySet()) {
            lookup.put(name.toLowerCase(Locale.ROOT), name);
        }
        for (String name : columns.keySet()) {
            for (String alias : HeaderLayout.aliases(name)) {
                lookup.putIfAbsent(alias.toLowerCase(Locale.ROOT), name);
            }
        }
    }

    /// A table of these columns (all of one length), in order.
    public static HeaderTable of(Map<String, Column> columns) {
        int rows = -1;
        LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (rows >= 0 && e.getValue().size() != rows) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().size() + " rows, others " + rows);
            }
            rows = e.getValue().size();
            copy.put(e.getKey(), e.getValue());
        }
        return new HeaderTable(copy, Math.max(rows, 0));
    }

    /// An empty table with `rows` rows and no columns.
    public static HeaderTable empty(int rows) {
        return new HeaderTable(new LinkedHashMap<>(), rows);
    }

    public int rows() {
        return rows;
    }

    /// Column names, in order.
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public Map<String, Column> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /// True when a column of this name (or alias) exists.
    public boolean has(String name) {
        return lookup.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /// The column called `name` (or an alias); a clear error listing the columns otherwise.
    public Column column(String name) {
        String key = lookup.get(name.toLowerCase(Locale.ROOT));
        if (key == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the table has " + names());
        }
        return columns.get(key);
    }

    /// The int32 column `name` (zero-copy).
    public int[] ints(String name) {
        return column(name, Column.Ints.class, "int32").values();
    }

    public long[] longs(String name) {
        return column(name, Column.Longs.class, "int64").values();
    }

    public float[] floats(String name) {
        return column(name, Column.Floats.class, "float").values();
    }

    public double[] doubles(String name) {
        return column(name, Column.Doubles.class, "double").values();
    }

    /// The column `name` as the `type` its accessor needs; an error naming the column's real type otherwise.
    private <C extends Column> C column(String name, Class<C> type, String typeName) {
        Column c = column(name);
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        throw new IllegalArgumentException("column '" + name + "' is " + c.typeName() + ", not " + typeName);
    }

    /// The columns `names` only (zero-copy), in that order.
    public HeaderTable project(List<String> names) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(lookup.get(n.toLowerCase(Locale.ROOT)) == null ? n : lookup.get(n.toLowerCase(Locale.ROOT)), column(n));
        }
        return new HeaderTable(out, rows);
    }

    /// The rows where `mask` is true.
    public HeaderTable select(boolean[] mask) {
        if (mask.length != rows) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries, the table " + rows + " rows");
        }
        int[] picked = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (mask[i]) {
                picked[n++] = i;
            }
        }
        return select(picked, n);
    }

    /// The rows `order[0..n)`, in that order (a permutation or any subset).
    public HeaderTable select(int[] order, int n) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            out.put(e.getKey(), e.getValue().select(order, n));
        }
        return new HeaderTable(out, n);
    }

    /// The first `n` rows.
    public HeaderTable head(int n) {
        int m = Math.min(n, rows);
        int[] first = new int[m];
        for (int i = 0; i < m; i++) {
            first[i] = i;
        }
        return select(first, m);
    }

    /// Row numbers in the stable ascending order of `keys` (first key most significant).
    public int[] sortPermutation(String... keys) {
        int[] perm = new int[rows];
        for (int i = 0; i < rows; i++) {
            perm[i] = i;
        }
        for (int k = keys.length - 1; k >= 0; k--) {
            perm = StableSort.by(perm, column(keys[k]));
        }
        return perm;
    }

    /// A new table with the rows of `tables` one after the other (same columns).
    public static HeaderTable concat(List<HeaderTable> tables) {
        if (tables.isEmpty()) {
            return empty(0);
        }
        HeaderTable first = tables.getFirst();
        int total = 0;
        for (HeaderTable t : tables) {
            total += t.rows;
        }
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        for (String name : first.names()) {
            Object v = java.lang.reflect.Array.newInstance(first.column(name).array().getClass().getComponentType(), total);
            int at = 0;
            for (HeaderTable t : tables) {
                Column c = t.column(name);
                if (c.getClass() != first.column(name).getClass()) {
                    throw new IllegalArgumentException("column " + name + " is " + first.column(name).typeName() + " in the first table, "
                            + c.typeName() + " in another");
                }
                int n = c.size();
                System.arraycopy(c.array(), 0, v, at, n);
                at += n;
            }
            out.put(name, Column.of(v));
        }
        return new HeaderTable(out, total);
    }

    /// Tables are equal when they have the same column names, types and values.
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HeaderTable t) || t.rows != rows || !t.names().equals(names())) {
            return false;
        }
        for (String n : names()) {
            Column a = column(n);
            Column b = t.column(n);
            boolean same = switch (a) {
                case Column.Ints x -> b instanceof Column.Ints y && java.util.Arrays.equals(x.values(), y.values());
                case Column.Longs x -> b instanceof Column.Longs y && java.util.Arrays.equals(x.values(), y.values());
                case Column.Floats x -> b instanceof Column.Floats y && java.util.Arrays.equals(x.values(), y.values());
                case Column.Doubles x -> b instanceof Column.Doubles y && java.util.Arrays.equals(x.values(), y.values());
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return names().hashCode() * 31 + rows;
    }

    @Override
    public String toString() {
        List<String> cols = new ArrayList<>();
        columns.forEach((k, v) -> cols.add(k + ":" + v.typeName()));
        return "HeaderTable[" + rows + " rows, " + cols + "]";
    }
}
