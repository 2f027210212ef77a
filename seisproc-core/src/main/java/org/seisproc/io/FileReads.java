package org.seisproc.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/// Positional reads that fill their buffer.
public final class FileReads {
    private FileReads() {
    }

    /// Fills `buf` (from its position to its limit) with the bytes of `ch` from byte `position`
    /// on, whatever number of reads that takes (the channel's own position is not used); an
    /// [EOFException] saying where when the file ends first.
    public static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new EOFException("the file ended at byte " + at + " while " + buf.remaining() + " more were expected");
            }
            at += n;
        }
    }
}
