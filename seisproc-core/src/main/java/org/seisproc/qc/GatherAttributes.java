package org.seisproc.qc;

import org.seisproc.dsp.Attributes;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Spectrum;

/// Computes every trace attribute of one gather (n2 traces of n1 samples, `samples[i2·n1 + i1]`,
/// in gather order, so neighbours are i2 − 1 and i2 + 1) into an [AttributeTable] at the
/// traces' rows. One instance per worker thread: it holds the FFT plan and scratch arrays.
public final class GatherAttributes {
    private final Sampling time;
    private final int[] signal;
    private final int[] noise;
    private final Flags flags;
    private final Spectrum spectrum;
    private double[] energy = new double[0];
    private double[] dots = new double[0];
    private float[] rms = new float[0];
    private final double[] m = new double[4];

    public GatherAttributes(Sampling time, AttributeOptions options) {
        this.time = time;
        this.signal = options.signalWindow(time);
        this.noise = options.noiseWindow(time);
        this.flags = options.flags();
        this.spectrum = new Spectrum(signal[1] - signal[0], time.interval());
    }

    /// The signal window {from, to} in samples.
    public int[] signalWindow() {
        return signal.clone();
    }

    /// The noise window {from, to} in samples.
    public int[] noiseWindow() {
        return noise.clone();
    }

    /// Computes the attributes of the gather and stores trace i2's at row `rows[i2]` of `out`.
    public void compute(float[] samples, int n2, int[] rows, AttributeTable out) {
        int n1 = time.count();
        if (energy.length < n2) {
            energy = new double[n2];
            dots = new double[n2];
            rms = new float[n2];
        }
        int a = signal[0];
        int b = signal[1];
        boolean whole = a == 0 && b == n1;
        for (int i2 = 0; i2 < n2; i2++) {
            int off = i2 * n1;
            int row = rows[i2];
            Attributes.moments(samples, off, a, b, m);
            energy[i2] = m[0];
            if (i2 + 1 < n2) {
                dots[i2] = Attributes.dot(samples, off, samples, off + n1, a, b);
            }
            double r = Math.sqrt(m[0] / (b - a));
            rms[i2] = (float) r;
            out.rms[row] = (float) r;
            out.meanAbs[row] = (float) (m[1] / (b - a));
            out.maxAbs[row] = (float) m[2];
            out.snrDb[row] = (float) Attributes.snrDb(r, Attributes.rms(samples, off, noise[0], noise[1]));
            spectrum.compute(samples, off, a, m[3]);
            out.dominantHz[row] = (float) spectrum.dominantHz();
            out.bandwidthHz[row] = (float) spectrum.bandwidthHz();
            if (!whole) {
                Attributes.moments(samples, off, 0, n1, m);
            }
            float peak = (float) m[2];
            double wholeRms = Math.sqrt(m[0] / n1);
            int run = Attributes.constantRunOrDead(samples, off, n1);
            out.dead[row] = run < 0 ? 1 : 0;
            out.constantRun[row] = Math.abs(run);
            out.clippedRun[row] = Attributes.longestClippedRun(samples, off, n1, peak);
            out.spikes[row] = Attributes.spikes(samples, off, n1, wholeRms, Attributes.SPIKE_FACTOR, Attributes.SPIKE_RATIO);
        }
        float median = medianLive(n2, rows, out);
        for (int i2 = 0; i2 < n2; i2++) {
            int row = rows[i2];
            double sum = 0;
            int count = 0;
            if (i2 > 0) {
                sum += Attributes.correlation(dots[i2 - 1], energy[i2 - 1], energy[i2]);
                count++;
            }
            if (i2 + 1 < n2) {
                sum += Attributes.correlation(dots[i2], energy[i2], energy[i2 + 1]);
                count++;
            }
            float corr = count == 0 ? Float.NaN : (float) (sum / count);
            out.correlation[row] = corr;
            int f = 0;
            boolean dead = out.dead[row] == 1;
            if (dead) {
                f |= Flags.DEAD;
            } else {
                if (out.clippedRun[row] >= flags.clippedRun()) {
                    f |= Flags.CLIPPED;
                }
                if (out.constantRun[row] >= flags.constantRun()) {
                    f |= Flags.CONSTANT;
                }
                if (out.spikes[row] >= flags.spikes()) {
                    f |= Flags.SPIKES;
                }
                if (corr < flags.minCorrelation()) {
                    f |= Flags.LOW_CORRELATION;
                }
                if (median > 0 && rms[i2] > flags.rmsRatio() * median) {
                    f |= Flags.RMS_HIGH;
                }
                if (median > 0 && rms[i2] < median / flags.rmsRatio()) {
                    f |= Flags.RMS_LOW;
                }
            }
            out.flags[row] = f;
        }
    }

    /// Median rms of the gather's live traces (0 when none).
    private float medianLive(int n2, int[] rows, AttributeTable out) {
        float[] live = new float[n2];
        int m = 0;
        for (int i2 = 0; i2 < n2; i2++) {
            if (out.dead[rows[i2]] == 0) {
                live[m++] = rms[i2];
            }
        }
        if (m == 0) {
            return 0;
        }
        java.util.Arrays.sort(live, 0, m);
        return m % 2 == 1 ? live[m / 2] : (live[m / 2 - 1] + live[m / 2]) / 2;
    }
}
