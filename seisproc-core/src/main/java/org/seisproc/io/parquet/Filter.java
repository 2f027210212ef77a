package org.seisproc.io.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// A row filter over header columns: comparisons, ranges, sets, and/or/not. Evaluated vectorised
/// on primitive columns ([#mask]); backends also push it down to row groups where they can.
///
/// Text form ([#parse]): `cdp between 100 and 200 and offset < 500`, `fldr in (1, 2, 3)`,
/// `not (offset >= 0) or sx = 5000`; comparison operators `= != <> < <= > >=`; `and` binds
/// tighter than `or`.
public sealed interface Filter {
    /// Comparison operators.
    enum Op { EQ, NE, LT, LE, GT, GE }

    record Compare(String column, Op op, double value) implements Filter {
    }

    record Between(String column, double low, double high) implements Filter {
    }

    record In(String column, double[] values) implements Filter {
    }

    record And(List<Filter> parts) implements Filter {
    }

    record Or(List<Filter> parts) implements Filter {
    }

    record Not(Filter inner) implements Filter {
    }

    /// Every row passes.
    Filter ALL = new And(List.of());

    /// The column names the filter reads.
    default Set<String> columns() {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        collect(this, out);
        return out;
    }

    private static void collect(Filter f, Set<String> out) {
        switch (f) {
            case Compare c -> out.add(c.column());
            case Between b -> out.add(b.column());
            case In in -> out.add(in.column());
            case And a -> a.parts().forEach(p -> collect(p, out));
            case Or o -> o.parts().forEach(p -> collect(p, out));
            case Not n -> collect(n.inner(), out);
        }
    }

    /// The rows of `table` that pass.
    default boolean[] mask(HeaderTable table) {
        boolean[] m = new boolean[table.rows()];
        fill(this, table, m);
        return m;
    }

    /// [#mask(HeaderTable)] into the first `table.rows()` elements of `m`.
    default void mask(HeaderTable table, boolean[] m) {
        fill(this, table, m);
    }

    private static void fill(Filter f, HeaderTable t, boolean[] m) {
        int n = t.rows();
        switch (f) {
            case Compare c -> {
                Column col = t.column(c.column());
                double v = c.value();
                if (col instanceof Column.Ints ints) {
                    compareInts(ints.values(), c.op(), v, m, n);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    double x = col.asDouble(i);
                    m[i] = switch (c.op()) {
                        case EQ -> x == v;
                        case NE -> x != v;
                        case LT -> x < v;
                        case LE -> x <= v;
                        case GT -> x > v;
                        case GE -> x >= v;
                    };
                }
            }
            case Between b -> {
                Column col = t.column(b.column());
                if (col instanceof Column.Ints ints) {
                    keepIntRange(ints.values(), b.intRange(), m, n);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    double x = col.asDouble(i);
                    m[i] = x >= b.low() && x <= b.high();
                }
            }
            case In in -> {
                Column col = t.column(in.column());
                double[] sorted = in.values().clone();
                java.util.Arrays.sort(sorted);
                for (int i = 0; i < n; i++) {
                    m[i] = java.util.Arrays.binarySearch(sorted, col.asDouble(i)) >= 0;
                }
            }
            case And a -> {
                java.util.Arrays.fill(m, true);
                boolean[] part = new boolean[n];
                for (Filter p : a.parts()) {
                    fill(p, t, part);
                    for (int i = 0; i < n; i++) {
                        m[i] &= part[i];
                    }
                }
            }
            case Or o -> {
                java.util.Arrays.fill(m, false);
                boolean[] part = new boolean[n];
                for (Filter p : o.parts()) {
                    fill(p, t, part);
                    for (int i = 0; i < n; i++) {
                        m[i] |= part[i];
                    }
                }
            }
            case Not no -> {
                fill(no.inner(), t, m);
                for (int i = 0; i < n; i++) {
                    m[i] = !m[i];
                }
            }
        }
    }

    /// [Compare] on an int32 column: one plain loop per operator (int to double is exact), which
    /// the JIT vectorises; the generic path reads every value through [Column#asDouble].
    private static void compareInts(int[] x, Op op, double v, boolean[] m, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) { m[i] = x[i] == v; } }
            case NE -> { for (int i = 0; i < n; i++) { m[i] = x[i] != v; } }
            case LT -> { for (int i = 0; i < n; i++) { m[i] = x[i] < v; } }
            case LE -> { for (int i = 0; i < n; i++) { m[i] = x[i] <= v; } }
            case GT -> { for (int i = 0; i < n; i++) { m[i] = x[i] > v; } }
            case GE -> { for (int i = 0; i < n; i++) { m[i] = x[i] >= v; } }
        }
    }

    /// The int range `{low, high}` (inclusive) that this filter keeps when it is one comparison
    /// of one column, other than `!=`, on int values; null otherwise, or when nothing can pass.
    default int[] intRange() {
        double lo;
        double hi;
        switch (this) {
            case Between b -> {
                lo = b.low();
                hi = b.high();
            }
            case Compare c when c.op() != Op.NE -> {
                double v = c.value();
                lo = switch (c.op()) {
                    case EQ, GE -> v;
                    case GT -> Math.floor(v) + 1;
                    default -> Double.NEGATIVE_INFINITY;
                };
                hi = switch (c.op()) {
                    case EQ, LE -> v;
                    case LT -> Math.ceil(v) - 1;
                    default -> Double.POSITIVE_INFINITY;
                };
            }
            default -> {
                return null;
            }
        }
        lo = Math.ceil(lo);
        hi = Math.floor(hi);
        if (!(lo <= hi) || lo > Integer.MAX_VALUE || hi < Integer.MIN_VALUE) { // NaN bounds too
            return null;
        }
        return new int[] {(int) Math.max(lo, Integer.MIN_VALUE), (int) Math.min(hi, Integer.MAX_VALUE)};
    }

    /// [Between] on an int32 column, its [#intRange] (null: nothing passes): one unsigned
    /// compare a value (`x - lo <= hi - lo` as unsigned ints is `lo <= x <= hi`).
    private static void keepIntRange(int[] x, int[] range, boolean[] m, int n) {
        if (range == null) {
            java.util.Arrays.fill(m, 0, n, false);
            return;
        }
        int lo = range[0];
        int span = range[1] - range[0];
        for (int i = 0; i < n; i++) {
            m[i] = Integer.compareUnsigned(x[i] - lo, span) <= 0;
        }
    }

    /// Parses the text form; errors say where and what.
    static Filter parse(String text) {
        return new Parser(text).parse();
    }

    /// Recursive-descent parser of the text form.
    final class Parser {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int pos;

        Parser(String text) {
            this.text = text;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if ("(),".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if ("<>=!".indexOf(c) >= 0) {
                    int j = i + 1;
                    if (j < text.length() && "=>".indexOf(text.charAt(j)) >= 0) {
                        j++;
                    }
                    tokens.add(text.substring(i, j));
                    i = j;
                } else {
                    int j = i;
                    while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(),<>=!".indexOf(text.charAt(j)) < 0) {
                        j++;
                    }
                    tokens.add(text.substring(i, j));
                    i = j;
                }
            }
        }

        Filter parse() {
            if (tokens.isEmpty()) {
                return ALL;
            }
            Filter f = or();
            if (pos < tokens.size()) {
                throw error("unexpected '" + tokens.get(pos) + "'");
            }
            return f;
        }

        private Filter or() {
            return chain("or", this::and, Or::new);
        }

        private Filter and() {
            return chain("and", this::unary, And::new);
        }

        /// `operand (word operand)*`: the lone operand, or `combine` of them all.
        private Filter chain(String word, java.util.function.Supplier<Filter> operand,
                java.util.function.Function<List<Filter>, Filter> combine) {
            List<Filter> parts = new ArrayList<>(List.of(operand.get()));
            while (peek(word)) {
                pos++;
                parts.add(operand.get());
            }
            return parts.size() == 1 ? parts.getFirst() : combine.apply(parts);
        }

        private Filter unary() {
            if (peek("not")) {
                pos++;
                return new Not(unary());
            }
            if (peek("(")) {
                pos++;
                Filter f = or();
                expect(")");
                return f;
            }
            String column = next("a column name");
            if (!Character.isLetter(column.charAt(0)) && column.charAt(0) != '_') {
                throw error("expected a column name, found '" + column + "'");
            }
            String op = next("an operator");
            switch (op.toLowerCase(Locale.ROOT)) {
                case "between" -> {
                    double lo = number();
                    if (!peek("and")) {
                        throw error("'between' needs 'and'");
                    }
                    pos++;
                    return new Between(column, lo, number());
                }
                case "in" -> {
                    expect("(");
                    List<Double> values = new ArrayList<>();
                    values.add(number());
                    while (peek(",")) {
                        pos++;
                        values.add(number());
                    }
                    expect(")");
                    return new In(column, values.stream().mapToDouble(Double::doubleValue).toArray());
                }
                default -> {
                    Op o = switch (op) {
                        case "=", "==" -> Op.EQ;
                        case "!=", "<>" -> Op.NE;
                        case "<" -> Op.LT;
                        case "<=" -> Op.LE;
                        case ">" -> Op.GT;
                        case ">=" -> Op.GE;
                        default -> throw error("unknown operator '" + op + "' (use = != < <= > >= between in)");
                    };
                    return new Compare(column, o, number());
                }
            }
        }

        private double number() {
            String t = next("a number");
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error("expected a number, found '" + t + "'");
            }
        }

        private boolean peek(String word) {
            return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
        }

        private void expect(String t) {
            if (!peek(t)) {
                throw error("expected '" + t + "'" + (pos < tokens.size() ? ", found '" + tokens.get(pos) + "'" : " at the end"));
            }
            pos++;
        }

        private String next(String what) {
            if (pos >= tokens.size()) {
                throw error("expected " + what + " at the end");
            }
            return tokens.get(pos++);
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("filter \"" + text + "\": " + what);
        }
    }
}
