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
    }
}
