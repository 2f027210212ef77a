package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.segy.HeaderField;

/// The demo (the README's main job) end to end on a small survey: every step runs, the round trip
/// is lossless, and its sorted dataset is in CDP order.
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryStepOnASmallSurvey() {
        CliTest.Result r = CliTest.run("demo", "--shots", "3", "--dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("byte-identical to the source", "== 11. sort the dataset into CDP order",
                "$ seisproc headers " + dir.resolve("demo-cdp.dataset") + " --where \"cdp between 100 and 101\"", "demo: done");
        try (Dataset sorted = Dataset.open(dir.resolve("demo-cdp.dataset"))) {
            HeaderField cdp = sorted.headerLayout().field("cdp");
            HeaderField offset = sorted.headerLayout().field("offset");
            int[] cdps = sorted.intColumn(cdp);
            int[] offsets = sorted.intColumn(offset);
            for (int t = 1; t < cdps.length; t++) {
                assertThat(cdps[t] > cdps[t - 1] || (cdps[t] == cdps[t - 1] && offsets[t] >= offsets[t - 1])).as("trace " + t).isTrue();
            }
        }
    }
}
