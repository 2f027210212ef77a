package org.seisproc.headers;

/// One typed, primitive column of a [HeaderTable]: no boxing, the array is the data.
public sealed interface Column permits Column.Ints, Column.Longs, Column.Floats, Column.Doubles {
    /// Number of values.
    int size();

    /// Value `row` as a double (exact but for longs beyond ±2^53).
    double asDouble(int row);

    /// A new column of the rows `rows[0..n)`, in that order.
    Column select(int[] rows, int n);

    /// The element type's name: int32, int64, float, double.
    String typeName();

    /// The values: an `int[]`, `long[]`, `float[]` or `double[]`.
    Object array();

    /// The column holding `array` (an `int[]`, `long[]`, `float[]` or `double[]`), not copied.
    static Column of(Object array) {
        return switch (array) {
            case int[] v -> new Ints(v);
            case long[] v -> new Longs(v);
            case float[] v -> new Floats(v);
            case double[] v -> new Doubles(v);
            default -> throw new IllegalArgumentException("not a column's array: " + array.getClass().getSimpleName());
        };
    }

    record Ints(int[] values) implements Column {
        public int size() {
            return values.length;
        }

        public double asDouble(int row) {
            return values[row];
        }

        public Column select(int[] rows, int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[rows[i]];
            }
            return new Ints(out);
        }

        public String typeName() {
            return "int32";
        }

        public Object array() {
            return values;
        }
    }

    record Longs(long[] values) implements Column {
        public int size() {
            return values.length;
        }

        public double asDouble(int row) {
            return values[row];
        }

        public Column select(int[] rows, int n) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[rows[i]];
            }
            return new Longs(out);
        }

        public String typeName() {
            return "int64";
        }

        public Object array() {
            return values;
        }
    }

    record Floats(float[] values) implements Column {
        public int size() {
            return values.length;
        }

        public double asDouble(int row) {
            return values[row];
        }

        public Column select(int[] rows, int n) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[rows[i]];
            }
            return new Floats(out);
        }

        public String typeName() {
            return "float";
        }

        public Object array() {
            return values;
        }
    }

    record Doubles(double[] values) implements Column {
        public int size() {
            return values.length;
        }

        public double asDouble(int row) {
            return values[row];
        }

        public Column select(int[] rows, int n) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[rows[i]];
            }
            return new Doubles(out);
        }

        public String typeName() {
            return "double";
        }

        public Object array() {
            return values;
        }
    }
}
