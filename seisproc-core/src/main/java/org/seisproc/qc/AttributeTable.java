package org.seisproc.qc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// Per-trace attributes, one primitive column each, row = dataset trace number. Units: rms,
/// mean/max |a| in sample units; frequencies in Hz; S/N in dB; runs in samples; correlation
/// −1…1 (NaN for a gather of one trace); flags a bit set of [Flags].
public final class AttributeTable {
    final float[] rms;
    final float[] meanAbs;
    final float[] maxAbs;
    final float[] dominantHz;
    final float[] bandwidthHz;
    final float[] snrDb;
    final float[] correlation;
    final int[] dead;
    final int[] clippedRun;
    final int[] constantRun;
    final int[] spikes;
    final int[] flags;

    /// Empty columns for `rows` traces.
    public AttributeTable(int rows) {
        rms = new float[rows];
        meanAbs = new float[rows];
        maxAbs = new float[rows];
        dominantHz = new float[rows];
        bandwidthHz = new float[rows];
        snrDb = new float[rows];
        correlation = new float[rows];
        dead = new int[rows];
        clippedRun = new int[rows];
        constantRun = new int[rows];
        spikes = new int[rows];
        flags = new int[rows];
    }

    public int rows() {
        return rms.length;
    }

    /// The columns, in the order and with the names of the Parquet table.
    public HeaderTable table() {
        Map<String, Column> c = new LinkedHashMap<>();
        c.put("rms", new Column.Floats(rms));
        c.put("mean_abs", new Column.Floats(meanAbs));
        c.put("max_abs", new Column.Floats(maxAbs));
        c.put("dominant_hz", new Column.Floats(dominantHz));
        c.put("bandwidth_hz", new Column.Floats(bandwidthHz));
        c.put("snr_db", new Column.Floats(snrDb));
        c.put("neighbour_corr", new Column.Floats(correlation));
        c.put("dead", new Column.Ints(dead));
        c.put("clipped_run", new Column.Ints(clippedRun));
        c.put("constant_run", new Column.Ints(constantRun));
        c.put("spikes", new Column.Ints(spikes));
        c.put("flags", new Column.Ints(flags));
        return HeaderTable.of(c);
    }

    public float rms(int row) {
        return rms[row];
    }

    public float meanAbs(int row) {
        return meanAbs[row];
    }

    public float maxAbs(int row) {
        return maxAbs[row];
    }

    public float dominantHz(int row) {
        return dominantHz[row];
    }

    public float bandwidthHz(int row) {
        return bandwidthHz[row];
    }

    public float snrDb(int row) {
        return snrDb[row];
    }

    public float correlation(int row) {
        return correlation[row];
    }

    public boolean dead(int row) {
        return dead[row] != 0;
    }

    public int clippedRun(int row) {
        return clippedRun[row];
    }

    public int constantRun(int row) {
        return constantRun[row];
    }

    public int spikes(int row) {
        return spikes[row];
    }

    public int flags(int row) {
        return flags[row];
    }
}
