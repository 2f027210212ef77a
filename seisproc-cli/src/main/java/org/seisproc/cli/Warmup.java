package org.seisproc.cli;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.JsonTree;
import org.seisproc.io.parquet.Filter;
import org.seisproc.segy.Layouts;

/// Start-up in parallel: while the main thread builds the command line model (picocli's
/// reflection, ~0.1 s of a fresh process), a second core initialises what a dataset command
/// does next — the JSON reader of `dataset.json`, the `--where` parser and mask, the reads of
/// mapped little-endian columns — on a few bytes of made-up input. Nothing it computes is kept;
/// it only takes class initialisation and first-call linking off the command's critical path
/// (`seisproc headers DS --where …` on 22.3 M traces: see bench/headers/where.sh). A failure here
/// is ignored: the command does the same work itself.
final class Warmup {
    private Warmup() {
    }

    /// Starts the warm-up on a daemon thread (the JVM never waits for it).
    static void start() {
        Thread t = new Thread(Warmup::run, "seisproc-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            JsonTree.parse("{\"a\":1,\"b\":[2.5,\"c\",true,false,null,12345678901],\"d\":{\"e\":\"f\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            int[] values = new int[64];
            MemorySegment bytes = MemorySegment.ofArray(new byte[values.length * 4]);
            MemorySegment.copy(bytes, Layouts.INT_LE, 0, values, 0, values.length);
            Filter f = Filter.parse("cdp between 1 and 2 and offset < 3 or fldr in (1, 2)");
            f.mask(HeaderTable.of(Map.of("cdp", new Column.Ints(values), "offset", new Column.Ints(values),
                    "fldr", new Column.Ints(values))));
            Filter.parse("cdp between 1 and 2").intRange();
        } catch (Throwable ignored) {
            // the command does the same work and reports what fails
        }
    }
}
