package org.seisproc.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The gain pass of [Agc#apply] over the samples whose window lies whole inside the trace,
/// vectorised with the Java Vector API: the window's sum of squares from the running sums in
/// double (no cancellation), then the gain √(count / sum) and the product in float, eight samples
/// at a time. Loaded only when the JVM has the `jdk.incubator.vector` module (see [Agc]).
final class VectorAgc {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final int L = D.length();

    private VectorAgc() {
    }

    /// Gains samples `from ≤ i < to` (each with the full window `i − half … i + half`) of
    /// `x[offset..]` from the running sums `cum`; returns the first sample it did not do.
    static int interior(float[] x, int offset, double[] cum, int half, int from, int to) {
        FloatVector count = FloatVector.broadcast(F, 2 * half + 1);
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector sum = DoubleVector.fromArray(D, cum, i + half + 1).sub(DoubleVector.fromArray(D, cum, i - half));
            FloatVector s = (FloatVector) sum.convertShape(VectorOperators.D2F, F, 0);
            VectorMask<Float> live = s.compare(VectorOperators.GT, 0f);
            FloatVector v = FloatVector.fromArray(F, x, offset + i);
            FloatVector gained = v.mul(count.div(s).sqrt()); // x / rms, rms = √(sum / count); inf where sum = 0, blended away
            FloatVector.zero(F).blend(gained, live).intoArray(x, offset + i);
        }
        return i;
    }
}
