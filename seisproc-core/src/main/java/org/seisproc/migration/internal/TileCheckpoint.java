package org.seisproc.migration.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.seisproc.dataset.DatasetException;

/// Which tiles a migration has finished, kept inside the output dataset being written: a
/// 32-byte fingerprint of everything that determines the image, then one byte per tile, set by
/// a positional write as soon as the tile's traces are in the output (so a killed process
/// resumes with every finished tile; the tile being written when it died is simply redone).
public final class TileCheckpoint implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final byte[] done;

    private TileCheckpoint(Path file, FileChannel channel, byte[] done) {
        this.file = file;
        this.channel = channel;
        this.done = done;
    }

    /// Opens the checkpoint at `file`: its record of done tiles when `resumed` and the file has
    /// the same fingerprint and tile count, otherwise a fresh one.
    public static TileCheckpoint open(Path file, byte[] fingerprint, int tiles, boolean resumed) {
        try {
            byte[] done = new byte[tiles];
            if (resumed && Files.isRegularFile(file) && Files.size(file) == 32L + tiles) {
                byte[] all = Files.readAllBytes(file);
                if (java.util.Arrays.equals(all, 0, 32, fingerprint, 0, 32)) {
                    System.arraycopy(all, 32, done, 0, tiles);
                }
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            ByteBuffer b = ByteBuffer.allocate(32 + tiles);
            b.put(fingerprint, 0, 32).put(done).flip();
            while (b.hasRemaining()) {
                ch.write(b, b.position());
            }
            return new TileCheckpoint(file, ch, done);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot open the migration checkpoint: " + e.getMessage(), e);
        }
    }

    /// True when tile `tile` was finished.
    public boolean done(int tile) {
        return done[tile] != 0;
    }

    /// Tiles finished.
    public int count() {
        int n = 0;
        for (byte b : done) {
            n += b;
        }
        return n;
    }

    /// Records tile `tile` as finished.
    public void mark(int tile) {
        done[tile] = 1;
        try {
            channel.write(ByteBuffer.wrap(new byte[] {1}), 32L + tile);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot record a finished tile: " + e.getMessage(), e);
        }
    }

    /// Closes the file; with `delete`, removes it (the run is complete).
    public void close(boolean delete) {
        try {
            channel.close();
            if (delete) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new DatasetException(file, "cannot close the migration checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
