package org.seisproc.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.HeaderColumns;

/// Batch QC: noise is exactly before − after, before is the input, the metrics are what their
/// definitions say, the stacks' difference is their difference; unknown gathers are named.
class BatchQcTest {
    @TempDir
    static Path dir;
    static Path ds;

    @BeforeAll
    static void survey() {
        ds = QcSurveys.dataset(dir, "b", QcSurveys.survey(8, 48, 300));
    }

    private static Path job(String name, String extra) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\"input\": \"b\", \"output\": \"" + name + "\", \"key\": [\"fldr\"],"
                + " \"processors\": [{\"name\": \"bandpass\", \"f1\": 10, \"f2\": 15, \"f3\": 40, \"f4\": 50}]" + extra + "}");
        return f;
    }

    @Test
    void noiseIsExactlyBeforeMinusAfterAndMetricsFollowTheirDefinitions() throws Exception {
        BatchQc.Result r = BatchQc.run(job("q1", ", \"gathers\": [1002, 1005], \"stack\": {\"velocity\": \"1800+600t\"}"), 2, false, null);
        assertThat(r.gathers()).extracting(BatchQc.Metrics::label).containsExactly("fldr=1002", "fldr=1005");
        try (Dataset in = Dataset.open(ds); Dataset b = Dataset.open(r.output().resolve("before"));
             Dataset a = Dataset.open(r.output().resolve("after")); Dataset n = Dataset.open(r.output().resolve("noise"))) {
            assertThat(b.traceCount()).isEqualTo(96);
            int n1 = b.samplesPerTrace();
            float[] x = new float[n1];
            float[] y = new float[n1];
            float[] z = new float[n1];
            float[] src = new float[n1];
            int[] fldr = HeaderColumns.intColumn(b, "fldr");
            int[] tracf = HeaderColumns.intColumn(b, "tracf");
            double bb = 0;
            double aa = 0;
            double nn = 0;
            double ba = 0;
            boolean changed = false;
            for (long t = 0; t < b.traceCount(); t++) {
                b.readTrace(t, x, 0);
                a.readTrace(t, y, 0);
                n.readTrace(t, z, 0);
                in.readTrace((long) (fldr[(int) t] - 1001) * 48 + tracf[(int) t] - 1, src, 0);
                assertThat(x).as("before = input, trace %d", t).isEqualTo(src);
                for (int i = 0; i < n1; i++) {
                    assertThat(Float.floatToRawIntBits(z[i])).as("noise trace %d sample %d", t, i)
                            .isEqualTo(Float.floatToRawIntBits(x[i] - y[i]));
                    changed |= x[i] != y[i];
                    bb += (double) x[i] * x[i];
                    aa += (double) y[i] * y[i];
                    nn += (double) z[i] * z[i];
                    ba += (double) x[i] * y[i];
                }
            }
            assertThat(changed).isTrue();
            double m = 96.0 * n1;
            assertThat(r.overall().rmsBefore()).isCloseTo(Math.sqrt(bb / m), within(1e-9));
            assertThat(r.overall().rmsAfter()).isCloseTo(Math.sqrt(aa / m), within(1e-9));
            assertThat(r.overall().rmsNoise()).isCloseTo(Math.sqrt(nn / m), within(1e-9));
            assertThat(r.overall().correlation()).isCloseTo(ba / Math.sqrt(bb * aa), within(1e-9)).isBetween(0.3, 1.0);
        }
        assertThat(r.stacks()).extracting(p -> p.getFileName().toString()).containsExactly("before-stack", "after-stack", "difference-stack");
        try (Dataset b = Dataset.open(r.stacks().get(0)); Dataset a = Dataset.open(r.stacks().get(1)); Dataset d = Dataset.open(r.stacks().get(2))) {
            float[] x = new float[b.samplesPerTrace()];
            float[] y = new float[b.samplesPerTrace()];
            float[] z = new float[b.samplesPerTrace()];
            for (long t = 0; t < b.traceCount(); t++) {
                b.readTrace(t, x, 0);
                a.readTrace(t, y, 0);
                d.readTrace(t, z, 0);
                for (int i = 0; i < x.length; i++) {
                    assertThat(z[i]).isEqualTo(x[i] - y[i]);
                }
            }
        }
        assertThat(Files.readString(r.output().resolve("qc.json"))).contains("\"snrChangeDb\"").contains("fldr=1005");
    }

    @Test
    void unknownGathersAndLinesAreNamed() throws Exception {
        assertThatThrownBy(() -> BatchQc.run(job("q2", ", \"gathers\": [1002, 77]"), 1, false, null))
                .isInstanceOf(QcInputException.class).hasMessageContaining("gathers [77] do not exist").hasMessageContaining("fldr=1001");
        assertThatThrownBy(() -> BatchQc.run(job("q3", ", \"lines\": \"9\""), 1, false, null))
                .isInstanceOf(QcInputException.class).hasMessageContaining("inline(s) 9 do not exist");
    }
}
