package org.seisproc.dataset.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/// The [ChunkChecksums] codes of one file, computed while the file is written instead of by
/// reading it again afterwards: writers report each range they write ([#add], from any thread,
/// in any order) and [#codes] assembles every chunk's CRC32C from the pieces that cover it.
///
/// A range is cut at the chunk boundaries; the pieces of a chunk are joined with
/// [#combine] (CRC32C(A‖B) from CRC32C(A), CRC32C(B) and |B|), so the result is exactly the code
/// the whole chunk would have.
public final class ChunkCodes {
    private record Piece(long offset, int length, int crc) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /// Records that `bytes[from .. from+length)` were written at byte `fileOffset` of the file.
    public void add(long fileOffset, byte[] bytes, int from, int length) {
        add(fileOffset, java.nio.ByteBuffer.wrap(bytes, from, length));
    }

    /// Records that the remaining bytes of `bytes` (heap or direct; its position is moved to its
    /// limit) were written at byte `fileOffset` of the file.
    public void add(long fileOffset, java.nio.ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        List<Piece> mine = new ArrayList<>(3);
        int length = bytes.remaining();
        int end = bytes.limit();
        int done = 0;
        while (done < length) {
            long at = fileOffset + done;
            int room = (int) (ChunkChecksums.CHUNK_BYTES - at % ChunkChecksums.CHUNK_BYTES);
            int n = Math.min(room, length - done);
            crc.reset();
            bytes.limit(bytes.position() + n);
            crc.update(bytes);
            bytes.limit(end);
            mine.add(new Piece(at, n, (int) crc.getValue()));
            done += n;
        }
        synchronized (pieces) {
            pieces.addAll(mine);
        }
    }

    /// The code of every chunk of a file of `fileBytes` bytes; every byte must have been reported
    /// exactly once (otherwise an [IllegalStateException]: the writer has a bug).
    public int[] codes(long fileBytes) {
        List<Piece> sorted;
        synchronized (pieces) {
            sorted = new ArrayList<>(pieces);
        }
        sorted.sort(Comparator.comparingLong(Piece::offset));
        int chunks = (int) ((fileBytes + ChunkChecksums.CHUNK_BYTES - 1) / ChunkChecksums.CHUNK_BYTES);
        int[] codes = new int[chunks];
        long expected = 0;
        int crc = 0;
        for (Piece p : sorted) {
            if (p.offset() != expected) {
                throw new IllegalStateException("chunk codes: bytes " + expected + " to " + p.offset() + " were "
                        + (p.offset() > expected ? "not reported" : "reported twice"));
            }
            boolean chunkStart = p.offset() % ChunkChecksums.CHUNK_BYTES == 0;
            crc = chunkStart ? p.crc() : combine(crc, p.crc(), p.length());
            expected += p.length();
            if (expected % ChunkChecksums.CHUNK_BYTES == 0 || expected == fileBytes) {
                codes[(int) ((expected - 1) / ChunkChecksums.CHUNK_BYTES)] = crc;
            }
        }
        if (expected != fileBytes) {
            throw new IllegalStateException("chunk codes: " + expected + " bytes reported, the file has " + fileBytes);
        }
        return codes;
    }

    /// CRC-32C polynomial, bit-reflected (Castagnoli).
    private static final int POLY = 0x82F63B78;

    /// The CRC32C of the concatenation A‖B from `crcA` = CRC32C(A), `crcB` = CRC32C(B) and
    /// `lengthB` = |B| in bytes: CRC(A) is carried through |B| zero bytes by squaring the
    /// one-zero-bit operator over GF(2) (32×32 bit matrices; O(log |B|) products), then xored
    /// with CRC(B) — the pre- and post-conditioning of CRC32C cancel in that sum.
    public static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        int[] op = new int[32];   // the operator of one zero bit
        op[0] = POLY;
        for (int i = 1; i < 32; i++) {
            op[i] = 1 << (i - 1);
        }
        int[] sq = new int[32];
        square(sq, op);           // two zero bits
        square(op, sq);           // four zero bits
        // now op = 4 zero bits; each step below squares once more (8, 16, ... zero bits = 1, 2, ... bytes)
        int[] a = op;
        int[] b = sq;
        int crc = crcA;
        long n = lengthB;
        while (n != 0) {
            square(b, a);         // b = a², i.e. twice as many zero bits
            if ((n & 1) != 0) {
                crc = times(b, crc);
            }
            n >>>= 1;
            int[] t = a;
            a = b;
            b = t;
        }
        return crc ^ crcB;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(int[] out, int[] matrix) {
        for (int i = 0; i < 32; i++) {
            out[i] = times(matrix, matrix[i]);
        }
    }
}
