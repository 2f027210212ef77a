package org.seisproc.ensemble;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dataset.SampleType;
import org.seisproc.dataset.ParallelTraces;

/// Physically re-orders a dataset's traces into a new dataset: output trace `j` is input trace
/// `permutation[j]` of the index of the sort key, raw headers and samples alike; textual,
/// binary and source header files are copied ([DatasetWriter], atomic: nothing is visible
/// before the commit). The order is lexicographic over the key fields, stable (equal keys keep
/// trace order); `dataset.json`'s `processing` records `sort --by <keys>`.
///
/// Out of core: the output is written in blocks of consecutive traces; each worker reads a
/// block's input traces (in ascending input order, so the reads run forward through the store)
/// into its own write buffer and writes the block. Blocks are sized so that all the
/// workers' buffers together fit the memory budget.
public final class TraceSorter {
    /// Most bytes of a worker's block buffer, whatever the budget: the blocks' reads and writes
    /// cost the same in smaller blocks, but every byte of a fresh buffer is zeroed twice (the
    /// kernel's fresh page, the JVM's new array). Two 240 MB buffers took a third of a 2 GB
    /// sort's processor time that way (`clear_page_erms`, perf, 15:15 UTC 2026-12-01).
    static final long BLOCK_BYTES = 32L << 20;

    /// @param memoryBytes budget for the workers' block buffers (each uses at most [#BLOCK_BYTES])
    /// @param workers     threads
    /// @param overwrite   replace an existing output dataset
    /// @param progress    called with the number of traces written so far (may be null)
    public record Options(long memoryBytes, int workers, boolean overwrite, LongConsumer progress) {
        public static Options defaults() {
            return new Options(1L << 30, Runtime.getRuntime().availableProcessors(), false, null);
        }
    }

    /// What a sort did.
    public record Report(Path output, long traces, int ensembles, long bytes, int blockTraces, double indexSeconds, double seconds) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(seconds, 1e-9);
        }
    }

    private TraceSorter() {
    }

    /// The index a sort by `fields` (most significant first) uses: all but the last field are the
    /// ensemble key, the last orders traces inside (a single field is the key alone).
    public static EnsembleKey sortKey(String fields) {
        String[] parts = fields.split(",");
        if (parts.length == 1) {
            return EnsembleKey.parse(fields);
        }
        String primary = String.join(",", Arrays.copyOf(parts, parts.length - 1));
        String last = parts[parts.length - 1].trim();
        if (last.contains("/")) {
            return EnsembleKey.parse(fields); // a binned last field stays part of the key
        }
        return EnsembleKey.parse(primary, last);
    }

    /// Sorts `source` by `fields` (e.g. `cdp,offset`) into `target`.
    public static Report sort(Dataset source, Path target, String fields, Options options) {
        long t0 = System.nanoTime();
        EnsembleKey key = sortKey(fields);
        EnsembleIndex index = EnsembleIndex.open(source, key);
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            return sort(source, target, index, "sort --by " + fields.replace(" ", ""), options, indexSeconds, t0);
        } finally {
            index.close();
        }
    }

    /// Writes `source` in the order of `index` into `target`; `step` goes into `processing`.
    public static Report sort(Dataset source, Path target, EnsembleIndex index, String step, Options options, double indexSeconds,
                              long startNanos) {
        long n = source.traceCount();
        int ns = source.samplesPerTrace();
        SampleType type = source.sampleType();
        long traceBytes = (long) ns * type.bytes();
        int workers = Math.max(1, options.workers());
        long perWorker = Math.max(traceBytes, Math.min(BLOCK_BYTES, options.memoryBytes() / workers));
        int budgetBlock = (int) Math.max(1, Math.min(Math.min(1 << 16, (Integer.MAX_VALUE - 8) / Math.max(1, ns)),
                perWorker / Math.max(1, traceBytes)));
        int block = (int) Math.max(1, Math.min(budgetBlock, (n + 4L * workers - 1) / (4L * workers))); // >= 4 blocks per worker
        AtomicLong done = new AtomicLong();
        try (DatasetWriter out = DatasetWriter.create(source, target, n, false, step, options.overwrite(), false)) {
            out.sourceTraces(index::traceAt);
            // a worker's scratch: (input trace << 32 | slot) pairs of its block
            ParallelTraces.run(ParallelTraces.split(0, n, block), workers, new ParallelTraces.Work<long[]>() {
                @Override
                public long[] worker() {
                    return new long[block];
                }

                @Override
                public void run(long[] order, ParallelTraces.Range r) {
                    int count = (int) (r.end() - r.first());
                    // (input trace, slot) pairs in input order: forward reads through the store
                    for (int j = 0; j < count; j++) {
                        order[j] = ((long) index.traceAt(r.first() + j) << 32) | j;
                    }
                    Arrays.sort(order, 0, count);
                    // the stored samples read as they are (the output stores the input's sample
                    // type) straight into the write buffer, with positional reads
                    // ([Dataset#readStored]); input traces that also follow each other in the
                    // output are one read
                    ByteBuffer buffer = out.traceBuffer(r.first(), count).asByteBuffer();
                    for (int i = 0; i < count; ) {
                        long in = order[i] >>> 32;
                        int slot = (int) order[i];
                        int run = 1;
                        while (i + run < count && order[i + run] == order[i] + ((long) run << 32) + run) {
                            run++;
                        }
                        source.readStored(in, run, buffer.position((int) (slot * traceBytes)));
                        for (int k = 0; k < run; k++) {
                            out.writeHeader(r.first() + slot + k, source.traceHeader(in + k), 0);
                        }
                        i += run;
                    }
                    out.writeTraceBuffer(r.first(), count);
                    out.headersFinal(r.first(), count);
                    long now = done.addAndGet(count);
                    if (options.progress() != null) {
                        options.progress().accept(now);
                    }
                }
            });
            out.commit();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Report(target, n, index.ensembleCount(), n * (traceBytes + source.traceHeaderBytes()), block, indexSeconds, seconds);
    }
}
