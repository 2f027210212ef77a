package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.segy.SegyFile;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;
import org.seisproc.testdata.Fixtures;

/// Mutated file headers never crash or hang the reader: byte flips in the first 3,840 bytes
/// (textual, binary and first trace header) and truncations of a few SEG-Y and SU fixtures, each
/// opened, read through (every trace, the first and last trace headers, the samples' digest) and,
/// one in 100, imported. Every outcome must be success or a clean error ([SegyException] /
/// [DatasetException] with a message free of Java exception names) within 10 s.
///
/// `-Dseisproc.fuzz.seed=S` replays a run (the seed is printed); `-Dseisproc.fuzz.count=N`
/// (default 2,000) and `-Dseisproc.fuzz.maxSeconds=T` make the long run (see docs/reliability.md).
class HeaderFuzzTest {
    private static final java.util.regex.Pattern EXCEPTION_NAME = java.util.regex.Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    @TempDir
    Path tmp;

    private Map<String, byte[]> fixtures() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path ibm = tmp.resolve("synth-ibm.sgy");
        new SyntheticSurvey(SurveyGeometry.of(1, 12), 50, 2000, SampleFormat.IBM_FLOAT32, 1).write(ibm, ByteOrder.BIG_ENDIAN, 1, null);
        out.put("synth-ibm.sgy", Files.readAllBytes(ibm));
        Path ieee = tmp.resolve("synth-ieee-le.sgy");
        new SyntheticSurvey(SurveyGeometry.of(1, 12), 50, 2000, SampleFormat.IEEE_FLOAT32, 2).write(ieee, ByteOrder.LITTLE_ENDIAN, 1, null);
        out.put("synth-ieee-le.sgy", Files.readAllBytes(ieee));
        Path su = tmp.resolve("synth.su");
        new SyntheticSurvey(SurveyGeometry.of(1, 12), 50, 2000, SampleFormat.IEEE_FLOAT32, 3).write(su, ByteOrder.LITTLE_ENDIAN, 1, null);
        out.put("synth.su", Files.readAllBytes(su));
        Path shared = Fixtures.folderOrNull();
        if (shared != null) {
            for (String name : List.of("segyio/small.sgy", "segyio/small.su", "segyio/multi-text.sgy", "segyio/rotated-small-rev2.sgy",
                    "segyio/trace-header-extension1.sgy")) {
                Path p = shared.resolve(name);
                if (Files.isRegularFile(p)) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /// One mutation of `original`: 1–8 byte changes in its first 3,840 bytes (random values or
    /// single-bit flips), or a truncation, or both.
    static byte[] mutate(byte[] original, SplittableRandom r, StringBuilder what) {
        int kind = r.nextInt(10);
        byte[] b = original.clone();
        if (kind < 8) {
            int changes = 1 + r.nextInt(8);
            int span = Math.min(3840, b.length);
            for (int i = 0; i < changes; i++) {
                int at = r.nextInt(span);
                byte before = b[at];
                b[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (b[at] ^ (1 << r.nextInt(8)));
                what.append(String.format("byte %d %02x->%02x; ", at, before & 0xff, b[at] & 0xff));
            }
        }
        if (kind >= 7) {
            int len = r.nextInt(b.length + 1);
            what.append("truncated to ").append(len).append(" bytes; ");
            b = java.util.Arrays.copyOf(b, len);
        }
        return b;
    }

    /// Opens and reads the file through; imports it when `importIt`. Returns normally or throws.
    private void exercise(Path file, boolean importIt, Path dataset) {
        try (SegyFile f = SegyFile.open(file)) {
            f.info();
            float[] buf = new float[f.samplesPerTrace()];
            for (long t = 0; t < f.traceCount(); t++) {
                f.readTrace(t, buf);
            }
            if (f.traceCount() > 0) {
                for (HeaderField h : f.layout().fields()) {
                    f.header(0, h);
                    f.headerDouble(f.traceCount() - 1, h);
                }
            }
            SampleDigest.of(f);
        }
        if (importIt) {
            Importer.run(List.of(file), dataset, Importer.Options.defaults().withWorkers(1).withOverwrite(true).withChecksums(false));
            try (Dataset d = Dataset.open(dataset)) {
                d.sampleDigest();
            }
        }
    }

    @Test
    void mutatedHeadersGiveSuccessOrACleanErrorNeverACrashOrAHang() throws Exception {
        long seed = Long.getLong("seisproc.fuzz.seed", System.nanoTime());
        long count = Long.getLong("seisproc.fuzz.count", 2000);
        double maxSeconds = Double.parseDouble(System.getProperty("seisproc.fuzz.maxSeconds", "1e9"));
        System.out.println("fuzz: seed " + seed + " (replay with -Dseisproc.fuzz.seed=" + seed + ")");
        Map<String, byte[]> fixtures = fixtures();
        List<String> names = new ArrayList<>(fixtures.keySet());
        SplittableRandom random = new SplittableRandom(seed);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        List<String> failures = new ArrayList<>();
        long ok = 0;
        long clean = 0;
        long imports = 0;
        long done = 0;
        Map<String, Long> errorKinds = new java.util.TreeMap<>();
        long start = System.nanoTime();
        try {
            for (long i = 0; i < count && (System.nanoTime() - start) / 1e9 < maxSeconds && failures.size() < 20; i++) {
                String name = names.get(random.nextInt(names.size()));
                StringBuilder what = new StringBuilder();
                byte[] mutated = mutate(fixtures.get(name), random, what);
                Path file = tmp.resolve("m" + (i % 2) + (name.endsWith(".su") ? ".su" : ".sgy"));
                Files.write(file, mutated);
                boolean importIt = random.nextInt(100) == 0;
                imports += importIt ? 1 : 0;
                Future<?> f = pool.submit(() -> exercise(file, importIt, tmp.resolve("m.ds")));
                done++;
                try {
                    f.get(10, TimeUnit.SECONDS);
                    ok++;
                } catch (TimeoutException e) {
                    failures.add("#" + i + " " + name + " (" + what + "): no outcome within 10 s");
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    boolean isClean = (c instanceof SegyException || c instanceof DatasetException) && c.getMessage() != null
                            && !EXCEPTION_NAME.matcher(c.getMessage()).find();
                    if (isClean) {
                        clean++;
                        errorKinds.merge(c.getClass().getSimpleName(), 1L, Long::sum);
                    } else {
                        failures.add("#" + i + " " + name + " (" + what + "): " + c);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %,d mutated files (%d fixtures, %,d also imported) in %.1f s: %,d read fine, %,d clean errors %s,"
                + " %d crashes or hangs; seed %d%n", done, names.size(), imports, seconds, ok, clean, errorKinds, failures.size(), seed);
        assertThat(failures).as("crashes or hangs (seed " + seed + ")").isEmpty();
        assertThat(done).isEqualTo(Math.min(count, done));
        if (maxSeconds >= 1e9) {
            assertThat(done).isEqualTo(count);
        }
    }
}
