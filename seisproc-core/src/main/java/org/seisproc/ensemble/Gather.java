package org.seisproc.ensemble;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.seisproc.segy.HeaderField;

/// The traces of one ensemble — the one gather type of SeisProc, read by [GatherReader] and
/// [Gathers] for browsing and by the engine's unit for processing: `n2` traces of `n1` samples
/// in one `float[]` (trace i2 at `samples[i2·n1 ..]`, time fastest), their dataset trace
/// numbers, a working copy of their raw trace headers (in the dataset's byte order; processors
/// may read and edit it), the ensemble's key values and its position in its index.
///
/// A reader or a worker refills one instance again and again: the arrays grow to the largest
/// gather and may be longer than needed (use `n1`, `n2`). A gather handed out by [Gathers] is
/// shared through its cache and must not be modified; [#copy] makes an independent one.
public final class Gather {
    private int ensemble = -1;
    private int n1;
    private int headerBytes;
    private ByteOrder headerOrder = ByteOrder.BIG_ENDIAN;
    private int n2;
    private float[] samples = new float[0];
    private long[] traces = new long[0];
    private byte[] headerArray = new byte[0];
    private MemorySegment headers = MemorySegment.ofArray(headerArray);
    private long[] key = new long[0];

    /// An empty gather, shaped by the first reader that fills it.
    public Gather() {
    }

    /// An empty gather for traces of `n1` samples and `headerBytes` bytes of raw headers.
    public Gather(int n1, int headerBytes, ByteOrder headerOrder) {
        this.n1 = n1;
        this.headerBytes = headerBytes;
        this.headerOrder = headerOrder;
    }

    /// Makes room for `traces` traces of this gather's shape and sets the count and key values
    /// (contents undefined until filled; `keyValues` is kept, not copied).
    public void reset(int traces, long[] keyValues) {
        long need = (long) traces * n1;
        if (need > Integer.MAX_VALUE - 8 || (long) traces * headerBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ensemble " + ensemble + " has " + traces + " traces of " + n1
                    + " samples, more than one gather buffer holds");
        }
        if (samples.length < need) {
            samples = new float[(int) need];
        }
        if (this.traces.length < traces) {
            this.traces = new long[traces];
        }
        if (headerArray.length < traces * headerBytes) {
            headerArray = new byte[traces * headerBytes];
            headers = MemorySegment.ofArray(headerArray);
        }
        this.n2 = traces;
        this.key = keyValues;
    }

    /// Shapes the gather for ensemble `ensemble` of a dataset (`n1` samples, `headerBytes` of
    /// raw headers per trace) with `traces` traces and `keyCount` key values, growing buffers
    /// only when needed.
    void reshape(int ensemble, int n1, int headerBytes, ByteOrder headerOrder, int traces, int keyCount) {
        this.ensemble = ensemble;
        this.n1 = n1;
        this.headerBytes = headerBytes;
        this.headerOrder = headerOrder;
        reset(traces, key.length == keyCount ? key : new long[keyCount]);
    }

    /// Index of the ensemble in its [EnsembleIndex] (-1: not read through an index).
    public int ensemble() {
        return ensemble;
    }

    /// Samples per trace.
    public int n1() {
        return n1;
    }

    /// Number of traces now in the gather.
    public int n2() {
        return n2;
    }

    /// Samples, trace after trace; only the first n1·n2 are the gather.
    public float[] samples() {
        return samples;
    }

    /// Sample `i1` of trace `i2`.
    public float sample(int i1, int i2) {
        return samples[i2 * n1 + i1];
    }

    /// Dataset trace numbers of the traces (same order as the samples); only the first n2 are valid.
    public long[] traces() {
        return traces;
    }

    /// The raw headers, trace i2 at byte `i2 · headerBytes()`.
    public MemorySegment headers() {
        return headers;
    }

    public int headerBytes() {
        return headerBytes;
    }

    public ByteOrder headerOrder() {
        return headerOrder;
    }

    /// The ensemble's key values (a copy).
    public long[] key() {
        return key.clone();
    }

    /// The key values buffer itself, for a reader filling it.
    long[] keyBuffer() {
        return key;
    }

    /// A header field of trace i2.
    public long header(int i2, HeaderField field) {
        return field.readLong(headers, (long) i2 * headerBytes, headerOrder);
    }

    /// Sets a header field of trace i2.
    public void setHeader(int i2, HeaderField field, long value) {
        field.write(headers, (long) i2 * headerBytes, headerOrder, value);
    }

    /// Keeps only the first `traces` traces (for processors that reduce a gather, like stack).
    public void truncate(int traces) {
        if (traces < 0 || traces > n2) {
            throw new IllegalArgumentException("cannot keep " + traces + " of " + n2 + " traces");
        }
        n2 = traces;
    }

    /// An independent copy of the gather as it is now (e.g. the input kept beside the processed
    /// one), buffers trimmed to its traces.
    public Gather copy() {
        Gather c = new Gather(n1, headerBytes, headerOrder);
        c.ensemble = ensemble;
        c.samples = Arrays.copyOf(samples, n1 * n2);
        c.traces = Arrays.copyOf(traces, n2);
        c.headerArray = Arrays.copyOf(headerArray, n2 * headerBytes);
        c.headers = MemorySegment.ofArray(c.headerArray);
        c.n2 = n2;
        c.key = key.clone();
        return c;
    }

    /// Bytes held by the arrays (capacity).
    public long bytes() {
        return 4L * samples.length + 8L * traces.length + headerArray.length + 8L * key.length + 64;
    }
}
