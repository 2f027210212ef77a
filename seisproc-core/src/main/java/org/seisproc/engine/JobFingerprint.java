package org.seisproc.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.DatasetManifest;

/// Everything that determines a job's output, recorded beside its progress so that a resumed run
/// continues only the SAME job: the processors with every parameter, the input (its identity and
/// content checksums), the ensemble key and in-gather sort, and the plan's size. A rerun whose
/// fingerprint differs refuses to resume, naming what changed (a mix of two jobs' outputs would
/// otherwise be committed as one).
///
/// Stored as `job-fingerprint.txt`, one `part: value` line each, inside the incomplete output.
public record JobFingerprint(Map<String, String> parts) {
    /// The record's file name inside the output being written.
    public static final String FILE = "job-fingerprint.txt";

    /// The fingerprint of a prepared job.
    public static JobFingerprint of(PreparedJob job) {
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> steps = new ArrayList<>();
        for (Job.Step s : job.steps()) {
            StringBuilder sb = new StringBuilder(s.spec().name()).append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(s.parameters().asMap()).entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(text(e.getValue()));
                first = false;
            }
            steps.add(sb.append('}').toString());
        }
        parts.put("processors", String.join(" | ", steps));
        Dataset in = job.input();
        DatasetManifest m = in.manifest();
        DatasetManifest.Checksums sums = m.checksums();
        parts.put("input", in.dir().toAbsolutePath().normalize() + " (" + m.traces() + " traces, created " + m.created()
                + (sums != null ? ", samples " + sums.samplesSha256() + ", headers " + sums.traceHeadersSha256() : "") + ")");
        Job j = job.job();
        parts.put("key", j != null ? String.join(",", j.key()) : "");
        parts.put("sortBy", j != null ? String.join(",", j.sortBy()) : "");
        parts.put("ensembles", job.plan().ensembles() + " ensembles, " + job.plan().traceTotal() + " traces");
        return new JobFingerprint(Map.copyOf(parts));
    }

    /// Refuses when `output` is an interrupted run of another job (its recorded fingerprint
    /// differs from this one); an output without a record, or a complete one, passes.
    public void requireResumable(Path output) {
        Path file = output.resolve(FILE);
        if (!Files.exists(output.resolve(DatasetFiles.INCOMPLETE_MARKER)) || !Files.isRegularFile(file)) {
            return;
        }
        JobFingerprint old = read(file);
        List<String> changed = new ArrayList<>();
        for (String part : List.of("processors", "input", "key", "sortBy", "ensembles")) {
            String was = old.parts().getOrDefault(part, "");
            String now = parts.getOrDefault(part, "");
            if (!was.equals(now)) {
                changed.add(part + " (was: " + was + "; now: " + now + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new DatasetException(output, "an interrupted run of a different job left this output, so it cannot be resumed;"
                    + " changed: " + String.join("; ", changed) + ". Rerun with --no-resume to start over");
        }
    }

    /// Writes the record.
    public void save(Path file) {
        StringBuilder sb = new StringBuilder();
        for (String part : List.of("processors", "input", "key", "sortBy", "ensembles")) {
            sb.append(part).append(": ").append(parts.getOrDefault(part, "").replace('\n', ' ')).append('\n');
        }
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot record the job's fingerprint: " + e.getMessage(), e);
        }
    }

    /// Reads a record written by [#save].
    public static JobFingerprint read(Path file) {
        Map<String, String> parts = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    parts.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read the job's fingerprint: " + e.getMessage(), e);
        }
        return new JobFingerprint(Map.copyOf(parts));
    }

    private static String text(Object v) {
        if (v instanceof double[] d) {
            return Arrays.toString(d);
        }
        return String.valueOf(v);
    }
}
