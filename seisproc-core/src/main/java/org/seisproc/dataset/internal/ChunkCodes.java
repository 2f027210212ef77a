package org.seisproc.dataset.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/// The [ChunkChecksums] codes of one file, computed while the file is written instead of by
/// reading it again afterwards: writers report each range they write ([#add], from any thread,
/// in any order) and [#codes] gives every chunk's CRC32C.
///
/// A range is cut at the chunk boundaries. A chunk's pieces are kept only until they cover it;
/// then they are joined with [#combine] (CRC32C(A‖B) from CRC32C(A), CRC32C(B) and |B|) into
/// exactly the code the whole chunk would have, and dropped. So the memory held is that of the
/// chunks being written at the moment, whatever the size of the file and of the writes.
public final class ChunkCodes {
    private record Piece(long offset, int length, int crc) {
    }

    /// The pieces of a chunk not yet covered, and their total length.
    private static final class Partial {
        final List<Piece> pieces = new ArrayList<>(4);
        long bytes;
    }

    // (made when the class is, by whoever makes the first codes: not on a writer thread)
    private static final Comparator<Piece> BY_OFFSET = Comparator.comparingLong(Piece::offset);

    private final long fileBytes;
    private final int[] codes;
    private final java.util.BitSet done;
    private final java.util.Map<Integer, Partial> partial = new java.util.HashMap<>();
    private long reported;
    private String problem;

    /// Codes for a file of `fileBytes` bytes.
    public ChunkCodes(long fileBytes) {
        this.fileBytes = fileBytes;
        int chunks = Math.toIntExact((fileBytes + ChunkChecksums.CHUNK_BYTES - 1) / ChunkChecksums.CHUNK_BYTES);
        this.codes = new int[chunks];
        this.done = new java.util.BitSet(chunks);
    }

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
        synchronized (this) {
            for (Piece p : mine) {
                place(p);
            }
        }
    }

    private void place(Piece p) {
        reported += p.length();
        if (p.offset() + p.length() > fileBytes) {
            note("bytes " + p.offset() + " to " + (p.offset() + p.length()) + " were reported, the file has " + fileBytes);
            return;
        }
        int chunk = (int) (p.offset() / ChunkChecksums.CHUNK_BYTES);
        if (done.get(chunk)) {
            note("bytes " + p.offset() + " to " + (p.offset() + p.length()) + " were reported twice");
            return;
        }
        Partial part = partial.get(chunk);
        if (part == null) {
            part = new Partial();
            partial.put(chunk, part);
        }
        part.pieces.add(p);
        part.bytes += p.length();
        long chunkStart = (long) chunk * ChunkChecksums.CHUNK_BYTES;
        long chunkLength = Math.min(ChunkChecksums.CHUNK_BYTES, fileBytes - chunkStart);
        if (part.bytes < chunkLength) {
            return;
        }
        partial.remove(chunk);
        part.pieces.sort(BY_OFFSET);
        long expected = chunkStart;
        int crc = 0;
        for (Piece q : part.pieces) {
            if (q.offset() != expected) {
                note("bytes " + Math.min(expected, q.offset()) + " to " + Math.max(expected, q.offset()) + " were "
                        + (q.offset() > expected ? "not reported" : "reported twice"));
                return;
            }
            crc = q.offset() == chunkStart ? q.crc() : combine(crc, q.crc(), q.length());
            expected += q.length();
        }
        codes[chunk] = crc;
        done.set(chunk);
    }

    /// Pieces held for chunks not yet covered.
    synchronized int pendingPieces() {
        int n = 0;
        for (Partial p : partial.values()) {
            n += p.pieces.size();
        }
        return n;
    }

    private void note(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    /// The code of every chunk of the file; every byte must have been reported exactly once
    /// (otherwise an [IllegalStateException]: the writer has a bug, or wrote some bytes another way).
    public synchronized int[] codes() {
        if (problem != null) {
            throw new IllegalStateException("chunk codes: " + problem);
        }
        if (reported != fileBytes || done.cardinality() != codes.length) {
            int first = done.nextClearBit(0);
            throw new IllegalStateException("chunk codes: " + reported + " bytes reported, the file has " + fileBytes
                    + (first < codes.length ? "; bytes from " + (long) first * ChunkChecksums.CHUNK_BYTES + " were not reported" : ""));
        }
        return codes.clone();
    }

    /// CRC-32C polynomial, bit-reflected (Castagnoli).
    private static final int POLY = 0x82F63B78;

    /// The operator carrying a CRC through 2^k zero bytes, for k = 0 .. 62 (32×32 bit matrices
    /// over GF(2), one int a column).
    private static final int[][] ZEROS = zeroOperators();

    private static int[][] zeroOperators() {
        int[] op = new int[32]; // the operator of one zero bit
        op[0] = POLY;
        for (int i = 1; i < 32; i++) {
            op[i] = 1 << (i - 1);
        }
        for (int k = 0; k < 3; k++) { // 2, 4, 8 zero bits
            int[] sq = new int[32];
            square(sq, op);
            op = sq;
        }
        int[][] table = new int[63][];
        table[0] = op;
        for (int k = 1; k < table.length; k++) {
            table[k] = new int[32];
            square(table[k], table[k - 1]);
        }
        return table;
    }

    /// The CRC32C of the concatenation A‖B from `crcA` = CRC32C(A), `crcB` = CRC32C(B) and
    /// `lengthB` = |B| in bytes: CRC(A) is carried through |B| zero bytes by the operators of
    /// the powers of two that make up |B| (at most 63 matrix-vector products), then xored with
    /// CRC(B) — the pre- and post-conditioning of CRC32C cancel in that sum.
    public static int combine(int crcA, int crcB, long lengthB) {
        int crc = crcA;
        for (long n = lengthB; n > 0; n &= n - 1) {
            crc = times(ZEROS[Long.numberOfTrailingZeros(n)], crc);
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
