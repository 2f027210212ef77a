package org.seisproc.processors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;

/// An arithmetic expression over trace header fields, e.g. `(sx + gx) / 2` or
/// `abs(gx - sx) * 0.01`: numbers, field names (as in the header layout), `+ - * / %`, unary
/// minus, parentheses and the functions `abs min max round floor ceil sqrt hypot`. Parsed once
/// (recursive descent) into a tree evaluated in double precision per trace.
public final class HeaderExpression {
    /// Values of the fields the expression uses, for one trace.
    public interface Fields {
        double value(HeaderField field);
    }

    private sealed interface Node permits Num, Ref, Neg, Bin, Call {
    }

    private record Num(double v) implements Node {
    }

    private record Ref(HeaderField field) implements Node {
    }

    private record Neg(Node a) implements Node {
    }

    private record Bin(char op, Node a, Node b) implements Node {
    }

    private record Call(String fn, List<Node> args) implements Node {
    }

    private final String text;
    private final Node root;
    private int pos;

    private HeaderExpression(String text, HeaderLayout layout) {
        this.text = text;
        this.root = parseSum(layout);
        skip();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
    }

    /// Parses `text`; errors say where and what.
    public static HeaderExpression parse(String text, HeaderLayout layout) {
        return new HeaderExpression(text, layout);
    }

    /// Evaluates for one trace; an [ArithmeticException] for a division (or `%`) by zero.
    public double evaluate(Fields fields) {
        return eval(root, fields);
    }

    private static double eval(Node n, Fields f) {
        return switch (n) {
            case Num num -> num.v();
            case Ref ref -> f.value(ref.field());
            case Neg neg -> -eval(neg.a(), f);
            case Bin bin -> {
                double a = eval(bin.a(), f);
                double b = eval(bin.b(), f);
                yield switch (bin.op()) {
                    case '+' -> a + b;
                    case '-' -> a - b;
                    case '*' -> a * b;
                    case '/' -> {
                        if (b == 0) {
                            throw new ArithmeticException("division by zero");
                        }
                        yield a / b;
                    }
                    default -> {
                        if (b == 0) {
                            throw new ArithmeticException("remainder of a division by zero");
                        }
                        yield a % b;
                    }
                };
            }
            case Call c -> {
                double a = eval(c.args().get(0), f);
                yield switch (c.fn()) {
                    case "abs" -> Math.abs(a);
                    case "round" -> Math.round(a);
                    case "floor" -> Math.floor(a);
                    case "ceil" -> Math.ceil(a);
                    case "sqrt" -> Math.sqrt(a);
                    case "min" -> Math.min(a, eval(c.args().get(1), f));
                    case "max" -> Math.max(a, eval(c.args().get(1), f));
                    default -> Math.hypot(a, eval(c.args().get(1), f));
                };
            }
        };
    }

    private Node parseSum(HeaderLayout layout) {
        Node a = parseProduct(layout);
        while (true) {
            skip();
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                char op = text.charAt(pos++);
                a = new Bin(op, a, parseProduct(layout));
            } else {
                return a;
            }
        }
    }

    private Node parseProduct(HeaderLayout layout) {
        Node a = parseUnary(layout);
        while (true) {
            skip();
            if (pos < text.length() && "*/%".indexOf(text.charAt(pos)) >= 0) {
                char op = text.charAt(pos++);
                a = new Bin(op, a, parseUnary(layout));
            } else {
                return a;
            }
        }
    }

    private Node parseUnary(HeaderLayout layout) {
        skip();
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            return new Neg(parseUnary(layout));
        }
        if (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            return parseUnary(layout);
        }
        return parseAtom(layout);
    }

    private Node parseAtom(HeaderLayout layout) {
        skip();
        if (pos >= text.length()) {
            throw error("expression ends too early");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Node inner = parseSum(layout);
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || text.charAt(pos) == 'e' || text.charAt(pos) == 'E'
                    || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            try {
                return new Num(Double.parseDouble(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skip();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                String fn = name.toLowerCase(Locale.ROOT);
                int arity = switch (fn) {
                    case "abs", "round", "floor", "ceil", "sqrt" -> 1;
                    case "min", "max", "hypot" -> 2;
                    default -> throw error("unknown function '" + name + "' (abs, min, max, round, floor, ceil, sqrt, hypot)");
                };
                List<Node> args = new ArrayList<>();
                args.add(parseSum(layout));
                for (int i = 1; i < arity; i++) {
                    expect(',');
                    args.add(parseSum(layout));
                }
                expect(')');
                return new Call(fn, args);
            }
            HeaderField f = layout.findOrNull(name);
            if (f == null) {
                throw error("unknown header field '" + name + "'");
            }
            return new Ref(f);
        }
        throw error("unexpected '" + c + "'");
    }

    private void expect(char c) {
        skip();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("in expression \"" + text + "\" at character " + (pos + 1) + ": " + what);
    }
}
