package org.seisproc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.FoldStats;
import org.seisproc.ensemble.Gather;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;

/// The gather navigator's server side, over [OpenDatasets]: what a key's ensembles are, where a
/// typed key value is, and one gather as a binary [Frame] (samples float32, trace numbers and
/// chosen header values float64).
final class GatherService {
    /// Header fields sent with every gather (for labels, the header plot and the cursor read-out),
    /// when the dataset has them.
    static final List<String> DEFAULT_HEADERS = List.of("tracl", "fldr", "tracf", "ep", "cdp", "cdpt", "offset", "sx", "sy", "gx",
            "gy", "iline", "xline", "nhs", "selev", "gelev", "muts", "mute");
    /// Largest gather served (traces), so one request cannot ask the server for gigabytes.
    static final int MAX_TRACES = 200_000;

    private final OpenDatasets open;

    GatherService(OpenDatasets open) {
        this.open = open;
    }

    /// Parses the ensemble key `key` (`cdp`, `gx,gy`, `offset/100`) and in-gather sort `sort`.
    static EnsembleKey key(String key, String sort) {
        if (key == null || key.isBlank()) {
            throw WebError.bad("key", "'key' is missing: an ensemble key such as cdp, fldr, gx,gy or offset/100");
        }
        try {
            return EnsembleKey.parse(key, sort);
        } catch (IllegalArgumentException e) {
            throw WebError.bad("key", e.getMessage());
        }
    }

    /// What the navigator needs to start: ensemble count, fold, sampling, key fields.
    Map<String, Object> ensembles(String ds, EnsembleKey key) {
        OpenDatasets.Browse b = browse(ds, key);
        FoldStats f = b.index().foldStats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", ds);
        out.put("key", key.spec());
        out.put("sort", key.secondary());
        out.put("fields", key.fields());
        out.put("ensembles", b.index().ensembleCount());
        out.put("traces", b.dataset().traceCount());
        out.put("samplesPerTrace", b.dataset().samplesPerTrace());
        out.put("sampleIntervalMicros", b.dataset().manifest().sampleIntervalMicros());
        out.put("fold", Map.of("min", f.min(), "mean", f.mean(), "max", f.max()));
        out.put("headers", available(b.dataset()));
        int n = b.index().ensembleCount();
        out.put("first", n > 0 ? values(b, 0) : List.of());
        out.put("last", n > 0 ? values(b, n - 1) : List.of());
        return out;
    }

    /// The ensemble whose key values are `value` (`1234`, or `100,200` for a two-field key).
    int find(String ds, EnsembleKey key, String value) {
        OpenDatasets.Browse b = browse(ds, key);
        if (value == null || value.isBlank()) {
            throw WebError.bad("value", "'value' is missing: the key value(s) of the ensemble, e.g. 1234 or 100,200");
        }
        String[] parts = value.split(",");
        if (parts.length != key.size()) {
            throw WebError.bad("value", "key " + key.spec() + " has " + key.size() + " field(s); 'value' gives " + parts.length);
        }
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = key.bin(i, Integer.parseInt(parts[i].trim()));
            } catch (NumberFormatException e) {
                throw WebError.bad("value", "'" + parts[i].trim() + "' is not an integer key value");
            }
        }
        int e = b.index().find(v);
        if (e < 0) {
            int at = -e - 1;
            String near = (at > 0 ? b.index().describe(at - 1) : "") + (at > 0 && at < b.index().ensembleCount() ? " and " : "")
                    + (at < b.index().ensembleCount() ? b.index().describe(at) : "");
            throw WebError.notFound("value", "no ensemble " + key.spec() + " = " + value.trim()
                    + (near.isEmpty() ? "" : "; nearest: " + near));
        }
        return e;
    }

    /// Ensemble `e` as a binary frame: metadata (position, fold, key values, sampling), samples
    /// (float32, trace after trace), trace numbers and header values (float64, one block per field).
    byte[] gather(String ds, EnsembleKey key, int e, List<String> headers) {
        OpenDatasets.Browse b = browse(ds, key);
        int count = b.index().ensembleCount();
        if (e < 0 || e >= count) {
            throw WebError.bad("e", "ensemble " + e + " does not exist; key " + key.spec() + " has " + count + " ensembles (0.."
                    + (count - 1) + ")");
        }
        if (b.index().fold(e) > MAX_TRACES) {
            throw WebError.bad("e", "ensemble " + e + " has " + b.index().fold(e) + " traces, more than the " + MAX_TRACES
                    + " a view shows; choose a finer key");
        }
        Gather g = b.gathers().gather(e);
        Frame f = header(b, e, g.n2());
        f.floats("samples", g.samples(), 0, g.n1() * g.n2());
        addHeaders(f, b.dataset(), g.traces(), g.n2(), headers);
        return f.encode();
    }

    /// The frame metadata of ensemble `e` of `b` with `n2` traces.
    static Frame header(OpenDatasets.Browse b, int e, int n2) {
        return new Frame().meta("dataset", b.dataset().dir().getFileName().toString()).meta("key", b.key().spec())
                .meta("sort", b.key().secondary()).meta("ensemble", e).meta("ensembles", b.index().ensembleCount())
                .meta("keyValues", values(b, e)).meta("n1", b.dataset().samplesPerTrace()).meta("n2", n2)
                .meta("sampleIntervalMicros", b.dataset().manifest().sampleIntervalMicros());
    }

    /// Adds `trace` (dataset trace numbers) and one float64 block per header field to `f`.
    static void addHeaders(Frame f, Dataset ds, long[] traces, int n2, List<String> names) {
        double[] t = new double[n2];
        for (int j = 0; j < n2; j++) {
            t[j] = traces[j];
        }
        f.doubles("trace", t);
        HeaderLayout layout = ds.headerLayout();
        List<String> sent = new ArrayList<>();
        for (String name : names) {
            HeaderField h = layout.findOrNull(name.trim());
            if (h == null) {
                continue;
            }
            double[] v = new double[n2];
            for (int j = 0; j < n2; j++) {
                v[j] = h.type().isInteger() ? (double) ds.header(traces[j], h)
                        : h.readDouble(ds.traceHeaders(), (long) traces[j] * ds.traceHeaderBytes(), ds.headerByteOrder());
            }
            f.doubles("h:" + h.name(), v);
            sent.add(h.name());
        }
        f.meta("headerNames", sent);
    }

    /// The requested header names: `headers` (comma-separated) or the defaults.
    static List<String> headerNames(String headers) {
        if (headers == null || headers.isBlank()) {
            return DEFAULT_HEADERS;
        }
        List<String> out = new ArrayList<>(DEFAULT_HEADERS);
        for (String h : headers.split(",")) {
            String n = h.trim().toLowerCase(java.util.Locale.ROOT);
            if (!n.isEmpty() && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    static List<String> available(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (HeaderField h : ds.headerLayout().fields()) {
            out.add(h.name());
        }
        return out;
    }

    static List<Integer> values(OpenDatasets.Browse b, int e) {
        List<Integer> v = new ArrayList<>();
        for (int k = 0; k < b.key().size(); k++) {
            v.add(b.index().keyValue(e, k));
        }
        return v;
    }

    private OpenDatasets.Browse browse(String ds, EnsembleKey key) {
        try {
            return open.browse(ds, key);
        } catch (org.seisproc.ensemble.UnknownKeyException ex) {
            throw WebError.bad("key", ex.getMessage());
        }
    }
}
