package org.seisproc.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;

/// Lazy gathers: content via the permutation, LRU byte budget, prefetch, concurrency; the
/// navigator over the same index.
class GathersTest {
    @TempDir
    static Path dir;
    static Dataset ds;
    static EnsembleIndex cdp;

    @BeforeAll
    static void setUp() {
        ds = Dataset.open(Surveys.dataset(dir, "survey", 20, 48, 64));
        cdp = EnsembleIndex.build(ds, EnsembleKey.parse("cdp", "offset"));
    }

    @AfterAll
    static void tearDown() {
        ds.close();
    }

    static void assertGatherIsTheLogicalView(Gather g, int e) {
        int[] traces = cdp.traces(e);
        assertThat(g.ensemble()).isEqualTo(e);
        assertThat(g.n2()).isEqualTo(traces.length);
        assertThat(g.n1()).isEqualTo(ds.samplesPerTrace());
        assertThat(java.util.Arrays.copyOf(g.traces(), g.n2())).isEqualTo(java.util.Arrays.stream(traces).asLongStream().toArray());
        assertThat(g.key()).isEqualTo(java.util.Arrays.stream(cdp.keyValues(e)).asLongStream().toArray());
        float[] one = new float[ds.samplesPerTrace()];
        for (int j = 0; j < traces.length; j++) {
            ds.readTrace(traces[j], one, 0);
            assertThat(java.util.Arrays.copyOfRange(g.samples(), j * g.n1(), (j + 1) * g.n1())).isEqualTo(one);
            assertThat(ds.header(traces[j], org.seisproc.segy.TraceField.ENSEMBLE_NUMBER.field())).isEqualTo(g.key()[0]);
        }
    }

    @Test
    void readerReusesItsBufferAndReadsThroughThePermutation() {
        GatherReader r = new GatherReader(ds, cdp);
        Gather first = r.read(0);
        for (int e = 0; e < cdp.ensembleCount(); e += 7) {
            Gather g = r.read(e);
            assertThat(g).isSameAs(first);
            assertGatherIsTheLogicalView(g, e);
        }
        int e = cdp.ensembleCount() / 2;
        assertThat(r.readKey(cdp.keyValue(e, 0)).ensemble()).isEqualTo(e);
        assertThatThrownBy(() -> r.readKey(-999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ensemble cdp").hasMessageContaining("nearest");
    }

    @Test
    void cacheRespectsItsByteBudget() {
        long oneGather = new GatherReader(ds, cdp).read(cdp.ensembleCount() / 2, new Gather()).bytes();
        long budget = 5 * oneGather;
        try (Gathers gathers = new Gathers(ds, cdp, budget, 0, 1)) {
            for (int e = 0; e < cdp.ensembleCount(); e++) {
                Gather g = gathers.gather(e);
                assertGatherIsTheLogicalView(g, e);
                assertThat(gathers.stats().cachedBytes()).isLessThanOrEqualTo(budget);
            }
            Gathers.Stats s = gathers.stats();
            assertThat(s.misses()).isEqualTo(cdp.ensembleCount());
            assertThat(s.cachedGathers()).isBetween(1, 20);
            // the most recent is cached, the first was evicted
            int last = cdp.ensembleCount() - 1;
            assertThat(gathers.isCached(last)).isTrue();
            assertThat(gathers.isCached(0)).isFalse();
            Gather again = gathers.gather(last);
            assertThat(again).isSameAs(gathers.gather(last));
            assertThat(gathers.stats().hits()).isEqualTo(2);
        }
    }

    @Test
    void neighboursArePrefetched() {
        try (Gathers gathers = new Gathers(ds, cdp, 64L << 20, 2, 1)) {
            int e = cdp.ensembleCount() / 2;
            gathers.gather(e);
            gathers.awaitPrefetch();
            for (int n : new int[] {e - 2, e - 1, e + 1, e + 2}) {
                assertThat(gathers.isCached(n)).as("neighbour " + n).isTrue();
            }
            assertThat(gathers.stats().prefetched()).isEqualTo(4);
            gathers.gather(e + 1);
            assertThat(gathers.stats().hits()).isEqualTo(1);
            assertGatherIsTheLogicalView(gathers.gather(e + 2), e + 2);
        }
    }

    @Test
    void manyThreadsGetCorrectGathers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Gathers gathers = new Gathers(ds, cdp, 1L << 20, 1, 2)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                fs.add(pool.submit(() -> {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                    for (int i = 0; i < 150; i++) {
                        int e = r.nextInt(cdp.ensembleCount());
                        Gather g = gathers.gather(e);
                        assertThat(g.ensemble()).isEqualTo(e);
                        assertThat(java.util.Arrays.copyOf(g.traces(), g.n2())).isEqualTo(java.util.Arrays.stream(cdp.traces(e)).asLongStream().toArray());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            assertThat(gathers.stats().cachedBytes()).isLessThanOrEqualTo(1L << 20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void navigatorWalksEveryEnsembleOnceInBothDirections() {
        for (EnsembleKey key : List.of(EnsembleKey.parse("cdp"), EnsembleKey.parse("fldr"), EnsembleKey.parse("gx,gy"),
                EnsembleKey.parse("offset/200"))) {
            EnsembleIndex index = EnsembleIndex.build(ds, key);
            Navigator nav = new Navigator(index);
            Set<List<Integer>> seen = new HashSet<>();
            List<Integer> forward = new ArrayList<>();
            for (int e = nav.first(); e >= 0; e = nav.next()) {
                forward.add(e);
                assertThat(seen.add(java.util.Arrays.stream(nav.keyValues()).boxed().toList())).isTrue();
            }
            assertThat(forward).hasSize(index.ensembleCount());
            assertThat(seen).hasSize(BruteForce.group(ds, key).size());
            List<Integer> backward = new ArrayList<>();
            for (int e = nav.last(); e >= 0; e = nav.previous()) {
                backward.add(0, e);
            }
            assertThat(backward).isEqualTo(forward);
            int total = 0;
            for (int e : forward) {
                total += index.fold(e);
            }
            assertThat(total).isEqualTo(ds.traceCount());
            int mid = index.ensembleCount() / 2;
            assertThat(nav.goToKey(index.keyValues(mid))).isEqualTo(mid);
            assertThat(nav.position()).isEqualTo(mid);
            assertThat(nav.next()).isEqualTo(mid + 1);
        }
        Navigator nav = new Navigator(EnsembleIndex.build(ds, EnsembleKey.parse("offset/200")));
        int e = nav.goToKey(nav.index().keyValue(1, 0) + 199); // any value in the bin finds it
        assertThat(e).isEqualTo(1);
        assertThatThrownBy(() -> nav.goToKey(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
