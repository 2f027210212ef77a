package org.seisproc.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.seisproc.dataset.Dataset;
import org.seisproc.segy.HeaderField;

/// The gather viewer's section mode, for stacks (one trace per CDP bin): a dataset shown as a
/// section, chunk by chunk of consecutive traces in trace order (a QC stack is written in bin
/// order, so its trace order is line after line, crossline or cdp increasing), and the layout
/// hint that tells the page how a geophysicist looks at it: a 3-D stack line by line (key
/// `iline`, sorted by `xline`, through the ordinary gather endpoint), a 2-D stack or one line as
/// one long section in chunks.
final class SectionService {
    /// Traces per chunk by default, and at most.
    static final int DEFAULT_CHUNK = 1000;
    static final int MAX_CHUNK = 20_000;
    /// Samples per chunk at most (traces × samples per trace), so one request stays < 100 MB.
    static final long MAX_SAMPLES = 24L << 20;

    private final OpenDatasets open;

    SectionService(OpenDatasets open) {
        this.open = open;
    }

    /// How to show `ds`: whether it looks like a stack (written by QC stack, or one trace per
    /// cdp), its inlines, and the suggested view.
    Map<String, Object> layout(String ds) {
        Dataset d = open.dataset(ds);
        Map<String, Object> m = new LinkedHashMap<>();
        long n = d.traceCount();
        List<String> processing = d.manifest().processing() == null ? List.of() : d.manifest().processing();
        boolean stack = processing.stream().anyMatch(p -> p.startsWith("qc stack") || p.contains("difference stack"));
        int lines = 0;
        HeaderField il = d.headerLayout().findOrNull("iline");
        HeaderField cdp = d.headerLayout().findOrNull("cdp");
        if (n <= 4_000_000) { // a stack: small enough to look at its headers whole
            TreeSet<Long> inlines = new TreeSet<>();
            java.util.HashSet<Long> cdps = new java.util.HashSet<>();
            boolean cdpUnique = cdp != null;
            for (long t = 0; t < n; t++) {
                if (il != null && inlines.size() <= 100_000) {
                    inlines.add(d.header(t, il));
                }
                if (cdpUnique && !stack) {
                    cdpUnique = cdps.add(d.header(t, cdp));
                }
            }
            lines = inlines.size();
            stack |= cdpUnique && n > 1;
        }
        m.put("dataset", ds);
        m.put("traces", n);
        m.put("stack", stack);
        m.put("inlines", lines);
        m.put("chunk", DEFAULT_CHUNK);
        if (stack && lines > 1) {
            m.put("view", "gathers");
            m.put("key", "iline");
            m.put("sort", d.headerLayout().findOrNull("xline") != null ? "xline" : cdp != null ? "cdp" : null);
        } else {
            m.put("view", stack ? "section" : "gathers");
        }
        return m;
    }

    /// Chunk `chunk` of `size` consecutive traces of `ds` as a binary frame, shaped like a gather
    /// (`ensemble` = chunk, `ensembles` = chunks, `keyValues` = first and last trace).
    byte[] chunk(String ds, int chunk, int size) {
        Dataset d = open.dataset(ds);
        if (size < 1 || size > MAX_CHUNK || (long) size * d.samplesPerTrace() > MAX_SAMPLES) {
            throw WebError.bad("size", "'size' (traces per chunk) must be 1.." + Math.min(MAX_CHUNK, MAX_SAMPLES / d.samplesPerTrace())
                    + " for " + d.samplesPerTrace() + " samples per trace");
        }
        long n = d.traceCount();
        int chunks = (int) Math.max(1, (n + size - 1) / size);
        if (chunk < 0 || chunk >= chunks) {
            throw WebError.bad("e", "chunk " + chunk + " does not exist; " + ds + " has " + chunks + " chunk(s) of " + size + " traces (0.."
                    + (chunks - 1) + ")");
        }
        long from = (long) chunk * size;
        int n2 = (int) Math.min(size, n - from);
        int n1 = d.samplesPerTrace();
        float[] samples = new float[n1 * n2];
        long[] traces = new long[n2];
        for (int j = 0; j < n2; j++) {
            traces[j] = from + j;
            d.readTrace(from + j, samples, j * n1);
        }
        Frame f = new Frame().meta("dataset", d.dir().getFileName().toString()).meta("key", "section").meta("sort", null)
                .meta("ensemble", chunk).meta("ensembles", chunks).meta("keyValues", List.of(from, from + n2 - 1))
                .meta("n1", n1).meta("n2", n2).meta("sampleIntervalMicros", d.manifest().sampleIntervalMicros())
                .meta("firstTrace", from).meta("chunkSize", size).meta("traces", n);
        f.floats("samples", samples, 0, n1 * n2);
        GatherService.addHeaders(f, d, traces, n2, GatherService.DEFAULT_HEADERS);
        return f.encode();
    }
}
