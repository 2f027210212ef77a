package org.seisproc.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Thresholds that make a trace "bad", and the bits that say why. A trace is flagged
/// - `dead` when all its samples are 0;
/// - `clipped` when its longest clipped run ≥ `clippedRun` samples;
/// - `constant` when its longest constant run ≥ `constantRun` samples (and it is not dead);
/// - `spikes` when it has ≥ `spikes` spikes;
/// - `low-correlation` when its mean correlation with its gather neighbours < `minCorrelation`;
/// - `rms-high` / `rms-low` when its rms is above `rmsRatio` × or below 1/`rmsRatio` × the
///   median rms of the live traces of its gather.
///
/// @param clippedRun     samples (default 3)
/// @param constantRun    samples (default 25)
/// @param spikes         count (default 1)
/// @param minCorrelation −1…1 (default 0.1)
/// @param rmsRatio       > 1 (default 5)
public record Flags(int clippedRun, int constantRun, int spikes, double minCorrelation, double rmsRatio) {
    public static final int DEAD = 1;
    public static final int CLIPPED = 2;
    public static final int CONSTANT = 4;
    public static final int SPIKES = 8;
    public static final int LOW_CORRELATION = 16;
    public static final int RMS_HIGH = 32;
    public static final int RMS_LOW = 64;
    private static final String[] NAMES = {"dead", "clipped", "constant", "spikes", "low-correlation", "rms-high", "rms-low"};

    public Flags {
        if (clippedRun < 2 || constantRun < 2 || spikes < 1 || !(rmsRatio > 1) || !(minCorrelation >= -1 && minCorrelation <= 1)) {
            throw new IllegalArgumentException("flag thresholds: clipped-run and constant-run >= 2, spikes >= 1, "
                    + "correlation in [-1, 1], rms-ratio > 1; got " + this);
        }
    }

    public static Flags defaults() {
        return new Flags(3, 25, 1, 0.1, 5);
    }

    /// The defaults changed by `name=value` settings: clipped-run, constant-run, spikes,
    /// correlation, rms-ratio.
    public static Flags parse(List<String> settings) {
        Flags f = defaults();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--flag '" + s + "': give NAME=VALUE with NAME one of clipped-run, constant-run, "
                        + "spikes, correlation, rms-ratio");
            }
            String name = s.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            double v;
            try {
                v = Double.parseDouble(s.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--flag '" + s + "': '" + s.substring(eq + 1) + "' is not a number");
            }
            f = switch (name) {
                case "clipped-run" -> new Flags((int) v, f.constantRun, f.spikes, f.minCorrelation, f.rmsRatio);
                case "constant-run" -> new Flags(f.clippedRun, (int) v, f.spikes, f.minCorrelation, f.rmsRatio);
                case "spikes" -> new Flags(f.clippedRun, f.constantRun, (int) v, f.minCorrelation, f.rmsRatio);
                case "correlation" -> new Flags(f.clippedRun, f.constantRun, f.spikes, v, f.rmsRatio);
                case "rms-ratio" -> new Flags(f.clippedRun, f.constantRun, f.spikes, f.minCorrelation, v);
                default -> throw new IllegalArgumentException("--flag '" + s + "': unknown threshold '" + name
                        + "'; use clipped-run, constant-run, spikes, correlation or rms-ratio");
            };
        }
        return f;
    }

    /// The names of the bits set in `flags`, joined by `+` ("" when none).
    public static String describe(int flags) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < NAMES.length; b++) {
            if ((flags & (1 << b)) != 0) {
                out.add(NAMES[b]);
            }
        }
        return String.join("+", out);
    }
}
