package org.seisproc.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.engine.Engine;
import org.seisproc.engine.Job;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// A small synthetic land survey imported into a dataset, and job files over it.
final class TestSurvey {
    final Path dir;
    final Path dataset;

    TestSurvey(Path dir) {
        this.dir = dir;
        SyntheticSurvey survey = new SyntheticSurvey(new SurveyGeometry(16, 1, 48, 25, 200, 50), 500, 4000,
                SampleFormat.IEEE_FLOAT32, 7);
        dataset = survey.writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 2);
    }

    /// The dataset's trace count.
    static long traceCount(Path dataset) {
        try (Dataset ds = Dataset.open(dataset)) {
            return ds.traceCount();
        }
    }

    /// AGC, band-pass, NMO and mute.
    static final String FLOW = "[{\"name\": \"agc\", \"windowMs\": 250},"
            + "{\"name\": \"bandpass\", \"type\": \"ormsby\", \"f1\": 5, \"f2\": 10, \"f3\": 40, \"f4\": 60},"
            + "{\"name\": \"nmo\", \"velocities\": [{\"cdp\": 1, \"times\": [0, 2], \"velocities\": [1800, 3000]}],"
            + " \"maxStretchPercent\": 40},"
            + "{\"name\": \"mute\", \"offsets\": [0, 1200], \"timesMs\": [0, 500], \"taperMs\": 40}]";
    /// Mute, NMO, stack: one trace per CDP.
    static final String STACK = "[{\"name\": \"mute\", \"offsets\": [0, 1200], \"timesMs\": [0, 500], \"taperMs\": 40},"
            + "{\"name\": \"nmo\", \"velocities\": [{\"cdp\": 1, \"times\": [0, 2], \"velocities\": [1800, 3000]}]},"
            + "{\"name\": \"stack\"}]";
    /// Header math, then AGC.
    static final String HEADER_MATH = "[{\"name\": \"header\", \"set\": \"offset\", \"expression\": \"hypot(gx - sx, gy - sy) + 1\"},"
            + "{\"name\": \"agc\", \"windowMs\": 300}]";

    /// Writes a job file `name.json` over the survey by CDP (offset order) with `processors`.
    Path job(String name, String processors) {
        return job(name, processors, "stop");
    }

    Path job(String name, String processors, String onError) {
        String json = "{\"input\": \"" + dataset + "\", \"output\": \"" + dir.resolve(name + ".ds") + "\", \"key\": [\"cdp\"],"
                + " \"sortBy\": [\"offset\"], \"onError\": \"" + onError + "\", \"processors\": " + processors + "}";
        Path file = dir.resolve(name + ".json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /// Runs a job with the local engine (2 workers) and returns its output.
    static Path runLocally(Path jobFile) {
        Job job = Job.load(jobFile);
        Engine.Report r = Engine.run(job, Engine.Options.defaults().withWorkers(2));
        if (!r.complete()) {
            throw new AssertionError("the local run failed: " + r.failures());
        }
        return job.output();
    }

    /// The output's sample digest (what `seisproc checksum` prints) and its raw trace headers.
    static String digest(Path dataset) {
        try (Dataset ds = Dataset.open(dataset)) {
            return ds.sampleDigest();
        }
    }

    static byte[] rawHeaders(Path dataset) {
        try {
            return Files.readAllBytes(dataset.resolve(DatasetFiles.TRACE_HEADERS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// What a command line printed and returned.
    record Result(int code, String out, String err) {
        /// Runs `command` with an output and an error writer of its own and keeps what it wrote.
        static Result of(java.util.function.BiFunction<java.io.PrintWriter, java.io.PrintWriter, Integer> command) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = command.apply(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        }
    }
}
