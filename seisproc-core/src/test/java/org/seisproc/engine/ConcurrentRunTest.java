package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Two runs into one output: the second refuses before it writes anything (issue 17, item 1:
/// before, both ran to the end and the second then failed), and the first completes.
class ConcurrentRunTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunIntoTheSameOutputRefusesWhileTheFirstRuns() throws Exception {
        Path ds = new SyntheticSurvey(SurveyGeometry.of(8, 48), 200, 2000, SampleFormat.IEEE_FLOAT32, 1)
                .writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 1);
        Job job = Job.parse(new ObjectMapper().readTree("{\"input\": \"s.ds\", \"output\": \"out.ds\", \"key\": [\"fldr\"],"
                + " \"processors\": [{\"name\": \"agc\", \"windowMs\": 100}]}"), dir, dir.resolve("job.json"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Engine.Report> first = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                first.set(Engine.run(job, new Engine.Options(1, false, false, done -> {
                    started.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, new AtomicBoolean())));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(() -> Engine.run(job, new Engine.Options(1, true, false, null, new AtomicBoolean())))
                .isInstanceOf(DatasetException.class).hasMessageContaining("out.ds").hasMessageContaining("being written");
        assertThat((System.nanoTime() - start) / 1e9).as("refused before any processing").isLessThan(10.0);
        go.countDown();
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(first.get().complete()).isTrue();
        try (Dataset out = Dataset.open(dir.resolve("out.ds"))) {
            assertThat(out.traceCount()).isEqualTo(8 * 48);
        }
    }
}
