package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.dataset.internal.TargetLock;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyFile;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// One writer per target (an OS lock the second writer runs into at once, naming the holder's
/// pid; released when the holder dies) and replacing a dataset without ever losing it.
class WriterSafetyTest {
    @TempDir
    Path tmp;

    private Path survey(String name, int shots, int seed) {
        Path sgy = tmp.resolve(name);
        new SyntheticSurvey(SurveyGeometry.of(shots, 96), 500, 2000, SampleFormat.IBM_FLOAT32, seed).write(sgy, ByteOrder.BIG_ENDIAN, 2, null);
        return sgy;
    }

    /// `sgy` imported as `tmp/ds` with the default options.
    private Path imported(Path sgy) {
        Path ds = tmp.resolve("ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        return ds;
    }

    private static Process child(Class<?> main, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String digest(Path sgy) {
        try (SegyFile f = SegyFile.open(sgy)) {
            return SampleDigest.of(f);
        }
    }

    private static String digestOf(Path ds) {
        try (Dataset d = Dataset.open(ds)) {
            return d.sampleDigest();
        }
    }

    @Test
    void aSecondWriterRefusesAtOnceNamingTheHolderPidAndGetsTheTargetOnceTheHolderDies() throws Exception {
        Path sgy = survey("a.sgy", 2, 1);
        Path ds = tmp.resolve("ds");
        Process holder = child(TargetLockMain.class, ds.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("locked");
            for (boolean overwrite : new boolean[] {false, true}) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> Importer.run(List.of(sgy), ds, Importer.Options.defaults().withOverwrite(overwrite)))
                        .isInstanceOf(DatasetException.class).hasMessageContaining("being written by another process")
                        .hasMessageContaining("pid " + holder.pid());
                assertThat((System.nanoTime() - start) / 1e9).as("refused at once").isLessThan(2.0);
            }
            assertThat(ds.resolve(DatasetFiles.INCOMPLETE_MARKER)).as("the holder's files untouched").exists();
            holder.destroyForcibly(); // SIGKILL: the OS releases the lock
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        assertThat(digestOf(ds)).isEqualTo(digest(sgy));
        assertThat(TargetLock.lockFile(ds)).as("lock file removed after the commit").doesNotExist();
    }

    @Test
    void twoImportsInOneProcessDoNotBothWrite() throws Exception {
        Path sgy = survey("a.sgy", 30, 1); // 2,880 traces: several chunks
        Path ds = tmp.resolve("ds");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = Thread.ofPlatform().start(() -> {
            try {
                Importer.run(List.of(sgy), ds, Importer.Options.defaults().withWorkers(1).withProgress(b -> {
                    started.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> Importer.run(List.of(sgy), ds, Importer.Options.defaults().withOverwrite(true)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("being written by this process");
        go.countDown();
        first.join();
        assertThat(failure.get()).isNull();
        assertThat(digestOf(ds)).isEqualTo(digest(sgy));
    }

    @Test
    void derivedDatasetsSortsAndExportsTakeTheLockToo() throws Exception {
        Path sgy = survey("a.sgy", 2, 1);
        Path ds = imported(sgy);
        Path out = tmp.resolve("out.ds");
        try (Dataset in = Dataset.open(ds); DatasetWriter first = DatasetWriter.derive(in, out, "first", false)) {
            // a second writer of any kind (a run, a sort, a QC or web job: all write through DatasetWriter) refuses at once
            assertThatThrownBy(() -> DatasetWriter.derive(in, out, "second", true)).hasMessageContaining("being written by this process");
            assertThatThrownBy(() -> org.seisproc.ensemble.TraceSorter.sort(in, out, "cdp",
                    new org.seisproc.ensemble.TraceSorter.Options(1 << 20, 1, true, null))).hasMessageContaining("being written");
            assertThatThrownBy(() -> Importer.run(List.of(sgy), out, Importer.Options.defaults().withOverwrite(true)))
                    .hasMessageContaining("being written");
            first.writeTrace(0, new float[in.samplesPerTrace()], 0);
            first.commit();
        }
        try (Dataset in = Dataset.open(ds); DatasetWriter kept = DatasetWriter.create(in, tmp.resolve("kept.ds"), in.traceCount(), true,
                "kept", false, true)) {
            kept.close(true); // interrupted: files kept for a resume, the lock released
        }
        try (Dataset in = Dataset.open(ds); DatasetWriter resumed = DatasetWriter.create(in, tmp.resolve("kept.ds"), in.traceCount(),
                true, "kept", false, true)) {
            assertThat(resumed.resumed()).isTrue();
            resumed.commit();
        }
        assertThat(TargetLock.lockFile(out)).doesNotExist();
        assertThat(TargetLock.lockFile(tmp.resolve("kept.ds"))).doesNotExist();
    }

    @Test
    void aRerunRecordsItsOwnPidInTheMarker() throws Exception {
        Path ds = Files.createDirectories(tmp.resolve("ds"));
        Files.writeString(ds.resolve(DatasetFiles.INCOMPLETE_MARKER), "being written since 2020-01-01T00:00:00Z by pid 1\n");
        TargetDir dir = TargetDir.prepare(ds, false);
        try {
            assertThat(Files.readString(ds.resolve(DatasetFiles.INCOMPLETE_MARKER))).contains("by pid " + ProcessHandle.current().pid())
                    .doesNotContain("pid 1\n");
        } finally {
            dir.abandon();
        }
        assertThatThrownBy(() -> Dataset.open(ds)).hasMessageContaining("incomplete")
                .hasMessageContaining("pid " + ProcessHandle.current().pid()).hasMessageContaining("rerun");
    }

    @Test
    void aFailedOverwriteLeavesTheOldDatasetWhole() throws Exception {
        Path old = survey("old.sgy", 2, 1);
        Path replacement = survey("new.sgy", 3, 2);
        Path ds = imported(old);
        System.setProperty(TargetDir.FREE_BYTES_PROPERTY, "1000");
        try {
            assertThatThrownBy(() -> Importer.run(List.of(replacement), ds, Importer.Options.defaults().withOverwrite(true)))
                    .hasMessageContaining("not enough disk space");
        } finally {
            System.clearProperty(TargetDir.FREE_BYTES_PROPERTY);
        }
        assertThat(digestOf(ds)).isEqualTo(digest(old));
        Importer.run(List.of(replacement), ds, Importer.Options.defaults().withOverwrite(true));
        assertThat(digestOf(ds)).isEqualTo(digest(replacement));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList())
                    .as("no leftovers beside the dataset").isEmpty();
        }
    }

    @Test
    void aKilledOverwriteLeavesTheOldDatasetWhole() throws Exception {
        Path old = survey("old.sgy", 2, 1);
        Path replacement = survey("new.sgy", 60, 2);
        Path ds = imported(old);
        Process child = child(SlowImportMain.class, replacement.toString(), ds.toString(), "overwrite");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).startsWith("progress");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(digestOf(ds)).as("the old dataset survives the kill").isEqualTo(digest(old));
        Importer.run(List.of(replacement), ds, Importer.Options.defaults().withOverwrite(true));
        assertThat(digestOf(ds)).isEqualTo(digest(replacement));
    }

    @Test
    void aSwapCutBetweenItsTwoRenamesIsFinishedByTheNextOpen() throws Exception {
        Path old = survey("old.sgy", 2, 1);
        Path replacement = survey("new.sgy", 3, 2);
        Path ds = imported(old);
        Importer.run(List.of(replacement), tmp.resolve("built"), Importer.Options.defaults());
        // the state a crash between the renames leaves: the old dataset aside, the new one complete beside
        Files.move(ds, tmp.resolve(".ds.old-1"));
        Files.move(tmp.resolve("built"), tmp.resolve(".ds.next"));
        assertThat(digestOf(ds)).isEqualTo(digest(replacement));
        assertThat(tmp.resolve(".ds.old-1")).doesNotExist();
        assertThat(tmp.resolve(".ds.next")).doesNotExist();
    }
}
