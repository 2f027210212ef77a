package org.seisproc.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SyntheticSurvey;

/// The brute stack of the synthetic survey puts each modelled reflector at its t0 with its sign,
/// with the model's own velocity; bad velocity files and lines give errors naming what is wrong.
class QcStackTest {
    @TempDir
    static Path dir;
    static SyntheticSurvey survey;
    static Path ds;

    @BeforeAll
    static void survey() {
        survey = QcSurveys.survey(24, 96, 500);
        ds = QcSurveys.dataset(dir, "s", survey);
    }

    private static QcStack.Options options(String velocity, java.util.TreeSet<Integer> lines, QcStack.Method m, boolean sinc) {
        return new QcStack.Options(velocity, dir, lines, false, m, 1, 1.5, sinc, 2, true);
    }

    private static void checkReflectors(Path stackDir, Path foldDir) {
        try (Dataset st = Dataset.open(stackDir); Dataset fd = Dataset.open(foldDir)) {
            int n1 = st.samplesPerTrace();
            double dt = st.manifest().sampleIntervalMicros() * 1e-6;
            float[] tr = new float[n1];
            float[] fold = new float[n1];
            double[] t0 = survey.reflectorTimes();
            double[] amp = survey.reflectorAmplitudes();
            int[] good = new int[t0.length];
            double[] sum = new double[n1];
            int bins = 0;
            long nhs = 0;
            for (long b = 0; b < st.traceCount(); b++) {
                fd.readTrace(b, fold, 0);
                long n = st.header(b, st.headerLayout().field("nhs"));
                nhs += n;
                assertThat(st.header(b, st.headerLayout().field("offset"))).isZero();
                float maxFold = 0;
                for (float f : fold) {
                    maxFold = Math.max(maxFold, f);
                }
                assertThat(maxFold).as("fold of bin %d never exceeds its trace count", b).isLessThanOrEqualTo(n);
                if (n < 5) {
                    continue;
                }
                bins++;
                st.readTrace(b, tr, 0);
                for (int i = 0; i < n1; i++) {
                    sum[i] += tr[i];
                }
                for (int r = 0; r < t0.length; r++) {
                    int at = (int) Math.round(t0[r] / dt);
                    int best = peakNear(i -> tr[i], at, 6);
                    if (Math.abs(best - at) <= 1 && Math.signum(tr[best]) == Math.signum(amp[r])) {
                        good[r]++;
                    }
                }
            }
            assertThat(nhs).as("every input trace is in one bin").isEqualTo(24L * 96);
            assertThat(bins).isGreaterThan(20);
            for (int r = 0; r < t0.length; r++) {
                int at = (int) Math.round(t0[r] / dt);
                int best = peakNear(i -> sum[i], at, 10);
                assertThat(best).as("reflector %d: the peak of all bins' stack within 10 samples of t0", r).isBetween(at - 1, at + 1);
                assertThat(Math.signum(sum[best])).as("reflector %d: sign", r).isEqualTo(Math.signum(amp[r]));
                // per bin: ground roll (450 m/s) crosses the deepest reflectors at the far offsets of some bins
                assertThat(good[r]).as("reflector %d (t0 %.3f s, amplitude %+.1f): bins with the peak at t0 and that sign, of %d",
                        r, t0[r], amp[r], bins).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * bins));
            }
        }
    }

    @Test
    void bruteStackPutsEveryReflectorAtItsT0WithItsSign() {
        try (Dataset d = Dataset.open(ds)) {
            Path out = dir.resolve("stack");
            QcStack.Result r = QcStack.run(d, out, QcStack.defaultFoldPath(out), options("1800+600t", null, QcStack.Method.MEAN, false), null);
            assertThat(r.traces()).isEqualTo(24L * 96);
            assertThat(r.fold().getFileName().toString()).isEqualTo("stack.fold");
            checkReflectors(r.stack(), r.fold());
            try (Dataset st = Dataset.open(r.stack())) {
                int[] cdp = HeaderColumns.intColumn(st, "cdp");
                assertThat(cdp).isSorted().doesNotHaveDuplicates();
                assertThat(st.header(0, TraceField.TRACE_SEQUENCE_LINE.field())).isEqualTo(1);
            }
        }
    }

    @Test
    void medianStackWithSincAndAVelocityTableInKmPerSecond() throws Exception {
        Path table = dir.resolve("v.txt");
        StringBuilder sb = new StringBuilder("# brute velocities\ncdp time_ms vrms_km/s\n");
        try (Dataset d = Dataset.open(ds)) {
            int[] cdp = HeaderColumns.intColumn(d, "cdp");
            int lo = java.util.Arrays.stream(cdp).min().getAsInt();
            int hi = java.util.Arrays.stream(cdp).max().getAsInt();
            for (int c : new int[] {lo, hi}) {
                for (int t = 0; t <= 1000; t += 250) {
                    sb.append(c).append(' ').append(t).append(' ').append(SyntheticSurvey.rmsVelocity(t / 1000.0) / 1000).append('\n');
                }
            }
            Files.writeString(table, sb);
            Path out = dir.resolve("median");
            QcStack.Result r = QcStack.run(d, out, dir.resolve("median-fold"), options("v.txt", null, QcStack.Method.MEDIAN, true), null);
            checkReflectors(r.stack(), r.fold());
        }
    }

    @Test
    void linesSelectInlinesAndUnknownLinesSayWhichExist() {
        try (Dataset d = Dataset.open(ds)) {
            QcStack.Result r = QcStack.run(d, dir.resolve("l2"), dir.resolve("l2f"), options("2000", Lines.parse("2"), QcStack.Method.MEAN, false), null);
            try (Dataset st = Dataset.open(r.stack())) {
                assertThat(HeaderColumns.intColumn(st, "iline")).containsOnly(2);
            }
            assertThatThrownBy(() -> QcStack.run(d, dir.resolve("l9"), dir.resolve("l9f"), options("2000", Lines.parse("2,90-92"),
                    QcStack.Method.MEAN, false), null)).hasMessageContaining("inline(s) 90-92 do not exist").hasMessageContaining("it has inlines 1-");
        }
    }

    @Test
    void badVelocityFilesNameTheLineAndValue() throws Exception {
        try (Dataset d = Dataset.open(ds)) {
            assertStackRefusesTable(d, "cdp time_s vrms_m/s\n1 0 1800\n1 0.5 2000\n1 0.4 2100\n")
                    .hasMessageContaining("bad1.txt line 4").hasMessageContaining("time 0.4 does not increase");
            assertStackRefusesTable(d, "cdp time_s vrms_m/s\n1 0 1800\n1 0.5 -20\n")
                    .hasMessageContaining("line 3").hasMessageContaining("velocity -20 is not positive");
            assertStackRefusesTable(d, "cdp time_s vrms_m/s\n1 0 1800\n999999 0.5 2000\n")
                    .hasMessageContaining("line 3").hasMessageContaining("cdp 999999 is not in the dataset");
            assertStackRefusesTable(d, "cdp time vrms\n1 0 1800\n")
                    .hasMessageContaining("line 1").hasMessageContaining("with units");
            assertThat(Files.exists(dir.resolve("x"))).isFalse();
        }
        assertThat(VelocityModel.parseFunction("1.8+0.6t km/s")).isEqualTo(new VelocityModel.Linear(1800, 600));
        assertThat(VelocityModel.parseFunction("6000 ft/s")).isEqualTo(new VelocityModel.Linear(6000 * 0.3048, 0));
        assertThatThrownBy(() -> VelocityModel.parseFunction("0")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> VelocityModel.parseFunction("fast")).hasMessageContaining("neither a file nor a function");
    }

    /// Stacking `d` with the velocity table `table` (written to bad1.txt) fails; the failure to check.
    private static AbstractThrowableAssert<?, ? extends Throwable> assertStackRefusesTable(Dataset d, String table) throws IOException {
        Files.writeString(dir.resolve("bad1.txt"), table);
        return assertThatThrownBy(() -> QcStack.run(d, dir.resolve("x"), dir.resolve("xf"), options("bad1.txt", null, QcStack.Method.MEAN, false),
                null));
    }

    /// The sample of largest |amplitude| within `halfWidth` samples of `at` (`at` or the first
    /// of equals).
    private static int peakNear(java.util.function.IntToDoubleFunction trace, int at, int halfWidth) {
        int best = at;
        for (int i = at - halfWidth; i <= at + halfWidth; i++) {
            if (Math.abs(trace.applyAsDouble(i)) > Math.abs(trace.applyAsDouble(best))) {
                best = i;
            }
        }
        return best;
    }
}
