package org.seisproc.bench;

import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_1D;
import org.seisproc.dsp.Bandpass;
import org.seisproc.dsp.RealFft;

/// `FftTiming [NFFT] [ROUNDS] [N1]`: our [RealFft] against JTransforms' `FloatFFT_1D`, alternated
/// in one JVM, warm: forward + scaled inverse of NFFT (default 4096) random samples, and the whole
/// Ormsby band-pass of an N1-sample trace (default 1500 at 2 ms, corners 5-10-50-60 Hz) as
/// [Bandpass] does it now against the same steps on JTransforms (the previous Bandpass). Each
/// round times ~0.2 s of calls per contender; the figure is the least time per call over ROUNDS
/// (default 7) rounds, the one least disturbed by other processes.
public final class FftTiming {
    private FftTiming() {
    }

    public static void main(String[] args) {
        int nfft = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int n1 = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        SplittableRandom rnd = new SplittableRandom(1);
        float[] x = new float[nfft];
        for (int i = 0; i < nfft; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] trace = java.util.Arrays.copyOf(x, n1);
        FloatFFT_1D jt = new FloatFFT_1D(nfft);
        RealFft ours = new RealFft(nfft);
        Bandpass bp = Bandpass.ormsby(n1, 0.002, 5, 10, 50, 60);
        JTransformsBandpass old = new JTransformsBandpass(n1, bp.response());
        float[] a = new float[nfft];
        float[] t = new float[n1];

        Runnable jtFft = () -> {
            System.arraycopy(x, 0, a, 0, nfft);
            jt.realForward(a);
            jt.realInverse(a, true);
        };
        Runnable ourFft = () -> {
            System.arraycopy(x, 0, a, 0, nfft);
            ours.realForward(a);
            ours.realInverse(a, true);
        };
        Runnable oldBp = () -> {
            System.arraycopy(trace, 0, t, 0, n1);
            old.apply(t);
        };
        Runnable newBp = () -> {
            System.arraycopy(trace, 0, t, 0, n1);
            bp.apply(t, 0);
        };
        String[] names = {"JTransforms forward+inverse n=" + nfft, "RealFft     forward+inverse n=" + nfft,
                "band-pass on JTransforms n1=" + n1, "Bandpass (RealFft)     n1=" + n1};
        Runnable[] jobs = {jtFft, ourFft, oldBp, newBp};
        double[] best = new double[jobs.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int w = 0; w < 3; w++) {   // warm-up: let C2 compile everything
            for (Runnable job : jobs) {
                time(job, 0.2);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < jobs.length; j++) {
                best[j] = Math.min(best[j], time(jobs[j], 0.2));
            }
        }
        System.out.printf("UNDER LOAD (shared machine, load average %s), RealFft passes: %s, least of %d rounds, microseconds per call:%n",
                loadAverage(), RealFft.vectorised() ? "Vector API" : "scalar (no jdk.incubator.vector)", rounds);
        for (int j = 0; j < jobs.length; j++) {
            System.out.printf("  %-40s %9.2f us%n", names[j], best[j] * 1e6);
        }
        System.out.printf("  speed-up: FFT pair %.2fx, band-pass %.2fx%n", best[0] / best[1], best[2] / best[3]);
    }

    /// Seconds per call, calling `job` for about `seconds`.
    private static double time(Runnable job, double seconds) {
        int calls = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 50; i++) {
                job.run();
            }
            calls += 50;
            now = System.nanoTime();
        } while (now < end);
        return (now - t0) / 1e9 / calls;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /// The previous `Bandpass.apply`: zero-pad, JTransforms forward, multiply, scaled inverse.
    private static final class JTransformsBandpass {
        private final int n1;
        private final int nfft;
        private final float[] response;
        private final FloatFFT_1D fft;
        private final float[] work;

        JTransformsBandpass(int n1, float[] response) {
            this.n1 = n1;
            this.nfft = 2 * (response.length - 1);
            this.response = response;
            this.fft = new FloatFFT_1D(nfft);
            this.work = new float[nfft];
        }

        void apply(float[] x) {
            float[] a = work;
            System.arraycopy(x, 0, a, 0, n1);
            java.util.Arrays.fill(a, n1, nfft, 0f);
            fft.realForward(a);
            a[0] *= response[0];
            a[1] *= response[nfft / 2];
            for (int k = 1; k < nfft / 2; k++) {
                a[2 * k] *= response[k];
                a[2 * k + 1] *= response[k];
            }
            fft.realInverse(a, true);
            System.arraycopy(a, 0, x, 0, n1);
        }
    }
}
