package org.seisproc.engine;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import org.seisproc.segy.HeaderField;

/// The gather a worker is processing: `n2` traces of `n1` samples in one `float[]` (trace i2 at
/// `samples[i2·n1 ..]`, time fastest), the dataset trace numbers, and a working copy of their raw
/// 240-byte headers (in the dataset's byte order) that processors may read and edit. A worker
/// reuses one instance for all its gathers; its buffers grow to the largest gather.
public final class GatherData {
    private final int n1;
    private final int headerBytes;
    private final ByteOrder headerOrder;
    private float[] samples = new float[0];
    private long[] traces = new long[0];
    private byte[] headerBytesArray = new byte[0];
    private MemorySegment headers = MemorySegment.ofArray(headerBytesArray);
    private int n2;
    private long[] key = new long[0];

    public GatherData(int n1, int headerBytes, ByteOrder headerOrder) {
        this.n1 = n1;
        this.headerBytes = headerBytes;
        this.headerOrder = headerOrder;
    }

    /// As [#reset(int, long[])], with the key values of ensemble `e` of `plan` copied into this
    /// gather's own key buffer (no allocation per gather).
    void reset(int traces, EnsemblePlan plan, int e) {
        int keys = plan.keyNames().size();
        long[] k = key.length == keys ? key : new long[keys];
        plan.key(e, k);
        reset(traces, k);
    }

    /// Makes room for `traces` traces and sets the count (contents undefined until filled).
    public void reset(int traces, long[] keyValues) {
        if (samples.length < traces * n1) {
            samples = new float[traces * n1];
            this.traces = new long[traces];
            headerBytesArray = new byte[traces * headerBytes];
            headers = MemorySegment.ofArray(headerBytesArray);
        }
        this.n2 = traces;
        this.key = keyValues;
    }

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

    /// Dataset trace numbers of the traces (same order as the samples).
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

    /// The ensemble's key values.
    public long[] key() {
        return key.clone();
    }

    /// A header field of trace i2.
    public long header(int i2, HeaderField field) {
        return field.readLong(headers, (long) i2 * headerBytes, headerOrder);
    }

    /// Sets a header field of trace i2.
    public void setHeader(int i2, HeaderField field, long value) {
        field.write(headers, (long) i2 * headerBytes, headerOrder, value);
    }

    /// An independent copy of the gather as it is now (e.g. the input kept beside the processed
    /// one): buffers trimmed to its traces.
    public GatherData copy() {
        GatherData c = new GatherData(n1, headerBytes, headerOrder);
        c.samples = java.util.Arrays.copyOf(samples, n1 * n2);
        c.traces = java.util.Arrays.copyOf(traces, n2);
        c.headerBytesArray = java.util.Arrays.copyOf(headerBytesArray, n2 * headerBytes);
        c.headers = MemorySegment.ofArray(c.headerBytesArray);
        c.n2 = n2;
        c.key = key.clone();
        return c;
    }

    /// Keeps only the first `traces` traces (for processors that reduce a gather, like stack).
    public void truncate(int traces) {
        if (traces < 0 || traces > n2) {
            throw new IllegalArgumentException("cannot keep " + traces + " of " + n2 + " traces");
        }
        n2 = traces;
    }
}
