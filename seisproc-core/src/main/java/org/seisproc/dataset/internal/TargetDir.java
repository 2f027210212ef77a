package org.seisproc.dataset.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.DatasetManifest;

/// The life of a dataset directory being written, so that it never looks complete before it is.
///
/// `prepare` creates the directory (or reuses one left incomplete by an interrupted run, after
/// emptying it) and puts the `.incomplete` marker in it; the data files follow; `commit` syncs
/// them, writes `dataset.json` atomically (temp file + rename) and removes the marker. A
/// directory counts as a dataset only when it has `dataset.json` and no marker. Nothing outside
/// the target directory is ever written.
public final class TargetDir {
    /// Test hook: pretend the file system has this many usable bytes.
    public static final String FREE_BYTES_PROPERTY = "seisproc.test.freeBytes";

    /// Prefix of the folder inside the target that holds a replaced dataset's files while they
    /// are deleted in the background.
    static final String REPLACED_PREFIX = ".replaced-";

    private final Path dir;
    private Thread cleaner;
    private long pendingBytes;

    private TargetDir(Path dir) {
        this.dir = dir;
    }

    /// Prepares `dir` for writing. A complete dataset there is replaced only with `overwrite`;
    /// a non-empty directory that is not a (possibly incomplete) dataset is never touched.
    public static TargetDir prepare(Path dir, boolean overwrite) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new DatasetException(abs, "exists and is not a directory; choose another dataset path");
            }
            if (Files.isDirectory(abs)) {
                boolean complete = Files.isRegularFile(abs.resolve(DatasetFiles.MANIFEST))
                        && !Files.exists(abs.resolve(DatasetFiles.INCOMPLETE_MARKER));
                boolean incomplete = Files.exists(abs.resolve(DatasetFiles.INCOMPLETE_MARKER));
                if (complete && !overwrite) {
                    throw new DatasetException(abs, "a dataset already exists here; pass --overwrite to replace it");
                }
                if (!complete && !incomplete && !isEmpty(abs)) {
                    throw new DatasetException(abs, "the directory is not empty and is not a SeisProc dataset; "
                            + "choose an empty or new directory");
                }
                if (complete) {
                    // Mark first, so that a crash from here on leaves an incomplete dataset, never a mix.
                    writeMarker(abs);
                    Files.delete(abs.resolve(DatasetFiles.MANIFEST));
                }
                TargetDir target = new TargetDir(abs);
                target.moveAsideOldFiles();
                writeMarker(abs);
                Files.createDirectories(abs.resolve(DatasetFiles.SOURCES));
                return target;
            }
            Files.createDirectories(abs);
            writeMarker(abs);
            Files.createDirectories(abs.resolve(DatasetFiles.SOURCES));
            return new TargetDir(abs);
        } catch (IOException e) {
            throw new DatasetException(abs, "cannot create the dataset directory: " + e.getMessage()
                    + ". Check the path and its permissions.", e);
        }
    }

    /// Reopens `dir` when it is an incomplete dataset whose `files` all exist with the given
    /// sizes (an interrupted run of the same job, to be resumed); otherwise null.
    public static TargetDir resumable(Path dir, java.util.Map<String, Long> files) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs) || !Files.exists(abs.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
            return null;
        }
        try {
            for (var e : files.entrySet()) {
                Path f = abs.resolve(e.getKey());
                if (!Files.isRegularFile(f) || (e.getValue() >= 0 && Files.size(f) != e.getValue())) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new TargetDir(abs);
    }

    /// Opens `dir` — an incomplete dataset another process or thread is writing and holds the
    /// lock of — for writing traces into its existing `files` (each checked for its size);
    /// a clear error when it is not such a dataset.
    public static TargetDir attached(Path dir, java.util.Map<String, Long> files) {
        TargetDir t = resumable(dir, files);
        if (t == null) {
            throw new DatasetException(dir.toAbsolutePath().normalize(), "is not a dataset being written with the expected files"
                    + " (" + String.join(", ", files.keySet()) + "); its coordinator must create it first");
        }
        return t;
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /// Fails with a clear message when the file system lacks `bytes` of free space (counting
    /// the space of a replaced dataset that is still being deleted as free).
    public void requireSpace(long bytes) {
        long usable;
        String forced = System.getProperty(FREE_BYTES_PROPERTY);
        try {
            usable = forced != null ? Long.parseLong(forced) : Files.getFileStore(dir).getUsableSpace() + pendingBytes;
        } catch (IOException e) {
            return; // unknown: the writes themselves will tell
        }
        if (usable < bytes) {
            throw new DatasetException(dir, String.format("not enough disk space: the dataset needs %,.1f MB, %,.1f MB are free;"
                    + " free some space or choose another location", bytes / 1e6, usable / 1e6));
        }
    }

    /// Writes `bytes` to file `name` inside the dataset.
    public void writeFile(String name, byte[] bytes) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new DatasetException(dir.resolve(name), "cannot write: " + e.getMessage(), e);
        }
    }

    /// Syncs every data file, writes `dataset.json` atomically and removes the marker.
    public void commit(DatasetManifest manifest) {
        try {
            finishCleanup();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    // read-only is enough for fsync, and a file shared with the source dataset (a
                    // hard-linked header table) may be read-only
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                        ch.force(true);
                    }
                }
            }
            Path tmp = dir.resolve(DatasetFiles.MANIFEST + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(manifest.toJson().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(DatasetFiles.MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(DatasetFiles.MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(dir.resolve(DatasetFiles.INCOMPLETE_MARKER));
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot finish the dataset: " + e.getMessage(), e);
        }
    }

    /// After a failure: removes what was written, leaving an empty directory with the marker (so
    /// a rerun knows it may reuse it).
    public void abandon() {
        try {
            finishCleanup();
            emptyExceptMarker(dir);
        } catch (IOException ignored) {
            // the marker stays; a rerun cleans up
        }
    }

    /// Moves everything but the marker into a `.replaced-*` folder (a rename: instant) and
    /// deletes that folder on a background thread, so that replacing a large dataset does not
    /// hold up the start of a job (deleting gigabytes of freshly written pages takes seconds).
    /// [#commit] and [#abandon] wait for it; leftovers of a crashed run go the same way.
    private void moveAsideOldFiles() throws IOException {
        java.util.List<Path> old = entriesExceptMarker(dir);
        if (old.isEmpty()) {
            return;
        }
        Path trash = dir.resolve(REPLACED_PREFIX + Long.toHexString(System.nanoTime()));
        Files.createDirectory(trash);
        for (Path p : old) {
            pendingBytes += sizeOf(p);
            Files.move(p, trash.resolve(p.getFileName()));
        }
        cleaner = Thread.ofPlatform().daemon().name("seisproc-cleanup").start(() -> {
            try {
                deleteTree(trash);
            } catch (IOException ignored) {
                // finishCleanup retries and reports
            }
        });
    }

    /// Waits for the background deletion and removes any `.replaced-*` folder still there.
    private void finishCleanup() throws IOException {
        if (cleaner != null) {
            try {
                cleaner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while deleting the replaced dataset");
            }
            cleaner = null;
            pendingBytes = 0;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, REPLACED_PREFIX + "*")) {
            for (Path p : s) {
                deleteTree(p);
            }
        }
    }

    private static long sizeOf(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            long n = 0;
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                n += Files.size(f);
            }
            return n;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void writeMarker(Path dir) throws IOException {
        Path marker = dir.resolve(DatasetFiles.INCOMPLETE_MARKER);
        try {
            Files.writeString(marker, "being written since " + Instant.now() + " by pid " + ProcessHandle.current().pid() + "\n",
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // an interrupted run's marker: keep it
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void emptyExceptMarker(Path dir) throws IOException {
        for (Path p : entriesExceptMarker(dir)) {
            deleteTree(p);
        }
    }

    /// The entries of `dir` but the `.incomplete` marker.
    private static java.util.List<Path> entriesExceptMarker(Path dir) throws IOException {
        java.util.List<Path> out = new java.util.ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals(DatasetFiles.INCOMPLETE_MARKER)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
