package org.seisproc.engine;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.seisproc.dataset.DatasetWriter;

/// A worker's processed traces of a few ensembles, held until [#flush] writes them sorted by
/// their position in the output, each run of consecutive traces in one write.
///
/// Why: a gather's traces are rarely neighbours in the store (a CDP gather of a survey stored by
/// shot has one trace in each shot), so writing gather by gather is one small write per trace,
/// and the writers of one file queue on its lock. The traces of neighbouring ensembles are
/// neighbours, though (CDP c + 1 is the next channel of the same shots), so a worker that holds
/// the output of a run of consecutive ensembles writes runs of traces instead: fewer, larger
/// writes, and large enough to go around the page cache ([DatasetWriter#writeTraces]).
///
/// The memory held is at most about [#LIMIT_BYTES] of samples (more only when a single gather is
/// larger); [#full] says when to flush.
final class WriteCombiner {
    /// Samples held before the owner should flush.
    static final long LIMIT_BYTES = 8L << 20;

    private final int n1;
    private final int headerBytes;
    private long[] traces = new long[256];
    private float[] samples;
    private byte[] headers;
    private long[] order = new long[256];
    private int[] offsets = new int[256];
    private int count;

    WriteCombiner(int n1, int headerBytes) {
        this.n1 = n1;
        this.headerBytes = headerBytes;
        this.samples = new float[256 * n1];
        this.headers = new byte[256 * headerBytes];
    }

    /// Holds trace `trace`'s samples `src[from .. from+n1)` and raw header `header[at .. at+headerBytes)`.
    void add(long trace, float[] src, int from, MemorySegment header, long at) {
        if (count == 1 << 20) {
            throw new IllegalStateException("more than 1,048,576 traces held: flush first");
        }
        if (count == traces.length) {
            int grown = 2 * count;
            traces = Arrays.copyOf(traces, grown);
            order = new long[grown];
            offsets = new int[grown];
            samples = Arrays.copyOf(samples, grown * n1);
            headers = Arrays.copyOf(headers, grown * headerBytes);
        }
        traces[count] = trace;
        System.arraycopy(src, from, samples, count * n1, n1);
        MemorySegment.copy(header, java.lang.foreign.ValueLayout.JAVA_BYTE, at, headers, count * headerBytes, headerBytes);
        count++;
    }

    /// True when no trace is held.
    boolean isEmpty() {
        return count == 0;
    }

    /// True when the traces held take [#LIMIT_BYTES] or more (or number 2^19).
    boolean full() {
        return (long) count * n1 * Float.BYTES >= LIMIT_BYTES || count >= 1 << 19;
    }

    /// Writes every trace held to `out`, runs of consecutive positions in one write each, and
    /// forgets them.
    void flush(DatasetWriter out) {
        if (count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            order[i] = traces[i] << 20 | i; // positions below 2^43; fewer than 2^20 traces held
        }
        Arrays.sort(order, 0, count);
        for (int i = 0; i < count; i++) {
            offsets[i] = slot(order[i]) * n1;
        }
        MemorySegment h = MemorySegment.ofArray(headers);
        for (int i = 0, len; i < count; i += len) {
            long first = order[i] >>> 20;
            len = 1;
            while (i + len < count && order[i + len] >>> 20 == first + len) {
                len++;
            }
            // one path for every run (a trace alone too): each branch first taken late cost the
            // JIT a recompilation of this loop and all it inlines (1.5 s of C2 time in a job of 11 s)
            out.writeTraces(first, len, samples, offsets, i);
            for (int k = 0; k < len; k++) {
                out.writeHeader(first + k, h, (long) slot(order[i + k]) * headerBytes);
            }
        }
        count = 0;
    }

    /// Where a trace sits in the arrays held, from its (position << 20 | slot) sort key.
    private static int slot(long key) {
        return (int) (key & 0xFFFFF);
    }
}
