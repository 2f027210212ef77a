package org.seisproc.engine;

import org.seisproc.ensemble.Gather;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetWriter;

/// The one per-ensemble unit of the engine: read an ensemble's traces straight from the mapped
/// store (in plan order) → run the processor chain → write the result at its positions. Every
/// runner stands on it: the local thread pool ([Engine#run]), a Spark task, the web preview
/// ([#process], nothing written), QC stacking and batch QC.
///
/// A unit belongs to one worker thread: it owns its processor instances (initialised once, as
/// the JavaSeis lifecycle has it) and its gather buffer, which grows to the largest gather and
/// is reused — the gather it is working on is the worker's own memory; the dataset, the index
/// and the plan are shared. It counts what it copied in and wrote out ([#stats]).
public final class EnsembleUnit {
    private final PreparedJob job;
    private final Dataset input;
    private final EnsemblePlan plan;
    private final List<Processor> chain;
    private final Gather gather;
    private final long[] key;
    private final long inTraceBytes;
    private final long outTraceBytes;
    private int gathers;
    private long traces;
    private long bytesIn;
    private long bytesOut;
    private WriteCombiner held;

    EnsembleUnit(PreparedJob job) {
        this.job = job;
        this.input = job.input();
        this.plan = job.plan();
        this.chain = job.newChain();
        this.gather = new Gather(input.samplesPerTrace(), input.traceHeaderBytes(), input.headerByteOrder());
        this.key = new long[plan.keyNames().size()];
        this.inTraceBytes = (long) input.samplesPerTrace() * Float.BYTES + input.traceHeaderBytes();
        this.outTraceBytes = (long) input.samplesPerTrace() * input.sampleType().bytes() + input.traceHeaderBytes();
    }

    /// The input gather of ensemble `e` (samples and raw headers, in plan order). The returned
    /// object is this unit's buffer: valid until the next call ([Gather#copy] keeps it).
    public Gather read(int e) {
        int n = plan.traceCount(e);
        plan.key(e, key);
        gather.reset(n, key);
        int n1 = input.samplesPerTrace();
        int hb = input.traceHeaderBytes();
        MemorySegment headers = gather.headers();
        long[] numbers = gather.traces();
        float[] samples = gather.samples();
        for (int i = 0; i < n; i++) {
            long t = plan.trace(e, i);
            numbers[i] = t;
            input.readTrace(t, samples, i * n1);
            MemorySegment.copy(input.traceHeaders(), t * hb, headers, (long) i * hb, hb);
        }
        bytesIn += n * inTraceBytes;
        return gather;
    }

    /// Ensemble `e` read and processed by the chain, in memory; nothing is written. The returned
    /// object is this unit's buffer (see [#read]).
    public Gather process(int e) {
        read(e);
        for (Processor p : chain) {
            p.process(gather);
        }
        return gather;
    }

    /// Writes a processed gather of ensemble `e`: each trace back at its own position, or, for a
    /// chain that reduces the ensemble to one trace (stack), that trace at position `e`.
    public void write(Gather processed, int e, DatasetWriter out) {
        int n1 = processed.n1();
        int hb = processed.headerBytes();
        if (job.reduces()) {
            out.writeTrace(e, processed.samples(), 0);
            out.writeHeader(e, processed.headers(), 0);
            bytesOut += outTraceBytes;
            return;
        }
        long[] numbers = processed.traces();
        int n2 = processed.n2();
        for (int i = 0, run; i < n2; i += run) {
            // consecutive trace numbers (a gather of a dataset sorted by its key) in one write
            run = 1;
            while (i + run < n2 && numbers[i + run] == numbers[i] + run) {
                run++;
            }
            out.writeTraces(numbers[i], run, processed.samples(), i * n1);
        }
        for (int i = 0; i < n2; i++) {
            out.writeHeader(numbers[i], processed.headers(), (long) i * hb);
        }
        bytesOut += processed.n2() * outTraceBytes;
    }

    /// Reads and processes ensemble `e` and holds its output traces for [#flushHeld], which
    /// writes the held traces of several ensembles sorted by position (see [WriteCombiner]). A
    /// gather that alone fills the combiner, with nothing held, is written to `out` at once
    /// instead: its writes are large already, and a copy of it would double the worker's memory.
    public void runHeld(int e, DatasetWriter out) {
        Gather processed = process(e);
        if (held == null) {
            held = new WriteCombiner(processed.n1(), processed.headerBytes());
        }
        if (held.isEmpty() && (long) processed.n2() * processed.n1() * Float.BYTES >= WriteCombiner.LIMIT_BYTES) {
            write(processed, e, out);
        } else {
            hold(processed, e);
        }
        gathers++;
        traces += plan.traceCount(e);
    }

    /// [#write], into the combiner.
    private void hold(Gather processed, int e) {
        int n1 = processed.n1();
        int hb = processed.headerBytes();
        if (job.reduces()) {
            held.add(e, processed.samples(), 0, processed.headers(), 0);
            bytesOut += outTraceBytes;
            return;
        }
        long[] numbers = processed.traces();
        for (int i = 0; i < processed.n2(); i++) {
            held.add(numbers[i], processed.samples(), i * n1, processed.headers(), (long) i * hb);
        }
        bytesOut += processed.n2() * outTraceBytes;
    }

    /// True when the traces held by [#runHeld] should be written now (about 8 MB of samples).
    public boolean holdsEnough() {
        return held != null && held.full();
    }

    /// Writes the traces held by [#runHeld] to `out`.
    public void flushHeld(DatasetWriter out) {
        if (held != null) {
            held.flush(out);
        }
    }

    /// Reads, processes and writes ensemble `e` (the local engine's and a Spark task's step).
    public void run(int e, DatasetWriter out) {
        int n = plan.traceCount(e);
        write(process(e), e, out);
        gathers++;
        traces += n;
    }

    /// Ends the chain's lifecycle ([Processor#finish]); call once, after the last ensemble.
    public void finish() {
        for (Processor p : chain) {
            p.finish();
        }
    }

    /// What this unit did: ensembles run, their traces, bytes copied from the shared store into
    /// its buffer, bytes written.
    public Stats stats() {
        return new Stats(gathers, traces, bytesIn, bytesOut);
    }

    /// @param gathers  ensembles run through [#run]
    /// @param traces   their input traces
    /// @param bytesIn  bytes copied from the shared, mapped input into the unit's gather buffer
    /// @param bytesOut bytes written to the output store
    public record Stats(int gathers, long traces, long bytesIn, long bytesOut) {
    }
}
