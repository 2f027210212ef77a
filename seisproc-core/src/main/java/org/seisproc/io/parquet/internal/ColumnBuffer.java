package org.seisproc.io.parquet.internal;

import java.util.Arrays;

import org.seisproc.headers.Column;

/// A growable primitive column being filled batch by batch.
public final class ColumnBuffer {
    private final String type;
    private int[] ints;
    private long[] longs;
    private float[] floats;
    private double[] doubles;
    private int size;

    public ColumnBuffer(String type, int capacity) {
        this.type = type;
        int c = Math.max(capacity, 16);
        switch (type) {
            case "int32" -> ints = new int[c];
            case "int64" -> longs = new long[c];
            case "float" -> floats = new float[c];
            case "double" -> doubles = new double[c];
            default -> throw new IllegalArgumentException("unsupported column type " + type);
        }
    }

    /// Empties the buffer, keeping its arrays for reuse.
    public void clear() {
        size = 0;
    }

    public String type() {
        return type;
    }

    public int size() {
        return size;
    }

    private int room(int n) {
        int need = size + n;
        switch (type) {
            case "int32" -> { if (need > ints.length) ints = Arrays.copyOf(ints, Math.max(need, ints.length * 2)); }
            case "int64" -> { if (need > longs.length) longs = Arrays.copyOf(longs, Math.max(need, longs.length * 2)); }
            case "float" -> { if (need > floats.length) floats = Arrays.copyOf(floats, Math.max(need, floats.length * 2)); }
            default -> { if (need > doubles.length) doubles = Arrays.copyOf(doubles, Math.max(need, doubles.length * 2)); }
        }
        int at = size;
        size = need;
        return at;
    }

    public void add(int[] v, int n) {
        add(v, 0, n);
    }

    public void add(int[] v, int from, int n) {
        int at = room(n);   // may reallocate: take the array after
        System.arraycopy(v, from, ints, at, n);
    }

    public void add(long[] v, int n) {
        add(v, 0, n);
    }

    public void add(long[] v, int from, int n) {
        int at = room(n);   // may reallocate: take the array after
        System.arraycopy(v, from, longs, at, n);
    }

    public void add(float[] v, int n) {
        add(v, 0, n);
    }

    public void add(float[] v, int from, int n) {
        int at = room(n);   // may reallocate: take the array after
        System.arraycopy(v, from, floats, at, n);
    }

    public void add(double[] v, int n) {
        add(v, 0, n);
    }

    public void add(double[] v, int from, int n) {
        int at = room(n);   // may reallocate: take the array after
        System.arraycopy(v, from, doubles, at, n);
    }

    public void add(int v) {
        int at = room(1);
        ints[at] = v;
    }

    public void add(long v) {
        int at = room(1);
        longs[at] = v;
    }

    public void add(float v) {
        int at = room(1);
        floats[at] = v;
    }

    public void add(double v) {
        int at = room(1);
        doubles[at] = v;
    }

    /// The column (trimmed to size; the array is not copied when exactly full).
    public Column column() {
        return switch (type) {
            case "int32" -> new Column.Ints(size == ints.length ? ints : Arrays.copyOf(ints, size));
            case "int64" -> new Column.Longs(size == longs.length ? longs : Arrays.copyOf(longs, size));
            case "float" -> new Column.Floats(size == floats.length ? floats : Arrays.copyOf(floats, size));
            default -> new Column.Doubles(size == doubles.length ? doubles : Arrays.copyOf(doubles, size));
        };
    }
}
