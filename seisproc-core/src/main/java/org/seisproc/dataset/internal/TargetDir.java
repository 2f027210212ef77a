package org.seisproc.dataset.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
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

/// The life of a dataset directory being written, so that it never looks complete before it is,
/// and only one writer writes it.
///
/// `prepare` first takes the target's exclusive OS lock ([TargetLock]: a second writer refuses
/// at once, naming the holder's pid), then creates the directory (or reuses one left incomplete
/// by an interrupted run, after emptying it) and puts the `.incomplete` marker in it (with the
/// writer's pid, rewritten by every rerun); the data files follow; `commit` syncs them, writes
/// `dataset.json` atomically (temp file + rename) and removes the marker. A directory counts as
/// a dataset only when it has `dataset.json` and no marker.
///
/// Replacing a complete dataset (`overwrite`) never destroys it before the new one is complete:
/// the new one is built beside it in `.NAME.next`, and `commit` swaps the two by two renames
/// (old → `.NAME.old-*`, new → NAME) and only then deletes the old one. A crash between the two
/// renames leaves both complete; the next writer, or [Dataset#open], finishes the swap
/// ([#recover]). Outside the target, only its lock file and the `.NAME.next`/`.NAME.old-*`
/// folders of a replacement are ever written. The lock is released by [#commit], [#abandon]
/// and [#release] (and by the OS when the process dies).
public final class TargetDir {
    /// Test hook: pretend the file system has this many usable bytes.
    public static final String FREE_BYTES_PROPERTY = "seisproc.test.freeBytes";

    /// Prefix of the folder inside the target that holds a replaced dataset's files while they
    /// are deleted in the background.
    static final String REPLACED_PREFIX = ".replaced-";

    /// Where the files are written now: the target, or `.NAME.next` beside it when replacing.
    private final Path dir;
    /// The dataset's final path.
    private final Path target;
    private final TargetLock lock;
    private Thread cleaner;
    private long pendingBytes;

    private TargetDir(Path dir, Path target, TargetLock lock) {
        this.dir = dir;
        this.target = target;
        this.lock = lock;
    }

    /// Prepares `dir` for writing, under its lock. A complete dataset there is replaced only with
    /// `overwrite` (and stays intact until the commit); a non-empty directory that is not a
    /// (possibly incomplete) dataset is never touched.
    public static TargetDir prepare(Path dir, boolean overwrite) {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new DatasetException(abs, "is the root of the file system; give a dataset directory below it");
        }
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new DatasetException(abs, "cannot create the dataset directory: " + TargetLock.reason(e) + " ("
                    + abs.getParent() + "). Check the path and its permissions.", e);
        }
        TargetLock lock = TargetLock.acquire(abs);
        try {
            return prepareLocked(abs, overwrite, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TargetDir prepareLocked(Path abs, boolean overwrite, TargetLock lock) {
        try {
            recoverLocked(abs);
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new DatasetException(abs, "exists and is not a directory; choose another dataset path");
            }
            Path next = nextDir(abs);
            if (Files.isDirectory(abs)) {
                boolean incomplete = Files.exists(abs.resolve(DatasetFiles.INCOMPLETE_MARKER));
                boolean complete = Files.isRegularFile(abs.resolve(DatasetFiles.MANIFEST)) && !incomplete;
                if (complete && !overwrite) {
                    throw new DatasetException(abs, "a dataset already exists here; pass --overwrite to replace it");
                }
                if (!complete && !incomplete && !isEmpty(abs)) {
                    throw new DatasetException(abs, "the directory is not empty and is not a SeisProc dataset; "
                            + "choose an empty or new directory");
                }
                if (complete) {
                    // build the new dataset beside the old one, which stays whole until the commit
                    deleteTree(next);
                    Files.createDirectory(next);
                    writeMarker(next);
                    Files.createDirectories(next.resolve(DatasetFiles.SOURCES));
                    return new TargetDir(next, abs, lock);
                }
                deleteTree(next); // an interrupted replacement of a dataset that is no longer complete
                TargetDir target = new TargetDir(abs, abs, lock);
                target.moveAsideOldFiles();
                writeMarker(abs);
                Files.createDirectories(abs.resolve(DatasetFiles.SOURCES));
                return target;
            }
            deleteTree(next);
            Files.createDirectories(abs);
            writeMarker(abs);
            Files.createDirectories(abs.resolve(DatasetFiles.SOURCES));
            return new TargetDir(abs, abs, lock);
        } catch (IOException e) {
            throw new DatasetException(abs, "cannot create the dataset directory: " + TargetLock.reason(e)
                    + ". Check the path and its permissions.", e);
        }
    }

    /// Reopens `dir` under its lock when it is an incomplete dataset whose `files` all exist with
    /// the given sizes (an interrupted run of the same job, to be resumed) — or when an
    /// interrupted replacement of the complete dataset there left such files in `.NAME.next`;
    /// otherwise null (and the lock is released).
    public static TargetDir resumable(Path dir, java.util.Map<String, Long> files) {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            return null;
        }
        TargetLock lock = TargetLock.acquire(abs);
        try {
            recoverLocked(abs);
            for (Path candidate : java.util.List.of(abs, nextDir(abs))) {
                if (hasFiles(candidate, files)) {
                    writeMarker(candidate);
                    return new TargetDir(candidate, abs, lock);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not resumable
        }
        lock.close();
        return null;
    }

    /// Opens `dir` — an incomplete dataset another process or thread is writing and holds the
    /// lock of — for writing traces into its existing `files` (each checked for its size), without
    /// taking the lock (its coordinator holds it; [#release] is a no-op here). The files are in
    /// the target, or in `.NAME.next` while the coordinator replaces a complete dataset. A clear
    /// error when it is not such a dataset.
    public static TargetDir attached(Path dir, java.util.Map<String, Long> files) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            for (Path candidate : java.util.List.of(abs, nextDir(abs))) {
                if (hasFiles(candidate, files)) {
                    return new TargetDir(candidate, abs, null);
                }
            }
        } catch (IOException e) {
            // reported below
        }
        throw new DatasetException(abs, "is not a dataset being written with the expected files"
                + " (" + String.join(", ", files.keySet()) + "); its coordinator must create it first");
    }

    private static boolean hasFiles(Path dir, java.util.Map<String, Long> files) throws IOException {
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
            return false;
        }
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f) || (e.getValue() >= 0 && Files.size(f) != e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /// Finishes a replacement that a crash interrupted between its two renames (the target is
    /// missing, its complete successor waits in `.NAME.next`), if the target's lock is free.
    /// Returns true when it renamed something.
    public static boolean recover(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path next = nextDir(abs);
        if (Files.exists(abs) || !isComplete(next)) {
            return false;
        }
        try (TargetLock lock = TargetLock.acquire(abs)) {
            return recoverLocked(abs);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean recoverLocked(Path abs) throws IOException {
        Path next = nextDir(abs);
        boolean renamed = false;
        if (!Files.exists(abs) && isComplete(next)) {
            Files.move(next, abs, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
        }
        if (Files.exists(abs)) {
            for (Path old : oldDirs(abs)) {
                deleteTree(old);
            }
        }
        return renamed;
    }

    private static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(DatasetFiles.MANIFEST)) && !Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER));
    }

    /// `.NAME.next` beside the target: where its replacement is built.
    static Path nextDir(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".next");
    }

    private static java.util.List<Path> oldDirs(Path target) throws IOException {
        java.util.List<Path> out = new java.util.ArrayList<>();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return out;
        }
        String prefix = "." + target.getFileName() + ".old-";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                if (p.getFileName().toString().startsWith(prefix)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /// The incomplete-dataset explanation for `dir` (which has the marker): who was writing it,
    /// whether that writer is still running, and what to do.
    public static String describeIncomplete(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String writer = "";
        long pid = -1;
        try {
            String marker = Files.readString(abs.resolve(DatasetFiles.INCOMPLETE_MARKER));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("by pid (\\d+)").matcher(marker);
            if (m.find()) {
                pid = Long.parseLong(m.group(1));
            }
            java.util.regex.Matcher since = java.util.regex.Pattern.compile("since (\\S+)").matcher(marker);
            writer = pid >= 0 ? " (written by pid " + pid + (since.find() ? " since " + since.group(1) : "") + ")" : "";
        } catch (IOException | RuntimeException e) {
            // no details
        }
        boolean running = Files.exists(TargetLock.lockFile(abs)) && pid >= 0 && pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (running) {
            return "the dataset is incomplete: it is being written right now" + writer + "; wait for that command to finish";
        }
        return "the dataset is incomplete" + writer + ": the command writing it was interrupted or failed; rerun that command"
                + " to finish it ('run' resumes where it stopped, 'import' and 'sort' start again) or delete the directory";
    }

    /// The directory the files are written to now (the target, or its `.NAME.next` replacement).
    public Path dir() {
        return dir;
    }

    /// The dataset's final path.
    public Path target() {
        return target;
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
            throw new DatasetException(target, String.format("not enough disk space: the dataset needs %,.1f MB, %,.1f MB are free%s;"
                    + " free some space or choose another location", bytes / 1e6, usable / 1e6,
                    dir.equals(target) ? "" : " (the dataset being replaced stays until the new one is complete)"));
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

    /// Records the data files' chunk checksums ([ChunkChecksums]), syncs every file, writes
    /// `dataset.json` atomically and removes the marker.
    public void commit(DatasetManifest manifest) {
        commit(manifest, java.util.Map.of());
    }

    /// [#commit(DatasetManifest)] with the chunk codes of some files already known (computed
    /// while they were written, [ChunkCodes]): those files are not read again.
    public void commit(DatasetManifest manifest, java.util.Map<String, int[]> knownChunkCodes) {
        try {
            finishCleanup();
            ChunkChecksums.write(dir, knownChunkCodes);
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
            if (!dir.equals(target)) {
                swapIntoPlace();
            }
        } catch (IOException e) {
            // the lock stays until the caller abandons (or releases) the failed dataset
            throw new DatasetException(target, "cannot finish the dataset: " + e.getMessage(), e);
        }
        release();
    }

    /// Puts the complete replacement in `.NAME.next` in the old dataset's place: old → aside,
    /// new → target (two renames; [#recover] finishes a swap cut between them), then deletes the old.
    private void swapIntoPlace() throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        deleteTree(old);
    }

    private static void syncDirectory(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every platform can sync a directory; the renames are still atomic
        }
    }

    /// Releases the target's lock without committing (the files stay as they are, for a
    /// resume). Idempotent; [#commit] and [#abandon] release too.
    public void release() {
        if (lock != null) {
            lock.close();
        }
    }

    /// After a failure: removes what was written, leaving an empty directory with the marker (so
    /// a rerun knows it may reuse it).
    public void abandon() {
        try {
            finishCleanup();
            if (dir.equals(target)) {
                emptyExceptMarker(dir);
            } else {
                deleteTree(dir); // a replacement: the old dataset stays as it was
            }
        } catch (IOException ignored) {
            // the marker stays; a rerun cleans up
        } finally {
            release();
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
        // (re)written by every run, so that it names the process writing now
        Path marker = dir.resolve(DatasetFiles.INCOMPLETE_MARKER);
        Files.writeString(marker, "being written since " + Instant.now() + " by pid " + ProcessHandle.current().pid() + "\n");
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
