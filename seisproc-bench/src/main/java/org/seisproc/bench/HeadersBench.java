package org.seisproc.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.Filter;
import org.seisproc.io.parquet.HeaderCache;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.io.parquet.TableWriter;
import org.seisproc.io.parquet.WriteOptions;

/// The headers benchmark's Java side (bench/headers/run.sh):
///
/// - `generate OUT.parquet ROWS` writes a realistic header table (21 int32 trace-header columns,
///   shot order) with our native writer and prints the write time;
/// - `read FILE cols hardwood|duckdb|cache REPEATS` loads the columns into `int[]` REPEATS times in
///   this process and prints one time per repeat (the first is the cold one: fresh JVM).
public final class HeadersBench {
    static final String[] COLUMNS = {"tracl", "tracr", "fldr", "tracf", "ep", "cdp", "cdpt", "trid", "offset", "gelev",
            "selev", "scalco", "sx", "sy", "gx", "gy", "ns", "dt", "iline", "xline", "sp"};

    public static void main(String[] args) {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? args[3] : "native");
            case "read" -> read(Path.of(args[1]), List.of(args[2].split(",")), args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("usage: generate OUT ROWS | read FILE cols backend repeats");
        }
    }

    /// Shot-ordered synthetic geometry: 240 channels per shot on 8 cables, CDP bins from midpoints.
    static HeaderTable batch(int first, int n) {
        Map<String, int[]> cols = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            cols.put(c, new int[n]);
        }
        for (int k = 0; k < n; k++) {
            int i = first + k;
            int shot = i / 240;
            int ch = i % 240;
            int cable = ch / 30;
            int station = ch % 30;
            int sx = 500_000_00 + shot * 2500;
            int gx = sx + (station - 15) * 5000;
            int sy = 6_000_000_00 + (shot % 40) * 2500;
            int gy = 6_000_000_00 + cable * 20000;
            int xline = (sx + gx) / 2 / 1250 - 399_980;
            int iline = (sy + gy) / 2 / 1250 - 479_980;
            cols.get("tracl")[k] = i + 1;
            cols.get("tracr")[k] = i + 1;
            cols.get("fldr")[k] = 1001 + shot;
            cols.get("tracf")[k] = ch + 1;
            cols.get("ep")[k] = 101 + shot;
            cols.get("cdp")[k] = iline * 4000 + xline;
            cols.get("cdpt")[k] = ch + 1;
            cols.get("trid")[k] = 1;
            cols.get("offset")[k] = (int) Math.round(Math.hypot(gx - sx, gy - sy) / 100.0) * (gx >= sx ? 1 : -1);
            cols.get("gelev")[k] = 120 + (gx / 1000) % 15;
            cols.get("selev")[k] = 120 + (sx / 1000) % 15;
            cols.get("scalco")[k] = -100;
            cols.get("sx")[k] = sx;
            cols.get("sy")[k] = sy;
            cols.get("gx")[k] = gx;
            cols.get("gy")[k] = gy;
            cols.get("ns")[k] = 1600;
            cols.get("dt")[k] = 2000;
            cols.get("iline")[k] = iline;
            cols.get("xline")[k] = xline;
            cols.get("sp")[k] = 101 + shot;
        }
        Map<String, Column> out = new LinkedHashMap<>();
        cols.forEach((k, v) -> out.put(k, new Column.Ints(v)));
        return HeaderTable.of(out);
    }

    static void generate(Path out, int rows, String writer) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            types.put(c, "int32");
        }
        int chunk = 1 << 20;
        HeaderTable[] batches = new HeaderTable[(rows + chunk - 1) / chunk];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = batch(b * chunk, Math.min(chunk, rows - b * chunk));
        }
        long t0 = System.nanoTime();
        try (TableWriter w = ParquetIO.writer(writer, out, types, WriteOptions.defaults())) {
            for (HeaderTable b : batches) {
                w.append(b);
            }
            w.commit();
        }
        System.out.printf("%.4f write rows=%d writer=%s%n", (System.nanoTime() - t0) / 1e9, rows, writer);
    }

    static void read(Path file, List<String> cols, String how, int repeats) {
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            long check = 0;
            if (how.equals("cache")) {
                try (HeaderCache c = HeaderCache.open(file, cols)) {
                    for (String col : cols) {
                        var seg = c.segment(col);
                        check += seg.getAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, seg.byteSize() / 4 - 1);
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    // the mapped columns are usable as they are; also time one pass over them
                    long sum = 0;
                    for (String col : cols) {
                        var seg = c.segment(col);
                        for (long i = 0; i < seg.byteSize(); i += 4) {
                            sum += seg.get(java.lang.foreign.ValueLayout.JAVA_INT, i);
                        }
                    }
                    System.out.printf("%.4f cache-map (%.4f incl. one pass) check=%d sum=%d%n", s, (System.nanoTime() - t0) / 1e9, check, sum);
                }
                continue;
            }
            HeaderTable t = ParquetIO.backend(how).read(file, cols, Filter.ALL);
            for (String col : cols) {
                int[] v = t.ints(col);
                check += v[v.length - 1];
            }
            System.out.printf("%.4f %s rows=%d check=%d%n", (System.nanoTime() - t0) / 1e9, how, t.rows(), check);
        }
        System.out.println("columns " + Arrays.toString(cols.toArray()));
    }
}
