package org.seisproc.dataset.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

import org.seisproc.dataset.DatasetException;

/// An exclusive OS file lock on a write target (a dataset directory or an exported file), so
/// that two writers never write one target: the second refuses at once, naming the holder's pid.
///
/// The lock is `fcntl`/`LockFileEx` on a small file beside the target, `.NAME.lock` (beside, not
/// inside: a replaced dataset's directory is swapped by renames while the lock is held). The OS
/// releases it when the holding process dies, `kill -9` included; a stale file left then is taken
/// over by the next writer. The file holds `pid N` and the start time.
///
/// Two POSIX pitfalls shape the code. (1) Closing *any* descriptor of the file in the holding
/// process drops its lock, so the holder never opens the file a second time, and a second lock
/// in the same JVM (which the JVM would refuse with [java.nio.channels.OverlappingFileLockException]
/// only after opening it) is refused beforehand from this JVM's table of held lock files, as
/// "this process". (2) [#close] deletes the file while still holding the lock; a writer that
/// opened it just before may then lock an unlinked file, so each writer compares the file's
/// identity (`stat` before opening and after locking) and starts over when the path has changed.
public final class TargetLock implements AutoCloseable {
    private static final int ATTEMPTS = 20;
    /// The lock files this JVM holds (see the class comment: a second open would drop the lock).
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /// The lock file of `target`: `.NAME.lock` in the same folder.
    public static Path lockFile(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent() != null ? abs.getParent() : abs;
        return parent.resolve("." + abs.getFileName() + ".lock");
    }

    /// Locks `target` (creating its parent folders) or fails with a [DatasetException] naming the
    /// process that holds it.
    public static TargetLock acquire(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path file = lockFile(abs);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DatasetException(abs, "cannot create the folder " + file.getParent() + ": " + reason(e)
                    + "; check the path and its permissions");
        }
        if (!HELD.add(file)) {
            throw new DatasetException(abs, "is being written by this process already (another job or thread of pid "
                    + ProcessHandle.current().pid() + "); wait for that write to finish");
        }
        try {
            return lock(abs, file);
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static TargetLock lock(Path abs, Path file) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object before;
            FileChannel ch;
            try {
                try {
                    Files.createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException exists) {
                    // a holder's, or a stale one
                }
                before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                continue; // deleted by a writer that just finished: start over
            } catch (IOException e) {
                throw new DatasetException(abs, "cannot create the lock file " + file + ": " + reason(e)
                        + "; the folder must be writable");
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                closeQuietly(ch);
                throw new DatasetException(abs, "is being written by this process already (pid " + ProcessHandle.current().pid()
                        + "); wait for that write to finish");
            } catch (IOException e) {
                closeQuietly(ch);
                throw new DatasetException(abs, "cannot lock " + file + ": " + reason(e));
            }
            if (lock == null) {
                closeQuietly(ch);
                throw new DatasetException(abs, "is being written by another process (" + holder(file)
                        + "); wait for it to finish or stop it, then rerun");
            }
            try {
                Object after = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                if (before != null && before.equals(after)) {
                    String content = "pid " + ProcessHandle.current().pid() + "\nsince " + Instant.now() + "\n";
                    ch.truncate(0);
                    ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                    while (buf.hasRemaining()) {
                        ch.write(buf, buf.position());
                    }
                    return new TargetLock(file, ch, lock);
                }
            } catch (NoSuchFileException e) {
                // deleted by the writer that held it just before: start over
            } catch (IOException e) {
                closeQuietly(ch);
                throw new DatasetException(abs, "cannot write the lock file " + file + ": " + reason(e));
            }
            closeQuietly(ch); // the path names another file now: start over
        }
        throw new DatasetException(abs, "cannot lock " + file + ": other writers keep replacing it; retry");
    }

    /// Who holds the lock, as recorded in the file: `pid N, since T`, or "pid unknown".
    static String holder(Path file) {
        for (int i = 0; i < 5; i++) {
            try {
                String text = Files.readString(file);
                String pid = field(text, "pid ");
                if (pid != null) {
                    String since = field(text, "since ");
                    return "pid " + pid + (since != null ? ", since " + since : "");
                }
                Thread.sleep(20); // the holder may not have written it yet
            } catch (IOException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "pid unknown";
    }

    private static String field(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    /// The lock file.
    public Path file() {
        return file;
    }

    /// Deletes the lock file and releases the lock (idempotent).
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is taken over by the next writer
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(file);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /// An I/O failure for people: "permission denied", "not a directory", … (the JDK's own
    /// message of a [java.nio.file.FileSystemException] is just the path).
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT) : "file system error";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
