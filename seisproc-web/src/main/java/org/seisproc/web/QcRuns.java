package org.seisproc.web;

import static org.seisproc.web.QcParams.core;
import static org.seisproc.web.QcParams.integer;
import static org.seisproc.web.QcParams.list;
import static org.seisproc.web.QcParams.number;
import static org.seisproc.web.QcParams.progress;
import static org.seisproc.web.QcParams.velocity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.qc.AttributeOptions;
import org.seisproc.qc.Flags;
import org.seisproc.qc.Lines;
import org.seisproc.qc.QcStack;
import org.seisproc.qc.TraceAttributes;

/// QC runs from the page, as [Task]s: the brute stack ([QcStack]) and trace attributes
/// ([TraceAttributes]) — the same library calls as `seisproc qc stack|attributes`, so the same
/// writers (locked, atomic dataset writers; Parquet written whole then renamed) and the same
/// validation: every value is checked by the core's parsers ([QcParams]) before the task is
/// queued, and a bad one is a 4xx naming its request field with the command line's message.
/// Inputs and outputs lie inside the root. Batch QC: [QcBatch].
final class QcRuns extends RootTasks {
    QcRuns(RootDir root, Tasks tasks) {
        super(root, tasks);
    }

    // ---- brute stack

    /// `{ds, output, velocity, lines, bin, method, minFold, stretchMute, interp, foldOutput, overwrite}`.
    Task stack(ObjectNode body) {
        String ds = ProcessingService.text(body, "ds");
        Path in = QcReports.datasetDir(root, "ds", ds);
        Path out = output(body, "output");
        Path fold = body.hasNonNull("foldOutput") && !body.get("foldOutput").asText().isBlank() ? output(body, "foldOutput")
                : QcStack.defaultFoldPath(out);
        root.checkInside("foldOutput", fold);
        boolean overwrite = body.path("overwrite").asBoolean(false);
        refuseExisting("output", out, overwrite);
        refuseExisting("foldOutput", fold, overwrite);
        if (out.equals(in) || fold.equals(in)) {
            String f = out.equals(in) ? "output" : "foldOutput";
            throw WebError.bad(f, "'" + f + "' must differ from the input dataset");
        }
        if (fold.equals(out)) {
            throw WebError.bad("foldOutput", "'foldOutput' must differ from 'output'");
        }
        for (Path p : List.of(out, fold)) {
            if (Files.exists(p) && !Files.isRegularFile(p.resolve(org.seisproc.dataset.DatasetFiles.MANIFEST))
                    && !Files.exists(p.resolve(org.seisproc.dataset.DatasetFiles.INCOMPLETE_MARKER))) {
                String f = p.equals(out) ? "output" : "foldOutput";
                throw new WebError(409, f, "'" + root.relative(p) + "' exists and is not a dataset; it is not overwritten");
            }
        }
        String velocity = velocity(root, ProcessingService.text(body, "velocity"), root.path(), "velocity");
        String linesText = QcReports.optional(body, "lines");
        TreeSet<Integer> lines = linesText == null ? null : core("lines", () -> Lines.parse(linesText));
        boolean byInline = core("bin", () -> QcStack.parseBin(body.path("bin").asText("cdp")));
        QcStack.Method method = core("method", () -> QcStack.parseMethod(body.path("method").asText("mean")));
        boolean sinc = core("interp", () -> QcStack.parseSinc(body.path("interp").asText("linear")));
        if (lines != null) {
            checkLines(in, ds, lines);
        }
        int minFold = integer(body, "minFold", 1);
        double stretch = number(body, "stretchMute", 1.5);
        int workers = Runtime.getRuntime().availableProcessors();
        QcStack.Options options = core("minFold", () -> new QcStack.Options(velocity, root.path(), lines, byInline, method, minFold,
                stretch, sinc, workers, overwrite));
        Task task = tasks.submit("qc-stack", "QC stack " + ds + " -> " + root.relative(out), t -> {
            try (Dataset d = Dataset.open(in)) {
                t.total = d.traceCount();
                t.log("velocity " + body.get("velocity").asText() + ", bins " + (byInline ? "iline,xline" : "cdp") + ", "
                        + method.name().toLowerCase(java.util.Locale.ROOT) + ", min fold " + minFold + ", stretch mute " + stretch
                        + (lines == null ? "" : ", inlines " + Lines.compact(lines)));
                QcStack.Result r = QcStack.run(d, out, fold, options, progress(t));
                t.log(String.format("stacked %,d bins of %,d traces (inlines %s) in %.2f s", r.bins(), r.traces(), Lines.compact(r.lines()),
                        r.seconds()));
                t.done.set(t.total);
                t.result("output", root.relative(r.stack()));
                t.result("fold", root.relative(r.fold()));
                t.result("bins", r.bins());
            }
        });
        task.info.put("output", root.relative(out));
        return task;
    }

    /// Refuses inlines the dataset does not have, with the core's message, before the task is
    /// queued. A bin's inline is its first trace's; the inlines of all traces are those of the
    /// bins unless a cdp bin straddles two inlines, which [QcStack#run] then still reports.
    private void checkLines(Path in, String ds, TreeSet<Integer> lines) {
        try (Dataset d = Dataset.open(in)) {
            if (d.headerLayout().findOrNull("iline") == null) {
                throw WebError.bad("lines", "'lines' selects inlines, but " + ds + " has no iline header");
            }
            TreeSet<Integer> present = new TreeSet<>();
            for (int v : org.seisproc.ensemble.HeaderColumns.intColumn(d, "iline")) {
                present.add(v);
            }
            org.seisproc.qc.QcInputException missing = QcStack.missingLines(lines, present, Path.of(ds));
            if (missing != null) {
                throw WebError.bad("lines", missing.getMessage());
            }
        }
    }

    // ---- trace attributes

    /// `{ds, output (.parquet), windowMs, noiseWindowMs, mute, flags, key, key2, headers, overwrite}`.
    Task attributes(ObjectNode body) {
        String ds = ProcessingService.text(body, "ds");
        Path in = QcReports.datasetDir(root, "ds", ds);
        Path out = output(body, "output");
        if (!out.getFileName().toString().endsWith(".parquet")) {
            throw WebError.bad("output", "the attribute table's name ends in .parquet (beside it: .ensembles.parquet and .bad.csv)");
        }
        boolean overwrite = body.path("overwrite").asBoolean(false);
        refuseExisting("output", out, overwrite);
        if (Files.isDirectory(out)) {
            throw new WebError(409, "output", "'" + root.relative(out) + "' is a folder; the attribute table is a .parquet file");
        }
        double[] sw = window(body, "windowMs", "--window-ms");
        double[] nw = window(body, "noiseWindowMs", "--noise-window-ms");
        String muteText = QcReports.optional(body, "mute");
        Taper mute = muteText == null ? null : core("mute", () -> AttributeOptions.parseMute(muteText));
        List<String> flagSettings = list(body.get("flags"));
        Flags flags = core("flags", () -> Flags.parse(flagSettings));
        AttributeOptions options = new AttributeOptions(sw[0], sw[1], nw[0], nw[1], mute, flags);
        EnsembleKey key = GatherService.key(body.path("key").asText("fldr"), QcReports.optional(body, "key2"));
        List<String> headers = body.hasNonNull("headers") ? list(body.get("headers")) : TraceAttributes.DEFAULT_HEADERS;
        try (Dataset d = Dataset.open(in)) {
            Sampling time = new Sampling(d.samplesPerTrace(), d.manifest().sampleIntervalMicros() * 1e-6, 0);
            core("windowMs", () -> options.signalWindow(time));
            core("noiseWindowMs", () -> options.noiseWindow(time));
            List<String> names = GatherService.available(d);
            for (String f : key.fields()) {
                if (!names.contains(f)) {
                    throw WebError.bad("key", "no header column '" + f + "'; columns: " + names);
                }
            }
            if (key.secondary() != null && !names.contains(key.secondary())) {
                throw WebError.bad("key2", "no header column '" + key.secondary() + "'; columns: " + names);
            }
            if (mute != null && !names.contains("offset")) {
                throw WebError.bad("mute", "a mute needs the offset header, which " + ds + " does not have");
            }
            if (headers != TraceAttributes.DEFAULT_HEADERS) {
                for (String h : headers) {
                    if (!names.contains(h)) {
                        throw WebError.bad("headers", "no header column '" + h + "'; columns: " + names);
                    }
                }
            }
        }
        Task task = tasks.submit("qc-attributes", "QC attributes " + ds + " -> " + root.relative(out), t -> {
            try (Dataset d = Dataset.open(in)) {
                t.total = d.traceCount();
                TraceAttributes.Result r = TraceAttributes.compute(d, key, options, Runtime.getRuntime().availableProcessors(),
                        progress(t));
                List<Path> files = TraceAttributes.write(d, r, headers, out);
                t.log(String.format("%,d traces in %,d gathers (%s) in %.2f s; signal window samples %d..%d, noise window samples"
                        + " %d..%d; %,d bad trace(s)", d.traceCount(), r.ensembles().rows(), key.spec(), r.seconds(), r.signalWindow()[0],
                        r.signalWindow()[1] - 1, r.noiseWindow()[0], r.noiseWindow()[1] - 1, r.bad()));
                files.forEach(f -> t.log("wrote " + root.relative(f)));
                t.done.set(t.total);
                t.result("output", root.relative(out));
                t.result("bad", r.bad());
            }
        });
        task.info.put("output", root.relative(out));
        return task;
    }

    private static double[] window(JsonNode body, String field, String option) {
        String text = QcReports.optional(body, field);
        return text == null ? new double[] {Double.NaN, Double.NaN} : core(field, () -> AttributeOptions.parseWindowMs(text, option));
    }

    // ---- outputs

    private Path output(JsonNode body, String field) {
        Path out = root.resolve(field, ProcessingService.text(body, field));
        if (out.equals(root.path())) {
            throw WebError.bad(field, "'" + field + "' must name something inside the served folder, not the folder itself");
        }
        return out;
    }
}
