package org.seisproc.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.testdata.Fixtures;

/// The physical sort equals the logical (index) view, gather by gather, samples and headers.
class TraceSorterTest {
    @TempDir
    Path dir;

    static void assertSortedEqualsLogicalView(Dataset in, Dataset out, EnsembleIndex index) {
        assertThat(out.traceCount()).isEqualTo(in.traceCount());
        GatherReader logical = new GatherReader(in, index);
        float[] trace = new float[out.samplesPerTrace()];
        long p = 0;
        for (int e = 0; e < index.ensembleCount(); e++) {
            Gather g = logical.read(e);
            for (int j = 0; j < g.n2(); j++, p++) {
                out.readTrace(p, trace, 0);
                assertThat(java.util.Arrays.copyOfRange(g.samples(), j * g.n1(), (j + 1) * g.n1())).as("trace " + p).isEqualTo(trace);
                assertThat(out.traceHeader(p).toArray(ValueLayout.JAVA_BYTE))
                        .isEqualTo(in.traceHeader(g.traces()[j]).toArray(ValueLayout.JAVA_BYTE));
            }
        }
        assertThat(p).isEqualTo(in.traceCount());
    }

    @Test
    void sortByCdpOffsetInSmallBlocksEqualsTheLogicalView() throws Exception {
        Path src = Surveys.dataset(dir, "survey", 25, 48, 40);
        AtomicLong progress = new AtomicLong();
        try (Dataset in = Dataset.open(src)) {
            long traceBytes = 4L * in.samplesPerTrace();
            // a budget of ~37 traces per worker: many blocks
            TraceSorter.Report r = TraceSorter.sort(in, dir.resolve("sorted"), "cdp,offset",
                    new TraceSorter.Options(75 * traceBytes, 2, false, progress::set));
            assertThat(r.blockTraces()).isEqualTo(37);
            assertThat(progress.get()).isEqualTo(in.traceCount());
            try (Dataset out = Dataset.open(dir.resolve("sorted")); EnsembleIndex index = EnsembleIndex.open(in, EnsembleKey.parse("cdp", "offset"))) {
                assertSortedEqualsLogicalView(in, out, index);
                // the header table (built while the blocks were written) is the raw headers' decoding
                for (String field : java.util.List.of("tracl", "fldr", "cdp", "offset", "gx")) {
                    org.seisproc.segy.HeaderField f = out.headerLayout().field(field);
                    assertThat(org.seisproc.io.parquet.ParquetIO.read(out.dir().resolve(org.seisproc.dataset.DatasetFiles.HEADERS_PARQUET),
                            java.util.List.of(field), null).ints(field)).as(field).containsExactly(out.intColumn(f));
                }
                assertThat(org.seisproc.dataset.DatasetVerifier.verify(out).ok()).isTrue();
                assertThat(out.manifest().processing()).containsExactly("sort --by cdp,offset");
                assertThat(out.readFile("binary.bin")).isEqualTo(in.readFile("binary.bin"));
                assertThat(out.readFile("textual.bin")).isEqualTo(in.readFile("textual.bin"));
                // sorted by cdp: the cdp index of the output is the identity permutation
                try (EnsembleIndex sorted = EnsembleIndex.build(out, EnsembleKey.parse("cdp", "offset"))) {
                    for (int t = 0; t < out.traceCount(); t++) {
                        assertThat(sorted.traceAt(t)).isEqualTo(t);
                    }
                    assertThat(sorted.ensembleCount()).isEqualTo(index.ensembleCount());
                }
            }
            assertThatThrownBy(() -> TraceSorter.sort(in, dir.resolve("sorted"), "cdp", TraceSorter.Options.defaults()))
                    .hasMessageContaining("--overwrite");
            assertThatThrownBy(() -> TraceSorter.sort(in, dir.resolve("bad"), "cdp,nosuch", TraceSorter.Options.defaults()))
                    .isInstanceOf(UnknownKeyException.class);
            assertThat(Files.exists(dir.resolve("bad/dataset.json"))).isFalse();
        }
    }

    @Test
    void sortOfARealPrestackFixtureIsStable() {
        Path src = Surveys.imported(Fixtures.file("segyio/shot-gather.sgy"), dir, "shots");
        try (Dataset in = Dataset.open(src)) {
            TraceSorter.sort(in, dir.resolve("by-offset"), "offset", new TraceSorter.Options(1 << 20, 2, false, null));
            try (Dataset out = Dataset.open(dir.resolve("by-offset")); EnsembleIndex index = EnsembleIndex.open(in, EnsembleKey.parse("offset"))) {
                assertSortedEqualsLogicalView(in, out, index);
                assertThat(BruteForce.of(EnsembleIndex.build(out, EnsembleKey.parse("offset"))).size()).isEqualTo(index.ensembleCount());
            }
        }
    }

    @Test
    void runsOfTracesAlreadyInOrderAreReadWholeAndLandInPlace() throws Exception {
        Path src = Surveys.dataset(dir, "ordered", 7, 24, 40);
        try (Dataset in = Dataset.open(src)) {
            long traceBytes = 4L * in.samplesPerTrace();
            // fldr,tracf is the input order (a block is one read), fldr,offset much of it, tracf none
            for (String by : java.util.List.of("fldr,tracf", "fldr,offset", "tracf")) {
                Path out = dir.resolve("by-" + by.replace(',', '-'));
                TraceSorter.sort(in, out, by, new TraceSorter.Options(50 * traceBytes, 2, false, null));
                try (Dataset sorted = Dataset.open(out); EnsembleIndex index = EnsembleIndex.open(in, TraceSorter.sortKey(by))) {
                    assertSortedEqualsLogicalView(in, sorted, index);
                    assertThat(org.seisproc.dataset.DatasetVerifier.verify(sorted).ok()).as(by).isTrue();
                }
            }
        }
    }
}
