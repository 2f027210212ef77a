package org.seisproc.dsp;

/// Top and bottom mutes with a half-cosine taper.
///
/// Top mute at time tm with taper length L: weight 0 for t < tm, ½(1 − cos(π(t − tm)/L)) for
/// tm ≤ t < tm + L, 1 after. Bottom mute at tb: weight 1 for t ≤ tb − L, the mirrored ramp down
/// to 0 at tb, 0 after. The mute time usually comes from an offset–time table ([Taper] over
/// |offset|).
public final class Mute {
    private Mute() {
    }

    /// Zeroes (with taper) the samples before `muteTime` seconds.
    public static void top(float[] x, int offset, Sampling time, double muteTime, double taperSeconds) {
        for (int i1 = 0; i1 < time.count(); i1++) {
            double t = time.value(i1);
            double w = t < muteTime ? 0 : taperSeconds > 0 && t < muteTime + taperSeconds
                    ? 0.5 * (1 - Math.cos(Math.PI * (t - muteTime) / taperSeconds)) : 1;
            x[offset + i1] *= (float) w;
        }
    }

    /// Zeroes (with taper) the samples after `muteTime` seconds.
    public static void bottom(float[] x, int offset, Sampling time, double muteTime, double taperSeconds) {
        for (int i1 = 0; i1 < time.count(); i1++) {
            double t = time.value(i1);
            double w = t > muteTime ? 0 : taperSeconds > 0 && t > muteTime - taperSeconds
                    ? 0.5 * (1 - Math.cos(Math.PI * (muteTime - t) / taperSeconds)) : 1;
            x[offset + i1] *= (float) w;
        }
    }
}
