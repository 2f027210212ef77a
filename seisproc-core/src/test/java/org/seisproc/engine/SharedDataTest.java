package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Importer;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// SharedData: loaded once, workers see the same memory (no copies), report, clear.
class SharedDataTest {
    @TempDir
    Path dir;

    Path survey() {
        Path sgy = dir.resolve("s.sgy");
        new SyntheticSurvey(SurveyGeometry.of(12, 48), 32, 4000, SampleFormat.IEEE_FLOAT32, 1).write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
        Importer.run(List.of(sgy), dir.resolve("ds"), Importer.Options.defaults().withWorkers(2));
        return dir.resolve("ds");
    }

    @Test
    void workersShareTheSameMemory() throws Exception {
        try (Dataset ds = Dataset.open(survey());
             SharedData shared = SharedData.load(ds, List.of("cdp", "offset", "CDP"), EnsembleKey.parse("cdp", "offset"))) {
            assertThat(shared.columnNames()).containsExactly("cdp", "offset");
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<long[]>> seen = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                seen.add(pool.submit(() -> new long[] {shared.column("cdp").address(), shared.index().permutation().address(),
                        shared.dataset().samples().address()}));
            }
            long[] first = seen.get(0).get();
            for (Future<long[]> f : seen) {
                assertThat(f.get()).isEqualTo(first); // the same addresses: views, not copies
            }
            pool.shutdown();
            assertThat(first[0]).isNotZero();
            MemorySegment view = shared.column("cdp");
            assertThat(view.isReadOnly()).isTrue();
            assertThatThrownBy(() -> view.set(SharedData.INT, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
            // a write through the owner's memory is visible through every view taken before
            MemorySegment writable = MemorySegment.ofAddress(view.address()).reinterpret(view.byteSize());
            int old = view.getAtIndex(SharedData.INT, 3);
            writable.setAtIndex(SharedData.INT, 3, old + 12345);
            assertThat(shared.column("cdp").getAtIndex(SharedData.INT, 3)).isEqualTo(old + 12345);
            assertThat(view.getAtIndex(SharedData.INT, 3)).isEqualTo(old + 12345);
            writable.setAtIndex(SharedData.INT, 3, old);
            // values are the headers
            for (int t = 0; t < ds.traceCount(); t += 17) {
                assertThat(view.getAtIndex(SharedData.INT, t)).isEqualTo((int) ds.header(t, TraceField.ENSEMBLE_NUMBER.field()));
            }
            assertThat(shared.index().mapped()).isTrue();
            var report = shared.memoryReport();
            assertThat(report).extracting(SharedData.Item::what).contains("column cdp", "column offset", "trace store");
            assertThat(report.get(0).bytes()).isEqualTo(4 * ds.traceCount());
            assertThat(shared.totalBytes()).isGreaterThan(ds.samples().byteSize());
            shared.clear();
            assertThatThrownBy(() -> shared.column("cdp")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> view.getAtIndex(SharedData.INT, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void unknownColumnNamesTheValidOnes() {
        try (Dataset ds = Dataset.open(survey())) {
            assertThatThrownBy(() -> SharedData.load(ds, List.of("cdp", "bogus"), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bogus'").hasMessageContaining("valid keys");
        }
    }
}
