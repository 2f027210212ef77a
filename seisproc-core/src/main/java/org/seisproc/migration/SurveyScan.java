package org.seisproc.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.HeaderColumns;

/// The survey as the migration sees it, from the trace headers: coordinates with their scalars,
/// extents, the bin grid fitted to the inline/crossline numbers, offsets, and what the header
/// auto-detection found (the wizard's "input" and "survey scan" pages show all of it).
///
/// Auto-detection: each role of the [HeaderMapping] is read and counted non-zero. Without CDP
/// coordinates the bins are fitted to the source–receiver midpoints; without inline and
/// crossline numbers but with CDP numbers the survey is taken as a 2D line (inline 1, crossline
/// = CDP). Every problem that stops a migration (unreadable fields, traces with zero coordinates,
/// mixed or invalid coordinate scalars, a bin grid that cannot be fitted) is collected in
/// [#problems]; nothing throws for bad data.
public final class SurveyScan {
    /// One header role: the field read, how many traces have it non-zero, its first values.
    ///
    /// @param role    role name (as in [HeaderMapping#asMap])
    /// @param field   the field read
    /// @param nonZero traces with a non-zero value
    /// @param sample  the values of the first traces (up to 5)
    /// @param note    what the detection concluded (may be empty)
    public record Field(String role, String field, long nonZero, int[] sample, String note) {
    }

    private final Dataset dataset;
    private final HeaderMapping mapping;
    private final List<Field> fields = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private double[] sx;
    private double[] sy;
    private double[] gx;
    private double[] gy;
    private int[] inline;
    private int[] crossline;
    private int scalar;
    private BinGrid bins;
    private double binResidualMeters;
    private final double[] extent = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private int inlineMin = Integer.MAX_VALUE;
    private int inlineMax = Integer.MIN_VALUE;
    private int crosslineMin = Integer.MAX_VALUE;
    private int crosslineMax = Integer.MIN_VALUE;
    private double offsetMax;
    private long[] cdpFit;

    private SurveyScan(Dataset dataset, HeaderMapping mapping) {
        this.dataset = dataset;
        this.mapping = mapping;
    }

    /// Scans `dataset` with `mapping`.
    public static SurveyScan scan(Dataset dataset, HeaderMapping mapping) {
        SurveyScan s = new SurveyScan(dataset, mapping);
        s.run();
        return s;
    }

    private int[] column(String role, String name) {
        try {
            int[] c = HeaderColumns.intColumn(dataset, name);
            long nz = 0;
            for (int v : c) {
                if (v != 0) {
                    nz++;
                }
            }
            fields.add(new Field(role, name, nz, java.util.Arrays.copyOf(c, Math.min(5, c.length)), ""));
            return c;
        } catch (IllegalArgumentException e) { // UnknownKeyException among them
            problems.add(role + ": " + e.getMessage());
            return null;
        }
    }

    private void note(String role, String note) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.role().equals(role)) {
                fields.set(i, new Field(f.role(), f.field(), f.nonZero(), f.sample(), note));
            }
        }
    }

    private void run() {
        int n = Math.toIntExact(dataset.traceCount());
        int[] rsx = column("sourceX", mapping.sourceX());
        int[] rsy = column("sourceY", mapping.sourceY());
        int[] rgx = column("groupX", mapping.groupX());
        int[] rgy = column("groupY", mapping.groupY());
        int[] rsc = column("coordinateScalar", mapping.coordinateScalar());
        int[] ril = column("inline", mapping.inline());
        int[] rxl = column("crossline", mapping.crossline());
        int[] rcx = column("cdpX", mapping.cdpX());
        int[] rcy = column("cdpY", mapping.cdpY());
        int[] rcdp = column("cdp", mapping.cdp());
        if (rsx == null || rsy == null || rgx == null || rgy == null || rsc == null || n == 0) {
            if (n == 0) {
                problems.add("the dataset has no traces");
            }
            return;
        }
        // coordinate scalars: one valid value for the whole survey
        scalar = rsc[0];
        for (int t = 0; t < n; t++) {
            int s = rsc[t];
            if (!validScalar(s)) {
                problems.add("trace " + t + ": coordinate scalar " + s + " (" + mapping.coordinateScalar()
                        + ") is not one of 0, ±1, ±10, ±100, ±1000, ±10000");
                break;
            }
            if (s != scalar && !(s == 0 && scalar == 1) && !(s == 1 && scalar == 0)) {
                problems.add("inconsistent coordinate scalars: trace 0 has " + scalar + ", trace " + t + " has " + s
                        + " (" + mapping.coordinateScalar() + "); fix the headers (e.g. a header-math job) before migrating");
                break;
            }
        }
        double factor = factor(scalar);
        sx = new double[n];
        sy = new double[n];
        gx = new double[n];
        gy = new double[n];
        long zero = 0;
        long firstZero = -1;
        for (int t = 0; t < n; t++) {
            sx[t] = rsx[t] * factor;
            sy[t] = rsy[t] * factor;
            gx[t] = rgx[t] * factor;
            gy[t] = rgy[t] * factor;
            if (rsx[t] == 0 && rsy[t] == 0 && rgx[t] == 0 && rgy[t] == 0) {
                if (zero++ == 0) {
                    firstZero = t;
                }
            }
            extent[0] = Math.min(extent[0], Math.min(sx[t], gx[t]));
            extent[1] = Math.max(extent[1], Math.max(sx[t], gx[t]));
            extent[2] = Math.min(extent[2], Math.min(sy[t], gy[t]));
            extent[3] = Math.max(extent[3], Math.max(sy[t], gy[t]));
            offsetMax = Math.max(offsetMax, Math.hypot(gx[t] - sx[t], gy[t] - sy[t]));
        }
        if (zero > 0) {
            problems.add(zero + " trace(s) have zero source and receiver coordinates (" + mapping.sourceX() + ", " + mapping.sourceY()
                    + ", " + mapping.groupX() + ", " + mapping.groupY() + "), the first is trace " + firstZero
                    + "; map the coordinates to other header fields (\"headers\" in the job) or set them first");
        }
        // bins: inline/crossline, or a 2D line numbered by CDP
        boolean haveLines = ril != null && rxl != null && (count(ril) > 0 || count(rxl) > 0);
        if (haveLines) {
            inline = ril;
            crossline = rxl;
        } else if (rcdp != null && count(rcdp) > 0) {
            inline = new int[n];
            java.util.Arrays.fill(inline, 1);
            crossline = rcdp;
            notes.add("no inline/crossline numbers: a 2D line, crossline = CDP number, inline 1");
            note("inline", "all zero: 2D line (inline 1)");
            note("crossline", "all zero: CDP numbers used");
        } else {
            problems.add("neither inline/crossline numbers (" + mapping.inline() + ", " + mapping.crossline() + ") nor CDP numbers ("
                    + mapping.cdp() + ") are set: the traces cannot be binned");
            return;
        }
        for (int t = 0; t < n; t++) {
            inlineMin = Math.min(inlineMin, inline[t]);
            inlineMax = Math.max(inlineMax, inline[t]);
            crosslineMin = Math.min(crosslineMin, crossline[t]);
            crosslineMax = Math.max(crosslineMax, crossline[t]);
        }
        boolean cdpCoordinates = rcx != null && rcy != null && (count(rcx) > 0 || count(rcy) > 0);
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int t = 0; t < n; t++) {
            bx[t] = cdpCoordinates ? rcx[t] * factor : (sx[t] + gx[t]) / 2;
            by[t] = cdpCoordinates ? rcy[t] * factor : (sy[t] + gy[t]) / 2;
        }
        if (!cdpCoordinates) {
            notes.add("no CDP coordinates: bins fitted to the source-receiver midpoints");
            note("cdpX", "all zero: midpoints used");
            note("cdpY", "all zero: midpoints used");
        }
        fitBins(bx, by);
        if (rcdp != null) {
            fitCdp(rcdp);
        }
    }

    private static long count(int[] c) {
        long nz = 0;
        for (int v : c) {
            if (v != 0) {
                nz++;
            }
        }
        return nz;
    }

    static boolean validScalar(int s) {
        int a = Math.abs(s);
        return a == 0 || a == 1 || a == 10 || a == 100 || a == 1000 || a == 10000;
    }

    /// The SEG-Y coordinate scalar as a factor: > 0 multiplies, < 0 divides, 0 means 1.
    public static double factor(int scalar) {
        return scalar == 0 ? 1 : scalar > 0 ? scalar : 1.0 / -scalar;
    }

    /// Least squares x = a + b·(il − il0) + c·(xl − xl0), and y alike, over every trace.
    private void fitBins(double[] bx, double[] by) {
        int n = bx.length;
        boolean oneInline = inlineMin == inlineMax;
        boolean oneCrossline = crosslineMin == crosslineMax;
        if (oneInline && oneCrossline) {
            problems.add("every trace is in one bin (inline " + inlineMin + ", crossline " + crosslineMin + "): no bin grid to migrate onto");
            return;
        }
        double[][] ata = new double[3][3];
        double[] atx = new double[3];
        double[] aty = new double[3];
        double ox = bx[0];
        double oy = by[0];
        for (int t = 0; t < n; t++) {
            double[] row = {1, inline[t] - inlineMin, crossline[t] - crosslineMin};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += row[i] * row[j];
                }
                atx[i] += row[i] * (bx[t] - ox);
                aty[i] += row[i] * (by[t] - oy);
            }
        }
        double[] cx;
        double[] cy;
        if (oneInline || oneCrossline) {
            int k = oneInline ? 2 : 1;
            double[][] a2 = {{ata[0][0], ata[0][k]}, {ata[k][0], ata[k][k]}};
            double[] x2 = solve2(a2, new double[] {atx[0], atx[k]});
            double[] y2 = solve2(a2, new double[] {aty[0], aty[k]});
            if (x2 == null || y2 == null) {
                problems.add("the bin grid cannot be fitted to the coordinates (all bins at one point?)");
                return;
            }
            if (oneInline) {
                // 2D: the inline step is the crossline step turned by 90 degrees
                cx = new double[] {x2[0], -y2[1], x2[1]};
                cy = new double[] {y2[0], x2[1], y2[1]};
            } else {
                cx = new double[] {x2[0], x2[1], y2[1]};
                cy = new double[] {y2[0], y2[1], -x2[1]};
            }
        } else {
            cx = solve3(ata, atx);
            cy = solve3(ata, aty);
            if (cx == null || cy == null) {
                problems.add("the bin grid cannot be fitted to the coordinates (inline and crossline numbers are not independent)");
                return;
            }
        }
        try {
            bins = new BinGrid(inlineMin, crosslineMin, ox + cx[0], oy + cy[0], cx[1], cy[1], cx[2], cy[2]);
        } catch (IllegalArgumentException e) {
            problems.add("the bin grid cannot be fitted: " + e.getMessage() + "; check the coordinate and inline/crossline fields");
            return;
        }
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double dx = bx[t] - bins.x(inline[t], crossline[t]);
            double dy = by[t] - bins.y(inline[t], crossline[t]);
            sum += dx * dx + dy * dy;
        }
        binResidualMeters = Math.sqrt(sum / n);
    }

    private void fitCdp(int[] cdp) {
        // cdp = a + b·il + c·xl exactly? (then the image's CDP numbers continue the survey's)
        int n = cdp.length;
        int t1 = -1;
        int t2 = -1;
        for (int t = 1; t < n && (t1 < 0 || t2 < 0); t++) {
            if (t1 < 0 && crossline[t] != crossline[0] && inline[t] == inline[0]) {
                t1 = t;
            }
            if (t2 < 0 && inline[t] != inline[0] && crossline[t] == crossline[0]) {
                t2 = t;
            }
        }
        long c = t1 < 0 ? 0 : (cdp[t1] - cdp[0]) / Math.max(1, Math.abs(crossline[t1] - crossline[0])) * Long.signum(crossline[t1] - crossline[0]);
        long b = t2 < 0 ? 0 : (cdp[t2] - cdp[0]) / Math.max(1, Math.abs(inline[t2] - inline[0])) * Long.signum(inline[t2] - inline[0]);
        long a = cdp[0] - b * inline[0] - c * crossline[0];
        for (int t = 0; t < n; t++) {
            if (a + b * inline[t] + c * crossline[t] != cdp[t]) {
                return;
            }
        }
        cdpFit = new long[] {a, b, c};
    }

    private static double[] solve2(double[][] a, double[] b) {
        double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        return new double[] {(b[0] * a[1][1] - a[0][1] * b[1]) / det, (a[0][0] * b[1] - b[0] * a[1][0]) / det};
    }

    private static double[] solve3(double[][] m, double[] b) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        double[] x = b.clone();
        for (int c = 0; c < 3; c++) {
            int p = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(a[p][c]) < 1e-9) {
                return null;
            }
            double[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            double tb = x[c];
            x[c] = x[p];
            x[p] = tb;
            for (int r = c + 1; r < 3; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < 3; k++) {
                    a[r][k] -= f * a[c][k];
                }
                x[r] -= f * x[c];
            }
        }
        double[] out = new double[3];
        for (int r = 2; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < 3; k++) {
                s -= a[r][k] * out[k];
            }
            out[r] = s / a[r][r];
        }
        return out;
    }

    /// Every problem that stops a migration (empty when the survey can be migrated).
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /// What the auto-detection decided (fallbacks taken).
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /// Each header role read, with counts and sample values.
    public List<Field> fields() {
        return List.copyOf(fields);
    }

    /// The fitted bin grid (null when it could not be fitted: see [#problems]).
    public BinGrid bins() {
        return bins;
    }

    /// RMS distance (m) between the traces' CDP (or midpoint) positions and their bin centres.
    public double binResidualMeters() {
        return binResidualMeters;
    }

    public int inlineMin() {
        return inlineMin;
    }

    public int inlineMax() {
        return inlineMax;
    }

    public int crosslineMin() {
        return crosslineMin;
    }

    public int crosslineMax() {
        return crosslineMax;
    }

    /// Sources' and receivers' extent: {xmin, xmax, ymin, ymax} (m).
    public double[] extent() {
        return extent.clone();
    }

    /// Largest source–receiver distance (m).
    public double maxOffsetMeters() {
        return offsetMax;
    }

    /// The survey's coordinate scalar.
    public int coordinateScalar() {
        return scalar;
    }

    /// The CDP number of bin (`inline`, `crossline`) when the survey numbers CDPs as an affine
    /// function of inline and crossline, else -1.
    public long cdpOf(int inline, int crossline) {
        return cdpFit == null ? -1 : cdpFit[0] + cdpFit[1] * inline + cdpFit[2] * crossline;
    }

    /// The bin (inline, crossline) of the first trace with CDP number `cdp`, or null.
    public int[] binOfCdp(long cdp) {
        int[] c;
        try {
            c = HeaderColumns.intColumn(dataset, mapping.cdp());
        } catch (RuntimeException e) {
            return null;
        }
        for (int t = 0; t < c.length; t++) {
            if (c[t] == cdp) {
                return new int[] {inline[t], crossline[t]};
            }
        }
        return null;
    }

    /// True when the survey has more than one inline.
    public boolean threeD() {
        return inlineMax > inlineMin;
    }

    /// The migration input over the scanned dataset: the coordinates with their scalar applied,
    /// samples read from the mapped store. Only when [#problems] is empty.
    public MigrationInput input() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the survey has problems: " + problems);
        }
        return new MigrationInput(dataset.samplesPerTrace(), dataset.manifest().sampleIntervalMicros() * 1e-6, 0, sx, sy, gx, gy,
                (t, out) -> dataset.readTrace(t, out, 0));
    }

    /// A summary for people and the wizard: extents, bins, lines, offsets, fields, notes, problems.
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset.dir().toString());
        m.put("traces", dataset.traceCount());
        m.put("samples", dataset.samplesPerTrace());
        m.put("sampleIntervalMicros", dataset.manifest().sampleIntervalMicros());
        m.put("coordinateScalar", scalar);
        m.put("extentMeters", Map.of("xMin", extent[0], "xMax", extent[1], "yMin", extent[2], "yMax", extent[3]));
        m.put("inlines", new int[] {inlineMin, inlineMax});
        m.put("crosslines", new int[] {crosslineMin, crosslineMax});
        m.put("maxOffsetMeters", offsetMax);
        if (bins != null) {
            m.put("bins", Map.of("inlineSpacingMeters", bins.inlineSpacing(), "crosslineSpacingMeters", bins.crosslineSpacing(),
                    "inlineAzimuthDegrees", bins.inlineAzimuthDegrees(), "originX", bins.originX(), "originY", bins.originY(),
                    "residualMeters", binResidualMeters));
        }
        List<Map<String, Object>> f = new ArrayList<>();
        for (Field x : fields) {
            f.add(Map.of("role", x.role(), "field", x.field(), "nonZero", x.nonZero(), "sample", x.sample(), "note", x.note()));
        }
        m.put("fields", f);
        m.put("notes", notes);
        m.put("problems", problems);
        return m;
    }
}
