package org.seisproc.web;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Exporter;
import org.seisproc.dataset.Importer;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyFile;

/// Imports (SEG-Y/SU files under the root → a dataset) and exports (a dataset → a SEG-Y/SU file
/// under the root) as [Task]s with progress. Both writers are atomic: a failed or interrupted
/// run leaves no half-written target.
final class TransferService extends RootTasks {
    TransferService(RootDir root, Tasks tasks) {
        super(root, tasks);
    }

    /// `{ "files": ["a.sgy", ...], "target": "a.dataset", "overwrite": false, "checksum": false }`.
    Task importFiles(ObjectNode body) {
        JsonNode files = body.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw WebError.bad("files", "'files' must list the SEG-Y/SU file(s) to import, relative to the served folder");
        }
        List<Path> inputs = new ArrayList<>();
        long bytes = 0;
        for (JsonNode f : files) {
            Path p = root.resolve("files", f.asText());
            if (!Files.isRegularFile(p)) {
                throw WebError.notFound("files", "no file '" + f.asText() + "' in the served folder");
            }
            try {
                bytes += Files.size(p);
            } catch (IOException e) {
                throw WebError.bad("files", "cannot read '" + f.asText() + "': " + e.getMessage());
            }
            inputs.add(p);
        }
        Path target = root.resolve("target", ProcessingService.text(body, "target"));
        boolean overwrite = body.path("overwrite").asBoolean(false);
        boolean checksum = body.path("checksum").asBoolean(false);   // also record the SHA-256 (a pass over the store)
        refuseExisting("target", target, overwrite);
        long total = bytes;
        Task task = tasks.submit("import", "import " + inputs.size() + " file(s) -> " + root.relative(target), t -> {
            t.total = total;
            t.unit = "bytes";
            // a cancel stops the copy workers at their next progress report; the import then
            // leaves nothing that looks complete (as when it is interrupted)
            Importer.Report r = Importer.run(inputs, target, Importer.Options.defaults().withOverwrite(overwrite)
                    .withChecksums(checksum).withProgress(n -> {
                        t.done.set(n);
                        t.checkCancel();
                    }));
            t.done.set(total);
            t.log(String.format("imported %,d traces x %,d samples in %.2f s", r.traces(), r.samplesPerTrace(), r.totalSeconds()));
            t.result("output", root.relative(r.dataset()));
            if (r.samplesSha256() != null) {
                t.result("checksum", r.samplesSha256());
            }
        });
        task.info.put("output", root.relative(target));
        return task;
    }

    /// `{ "ds": "a.dataset", "target": "out.sgy", "format": 5, "byteOrder": "big", "revision": 1, "overwrite": false }`.
    Task export(ObjectNode body, OpenDatasets open) {
        String ds = ProcessingService.text(body, "ds");
        Dataset dataset = open.dataset(ds);
        Path target = root.resolve("target", ProcessingService.text(body, "target"));
        if (!Catalog.isSeismicFile(target.getFileName().toString())) {
            throw WebError.bad("target", "the target file name must end in .sgy, .segy or .su");
        }
        boolean overwrite = body.path("overwrite").asBoolean(false);
        refuseExisting("target", target, overwrite);
        Exporter.Options options = options(body);
        ExportPlan plan = ExportPlan.of(body, dataset, open);
        SampleFormat fmt = options.format() != null ? options.format() : SampleFormat.ofCode(dataset.manifest().source().format());
        long traces = plan.selected() != null ? plan.selected().length : dataset.traceCount();
        long total = 3600 + traces * (dataset.traceHeaderBytes() + (long) dataset.samplesPerTrace() * fmt.bytes());
        Task task = tasks.submit("export", "export " + ds + " -> " + root.relative(target), t -> {
            t.total = total;
            t.unit = "bytes";
            Exporter.Report r;
            if (plan.trivial()) {
                r = Exporter.run(open.dataset(ds), target, options.withProgress(t.done::set));
            } else {
                Path tmp = root.path().resolve(".seisproc-tmp").resolve("export-" + t.id + ".dataset");
                try {
                    Files.createDirectories(tmp.getParent());
                    t.log("writing the selection (" + traces + " traces" + (plan.input() != null ? ", noise = input - processed" : "")
                            + (plan.mapping().isEmpty() ? "" : ", " + plan.mapping().size() + " header mapping(s)") + ")");
                    plan.writeDataset(open.dataset(ds), tmp, t);
                    if (t.cancel.get()) {
                        return;
                    }
                    try (Dataset selection = Dataset.open(tmp)) {
                        r = Exporter.run(selection, target, options.withProgress(t.done::set));
                    }
                } finally {
                    TransferService.deleteTree(tmp);
                }
            }
            t.done.set(total);
            t.log(String.format("wrote %s: %,d traces, %,d bytes, format %d, %s-endian, in %.2f s", root.relative(r.output()),
                    r.traces(), r.bytes(), r.format().code(), r.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little", r.seconds()));
            r.warnings().forEach(w -> t.log("warning: " + w));
            if (r.lossSummary() != null) {
                t.log(r.lossSummary());
            }
            t.result("output", root.relative(r.output()));
            t.result("bytes", r.bytes());
            t.result("fileSha256", fileSha256(r.output()));
            try (SegyFile f = SegyFile.open(r.output())) {
                t.result("checksum", SampleDigest.of(f));
            }
        });
        task.info.put("output", root.relative(target));
        return task;
    }

    /// The first five traces of an export as its header mapping writes them.
    java.util.Map<String, Object> exportPreview(ObjectNode body, OpenDatasets open) {
        Dataset dataset = open.dataset(ProcessingService.text(body, "ds"));
        ExportPlan plan = ExportPlan.of(body, dataset, open);
        return java.util.Map.of("traces", plan.selected() != null ? plan.selected().length : dataset.traceCount(),
                "rows", plan.preview(dataset, 5));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("seisproc serve: could not delete " + dir + ": " + e.getMessage());
        }
    }

    static Exporter.Options options(JsonNode body) {
        Exporter.Options o = Exporter.Options.defaults();
        JsonNode format = body.get("format");
        if (format != null && !format.isNull() && !format.asText().isBlank()) {
            SampleFormat f = SampleFormat.ofCodeOrNull(format.asInt(-1));
            if (f == null) {
                throw WebError.bad("format", "format " + format.asText() + " is not a SEG-Y sample format code this program writes"
                        + " (1 IBM, 2/3/8 integers, 5 IEEE float32, 6 float64, ...)");
            }
            o = o.withFormat(f);
        }
        String order = body.path("byteOrder").asText("");
        if (!order.isBlank()) {
            o = o.withByteOrder(switch (order) {
                case "big" -> ByteOrder.BIG_ENDIAN;
                case "little" -> ByteOrder.LITTLE_ENDIAN;
                default -> throw WebError.bad("byteOrder", "'byteOrder' is big or little, not '" + order + "'");
            });
        }
        JsonNode revision = body.get("revision");
        if (revision != null && !revision.isNull() && !revision.asText().isBlank()) {
            int r = revision.asInt(-1);
            if (r != 1 && r != 2) {
                throw WebError.bad("revision", "'revision' is 1 or 2, not '" + revision.asText() + "'");
            }
            o = o.withRevision(r);
        }
        return o;
    }

    /// SHA-256 of a file's bytes, as hex.
    static String fileSha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
