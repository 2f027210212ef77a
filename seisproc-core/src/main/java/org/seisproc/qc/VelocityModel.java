package org.seisproc.qc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/// The rms velocity of a QC stack, in m/s, as a function of zero-offset time t (s):
///
/// - a constant: `2000`, `2000 m/s`, `2.0 km/s`, `6560 ft/s`;
/// - a linear function v0 + k·t: `1800+600t`, `1.8+0.6t km/s` (k in the same unit per second);
/// - a table file of picks per location. Its first line (after `#` comments) names the columns
///   with their units: `cdp time_s vrms_m/s`, or `iline xline time_ms vrms_km/s`; times in `s`
///   or `ms`, velocities in `m/s`, `km/s` or `ft/s` (converted to m/s: 1 ft = 0.3048 m).
///   Columns separated by blanks or commas; one pick per line; each location's times increase.
///
/// Units are explicit: a function without a unit is in m/s, a table must name its units.
/// Bad files get an error naming the file, line and value.
public sealed interface VelocityModel permits VelocityModel.Linear, VelocityModel.Table {
    /// v(t) = v0 + k·t everywhere (m/s, m/s per s).
    record Linear(double v0, double k) implements VelocityModel {
        public Linear {
            if (!(v0 > 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("the velocity must be positive: v0 = " + v0 + " m/s");
            }
        }
    }

    /// Picks per location: `byInline` false → location = {cdp}; true → {iline, xline}.
    /// `times` in s, `velocities` in m/s, each location's times strictly increasing.
    record Table(Path file, boolean byInline, Map<List<Integer>, double[][]> picks, Map<List<Integer>, Integer> lineOf)
            implements VelocityModel {
    }

    /// Parses `spec`: a file when one exists at that path (relative to `base`), else a function.
    static VelocityModel parse(String spec, Path base) {
        Path p = base == null ? Path.of(spec) : base.resolve(spec);
        if (Files.isRegularFile(p)) {
            return readTable(p);
        }
        return parseFunction(spec);
    }

    /// Parses a function spec (see the type's documentation).
    static VelocityModel parseFunction(String spec) {
        Matcher m = Pattern.compile("\\s*([0-9.eE+-]+?)\\s*(?:\\+\\s*([0-9.eE+-]+)\\s*\\*?\\s*t)?\\s*(m/s|km/s|ft/s)?\\s*")
                .matcher(spec.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--velocity '" + spec + "' is neither a file nor a function: give V (e.g. 2000),"
                    + " V0+Kt (e.g. 1800+600t), optionally with a unit m/s, km/s or ft/s, or a velocity table file");
        }
        double scale = unit(m.group(3) == null ? "m/s" : m.group(3), spec);
        try {
            double v0 = Double.parseDouble(m.group(1)) * scale;
            double k = m.group(2) == null ? 0 : Double.parseDouble(m.group(2)) * scale;
            if (!(v0 > 0)) {
                throw new IllegalArgumentException("--velocity '" + spec + "': the velocity must be positive, not " + v0 + " m/s");
            }
            return new Linear(v0, k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--velocity '" + spec + "': '" + m.group(1) + "' is not a number");
        }
    }

    /// m/s per unit.
    static double unit(String u, String where) {
        return switch (u) {
            case "m/s" -> 1;
            case "km/s" -> 1000;
            case "ft/s" -> 0.3048;
            default -> throw new IllegalArgumentException(where + ": unknown velocity unit '" + u + "'; use m/s, km/s or ft/s");
        };
    }

    /// Reads a velocity table file.
    static Table readTable(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the velocity table: " + e.getMessage());
        }
        int[] cols = null;
        boolean byInline = false;
        double timeScale = 1;
        double velScale = 1;
        Map<List<Integer>, List<double[]>> picks = new LinkedHashMap<>();
        Map<List<Integer>, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("[\\s,;]+");
            if (cols == null) {
                List<String> names = List.of(f).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
                int cdp = names.indexOf("cdp");
                int il = names.indexOf("iline");
                int xl = names.indexOf("xline");
                int t = -1;
                int v = -1;
                for (int c = 0; c < names.size(); c++) {
                    String n = names.get(c);
                    if (n.matches("(t|time)_(s|ms)")) {
                        t = c;
                        timeScale = n.endsWith("_ms") ? 1e-3 : 1;
                    } else if (n.matches("(v|vrms|velocity)_(m/s|km/s|ft/s)")) {
                        v = c;
                        velScale = unit(n.substring(n.indexOf('_') + 1), file + " line " + no);
                    }
                }
                byInline = cdp < 0 && il >= 0 && xl >= 0;
                if ((cdp < 0 && !byInline) || t < 0 || v < 0) {
                    throw new IllegalArgumentException(file + " line " + no + ": the first line must name the columns with units,"
                            + " e.g. 'cdp time_s vrms_m/s' or 'iline xline time_ms vrms_km/s'; got '" + line + "'");
                }
                cols = byInline ? new int[] {il, xl, t, v} : new int[] {cdp, t, v};
                continue;
            }
            int need = java.util.Arrays.stream(cols).max().getAsInt() + 1;
            if (f.length < need) {
                throw new IllegalArgumentException(file + " line " + no + ": " + need + " columns expected, got " + f.length + ": '" + line + "'");
            }
            List<Integer> loc = new ArrayList<>();
            int nk = byInline ? 2 : 1;
            for (int k = 0; k < nk; k++) {
                loc.add((int) number(f[cols[k]], file, no, "location"));
            }
            double t = number(f[cols[nk]], file, no, "time") * timeScale;
            double v = number(f[cols[nk + 1]], file, no, "velocity") * velScale;
            if (!(v > 0)) {
                throw new IllegalArgumentException(file + " line " + no + ": velocity " + f[cols[nk + 1]] + " is not positive");
            }
            if (t < 0) {
                throw new IllegalArgumentException(file + " line " + no + ": time " + f[cols[nk]] + " is negative");
            }
            List<double[]> list = picks.computeIfAbsent(List.copyOf(loc), x -> new ArrayList<>());
            if (!list.isEmpty() && !(t > list.getLast()[0])) {
                throw new IllegalArgumentException(file + " line " + no + ": time " + f[cols[nk]] + " does not increase at "
                        + (byInline ? "iline/xline " : "cdp ") + loc + " (previous " + list.getLast()[0] / timeScale + ")");
            }
            list.add(new double[] {t, v});
            lineOf.putIfAbsent(List.copyOf(loc), no);
        }
        if (picks.isEmpty()) {
            throw new IllegalArgumentException(file + ": the velocity table has no picks");
        }
        Map<List<Integer>, double[][]> out = new LinkedHashMap<>();
        picks.forEach((k, list) -> {
            double[][] tv = new double[2][list.size()];
            for (int i = 0; i < list.size(); i++) {
                tv[0][i] = list.get(i)[0];
                tv[1][i] = list.get(i)[1];
            }
            out.put(k, tv);
        });
        return new Table(file, byInline, out, lineOf);
    }

    private static double number(String s, Path file, int line, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + what + " '" + s + "' is not a number");
        }
    }

    /// The `velocities` parameter of the `nmo` processor: `[{cdp, times, velocities}]` in
    /// increasing cdp. `cdpOf` maps a table's location (cdp, or iline/xline) to the dataset's cdp,
    /// or returns null when the dataset has no such location (an error naming the line).
    default ArrayNode nmoTable(double recordSeconds, java.util.function.Function<List<Integer>, Integer> cdpOf) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode out = f.arrayNode();
        switch (this) {
            case Linear l -> {
                ObjectNode o = out.addObject();
                o.put("cdp", 0);
                o.set("times", f.arrayNode().add(0.0).add(Math.max(recordSeconds, 1e-3)));
                o.set("velocities", f.arrayNode().add(l.v0()).add(l.v0() + l.k() * Math.max(recordSeconds, 1e-3)));
            }
            case Table t -> {
                TreeMap<Integer, double[][]> byCdp = new TreeMap<>();
                for (Map.Entry<List<Integer>, double[][]> e : t.picks().entrySet()) {
                    Integer cdp = cdpOf.apply(e.getKey());
                    if (cdp == null) {
                        throw new IllegalArgumentException(t.file() + " line " + t.lineOf().get(e.getKey()) + ": "
                                + (t.byInline() ? "iline/xline " : "cdp ") + e.getKey().stream().map(String::valueOf)
                                .reduce((a, b) -> a + "/" + b).orElse("") + " is not in the dataset");
                    }
                    byCdp.put(cdp, e.getValue());
                }
                byCdp.forEach((cdp, tv) -> {
                    ObjectNode o = out.addObject();
                    o.put("cdp", cdp);
                    ArrayNode ts = o.putArray("times");
                    ArrayNode vs = o.putArray("velocities");
                    for (int i = 0; i < tv[0].length; i++) {
                        ts.add(tv[0][i]);
                        vs.add(tv[1][i]);
                    }
                });
            }
        }
        return out;
    }
}
