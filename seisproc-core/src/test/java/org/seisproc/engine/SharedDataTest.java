package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Importer;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Shared data: loaded once, the plan equals a brute-force grouping of the unsorted (shot-ordered)
/// survey, every worker thread sees the very same memory, the report accounts for it, and
/// clear() releases it.
class SharedDataTest {
    @Test
    void loadedOnceSharedByAllWorkersAndEqualToABruteForceGrouping(@TempDir Path dir) throws Exception {
        Path sgy = dir.resolve("s.sgy");
        new SyntheticSurvey(SurveyGeometry.of(12, 48), 100, 4000, SampleFormat.IEEE_FLOAT32, 2).write(sgy, ByteOrder.BIG_ENDIAN, 2, null);
        Path ds = dir.resolve("s.ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        try (Dataset d = Dataset.open(ds); SharedData shared = SharedData.load(d, List.of("cdp"), List.of("offset"), HeaderLayout.standard())) {
            EnsemblePlan plan = shared.plan();
            EnsemblePlan brute = TestPlans.byKey(d, "cdp", "offset");
            assertThat(plan.ensembles()).isEqualTo(brute.ensembles());
            for (int e = 0; e < plan.ensembles(); e++) {
                assertThat(plan.key(e)).containsExactly(brute.key(e));
                assertThat(plan.traceCount(e)).isEqualTo(brute.traceCount(e));
                for (int i = 0; i < plan.traceCount(e); i++) {
                    assertThat(plan.trace(e, i)).as("ensemble %d trace %d", e, i).isEqualTo(brute.trace(e, i));
                }
            }
            // every worker thread gets the same objects and the same mapped memory (no copy)
            ConcurrentHashMap<Object, Boolean> plans = new ConcurrentHashMap<>();
            ConcurrentHashMap<Long, Boolean> addresses = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(4);
            for (int w = 0; w < 4; w++) {
                Thread.ofPlatform().start(() -> {
                    plans.put(shared.plan(), true);
                    addresses.put(shared.dataset().samples().address(), true);
                    done.countDown();
                });
            }
            done.await();
            assertThat(plans).hasSize(1);
            assertThat(addresses).hasSize(1);
            assertThat(shared.memoryReport()).anySatisfy(i -> {
                assertThat(i.what()).contains("trace store");
                assertThat(i.bytes()).isEqualTo(d.samples().byteSize());
                assertThat(i.mapped()).isTrue();
            });
            assertThat(shared.memoryReport()).anySatisfy(i -> assertThat(i.what()).contains("key column cdp"));
            shared.clear();
            assertThatThrownBy(shared::plan).isInstanceOf(IllegalStateException.class);
        }
    }
}
