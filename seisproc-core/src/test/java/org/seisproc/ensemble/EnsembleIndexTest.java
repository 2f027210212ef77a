package org.seisproc.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.ensemble.internal.KeySort;
import org.seisproc.testdata.Fixtures;

/// The index against a brute-force TreeMap grouping: synthetic shot-ordered surveys and the
/// real pre-stack fixtures; both sort paths; storage, mapping, staleness, bad keys.
class EnsembleIndexTest {
    @TempDir
    static Path shared;
    static Path survey;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeSurvey() {
        survey = Surveys.dataset(shared, "survey", 30, 48, 50);
    }

    @AfterEach
    void resetHook() {
        KeySort.forceGeneral = false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdp", "fldr", "gx,gy", "offset/100", "iline,xline", "cdp|offset", "gx,gy|offset", "iline,xline|offset",
            "cdp|+general", "offset/100|+general", "cdp|offset+general"})
    void syntheticSurveyMatchesBruteForce(String spec) {
        boolean general = spec.endsWith("+general");
        String s = spec.replace("+general", "");
        String[] parts = s.split("\\|", -1);
        EnsembleKey key = EnsembleKey.parse(parts[0], parts.length > 1 ? parts[1] : null);
        KeySort.forceGeneral = general;
        try (Dataset ds = Dataset.open(survey); EnsembleIndex index = EnsembleIndex.build(ds, key)) {
            List<BruteForce.Ensemble> expected = BruteForce.group(ds, key);
            assertThat(BruteForce.of(index)).isEqualTo(expected);
            assertThat(index.ensembleCount()).isGreaterThan(1);
            FoldStats f = index.foldStats();
            assertThat(f.min()).isEqualTo(expected.stream().mapToInt(e -> e.traces().size()).min().orElseThrow());
            assertThat(f.max()).isEqualTo(expected.stream().mapToInt(e -> e.traces().size()).max().orElseThrow());
            assertThat(f.mean()).isEqualTo((double) ds.traceCount() / expected.size());
        }
    }

    @Test
    void cdpIndexOfShotOrderedDataIsNotTheIdentity() {
        try (Dataset ds = Dataset.open(survey); EnsembleIndex index = EnsembleIndex.build(ds, EnsembleKey.parse("cdp"))) {
            boolean identity = true;
            for (int p = 0; p < index.traceCount(); p++) {
                identity &= index.traceAt(p) == p;
            }
            assertThat(identity).as("shot-ordered data sorted by cdp must be permuted").isFalse();
        }
    }

    @Test
    void randomColumnsMatchBruteForceOnBothPaths() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 50_000;
        int[] a = new int[n];
        int[] b = new int[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(-50, 50);
            b[i] = r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE); // wide range: forces the general path
            s[i] = r.nextInt(0, 4);
        }
        EnsembleKey narrow = EnsembleKey.parse("a", "s");
        EnsembleIndex fast = EnsembleIndex.build(narrow, new int[][] {a}, s);
        KeySort.forceGeneral = true;
        EnsembleIndex general = EnsembleIndex.build(narrow, new int[][] {a}, s);
        KeySort.forceGeneral = false;
        assertThat(BruteForce.of(fast)).isEqualTo(BruteForce.of(general));
        assertThat(fast.ensembleCount()).isEqualTo(100);
        for (int e = 0; e < fast.ensembleCount(); e++) {
            int[] t = fast.traces(e);
            for (int j = 1; j < t.length; j++) {
                assertThat(s[t[j - 1]] < s[t[j]] || (s[t[j - 1]] == s[t[j]] && t[j - 1] < t[j])).isTrue();
                assertThat(a[t[j]]).isEqualTo(fast.keyValue(e, 0));
            }
        }
        EnsembleIndex wide = EnsembleIndex.build(EnsembleKey.parse("a,b"), new int[][] {a, b}, null);
        for (int e = 1; e < wide.ensembleCount(); e++) {
            int c = Integer.compare(wide.keyValue(e - 1, 0), wide.keyValue(e, 0));
            assertThat(c < 0 || (c == 0 && wide.keyValue(e - 1, 1) < wide.keyValue(e, 1))).isTrue();
        }
        assertThat(wide.traceCount()).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-ps.sgy", "small-ps-dec-il-xl-off.sgy", "small-ps-dec-off-inc-il-xl.sgy",
            "small-ps-dec-xl-inc-il-off.sgy", "shot-gather.sgy"})
    void realPrestackFixturesMatchBruteForce(String name) {
        Path ds0 = Surveys.imported(Fixtures.file("segyio/" + name), tmp, "ds");
        try (Dataset ds = Dataset.open(ds0)) {
            for (EnsembleKey key : List.of(EnsembleKey.parse("iline,xline", "offset"), EnsembleKey.parse("offset"),
                    EnsembleKey.parse("fldr", "tracf"), EnsembleKey.parse("cdp"), EnsembleKey.parse("xline"))) {
                try (EnsembleIndex index = EnsembleIndex.build(ds, key)) {
                    assertThat(BruteForce.of(index)).as(name + " " + key).isEqualTo(BruteForce.group(ds, key));
                }
            }
        }
    }

    @Test
    void smallPsHasTwelveGathersOfTwoOffsets() {
        Path ds0 = Surveys.imported(Fixtures.file("segyio/small-ps-dec-il-xl-off.sgy"), tmp, "ds");
        try (Dataset ds = Dataset.open(ds0); EnsembleIndex index = EnsembleIndex.build(ds, EnsembleKey.parse("iline,xline", "offset"))) {
            assertThat(index.foldStats()).isEqualTo(new FoldStats(12, 2, 2.0, 2));
            var offset = org.seisproc.segy.HeaderLayout.standard().field("offset");
            for (int e = 0; e < 12; e++) {
                assertThat(ds.header(index.trace(e, 0), offset)).isLessThan(ds.header(index.trace(e, 1), offset));
            }
        }
    }

    @Test
    void storedIndexIsMappedAndEqualsTheBuiltOne() throws Exception {
        try (Dataset ds = Dataset.open(survey)) {
            EnsembleKey key = EnsembleKey.parse("cdp", "offset");
            Path dir = Files.createDirectories(tmp.resolve("copy"));
            EnsembleIndex built = EnsembleIndex.build(ds, key);
            assertThat(EnsembleIndex.status(ds, key)).isIn(IndexStatus.ABSENT, IndexStatus.FRESH);
            built.save(ds);
            assertThat(EnsembleIndex.status(ds, key)).isEqualTo(IndexStatus.FRESH);
            assertThat(Files.exists(ds.dir().resolve("index/cdp.by.offset.idx"))).isTrue();
            assertThat(Files.exists(ds.dir().resolve("index/cdp.by.offset.json"))).isTrue();
            try (EnsembleIndex loaded = EnsembleIndex.load(ds, key)) {
                assertThat(loaded.mapped()).isTrue();
                assertThat(BruteForce.of(loaded)).isEqualTo(BruteForce.of(built));
                assertThat(loaded.foldStats()).isEqualTo(built.foldStats());
                assertThat(loaded.find(loaded.keyValues(5))).isEqualTo(5);
                assertThat(loaded.find(Integer.MIN_VALUE)).isNegative();
            }
            try (EnsembleIndex opened = EnsembleIndex.open(ds, key)) {
                assertThat(opened.mapped()).isTrue();
                assertThat(opened.manifest().buildId()).isEqualTo(built.manifest().buildId());
                // the hand-written manifest reader agrees with Jackson's record binding
                Path json = ds.dir().resolve("index/cdp.by.offset.json");
                IndexManifest bound = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), IndexManifest.class);
                assertThat(IndexManifest.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile())))
                        .isEqualTo(bound).isEqualTo(opened.manifest());
                assertThat(bound.fields()).containsExactly("cdp");
                assertThat(bound.dataset()).isNotNull();
            }
            assertThat(dir).isDirectory();
        }
    }

    @Test
    void staleIndexIsDetectedAndRebuilt() throws Exception {
        Path other = Surveys.dataset(tmp, "other", 10, 24, 20);
        EnsembleKey key = EnsembleKey.parse("cdp");
        try (Dataset ds = Dataset.open(survey)) {
            EnsembleIndex.build(ds, key).save(ds);
        }
        // an index copied from another dataset (or left from earlier content) is stale
        Files.createDirectories(other.resolve("index"));
        Files.copy(survey.resolve("index/cdp.idx"), other.resolve("index/cdp.idx"));
        Files.copy(survey.resolve("index/cdp.json"), other.resolve("index/cdp.json"));
        try (Dataset ds = Dataset.open(other)) {
            assertThat(EnsembleIndex.status(ds, key)).isEqualTo(IndexStatus.STALE);
            assertThatThrownBy(() -> EnsembleIndex.load(ds, key)).isInstanceOf(DatasetException.class).hasMessageContaining("stale");
            try (EnsembleIndex rebuilt = EnsembleIndex.open(ds, key)) {
                assertThat(rebuilt.traceCount()).isEqualTo(ds.traceCount());
                assertThat(BruteForce.of(rebuilt)).isEqualTo(BruteForce.group(ds, key));
            }
            assertThat(EnsembleIndex.status(ds, key)).isEqualTo(IndexStatus.FRESH);
        }
    }

    @Test
    void badKeysGiveClearErrors() {
        try (Dataset ds = Dataset.open(survey)) {
            assertThatThrownBy(() -> EnsembleIndex.build(ds, EnsembleKey.parse("cdpp")))
                    .isInstanceOf(UnknownKeyException.class)
                    .hasMessageContaining("key 'cdpp'").hasMessageContaining(survey.toString()).hasMessageContaining("valid keys: ")
                    .hasMessageContaining("offset");
            assertThatThrownBy(() -> EnsembleIndex.build(ds, EnsembleKey.parse("cdp", "nosuch")))
                    .isInstanceOf(UnknownKeyException.class).hasMessageContaining("'nosuch'");
            assertThatThrownBy(() -> EnsembleKey.parse("offset/x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bin width");
            assertThatThrownBy(() -> EnsembleKey.parse("cdp,,offset")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
