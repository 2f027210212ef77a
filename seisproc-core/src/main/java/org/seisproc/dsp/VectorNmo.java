package org.seisproc.dsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// [Nmo#forward] with linear interpolation, vectorised over output samples with the Java Vector
/// API, in float: the moveout, the stretch mute and the interpolation weights a vector at a time;
/// the input position of output sample k is k + (tx − t0)/dt with the moveout tx − t0 computed
/// without cancellation, so float loses nothing that matters (≤ ~1e-4 sample where the moveout
/// is a second). The samples a vector of consecutive outputs reads lie within two vectors of input
/// (dt/dt0 = t0/t ≤ 1 while the rms velocity does not fall fast), so they are picked from two
/// contiguous loads by in-register permutes; a vector whose reads spread wider (a steep velocity
/// inversion) or reach the trace's last samples is done sample by sample, with the same float
/// arithmetic. Loaded only when the JVM has the `jdk.incubator.vector` module (see [Nmo]).
final class VectorNmo {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = F.withLanes(int.class);
    private static final int L = F.length();
    private static final int SPAN = 2 * L - 2;

    private VectorNmo() {
    }

    static void forward(float[] in, int inOffset, float[] out, int outOffset, Nmo.Terms terms, double offsetMeters, double maxStretch) {
        Sampling time = terms.time;
        int n1 = time.count();
        if (offsetMeters == 0) {
            System.arraycopy(in, inOffset, out, outOffset, n1); // no moveout, nothing stretched
            return;
        }
        float invDt = (float) (1 / time.interval());
        float x2 = (float) (offsetMeters * offsetMeters);
        float stretch = (float) maxStretch;
        boolean zeroMuted = maxStretch < Double.POSITIVE_INFINITY;
        float top = n1 - 1;
        float[] t0s = terms.t0f;
        float[] t0sq = terms.t0Squaredf;
        float[] s2 = terms.slowness2f;
        int lastBase = n1 - 2 * L;
        int k = 0;
        if (lastBase >= 0) {
            VectorMask<Float> zeroMutedMask = F.maskAll(zeroMuted);
            FloatVector x2v = FloatVector.broadcast(F, x2);
            FloatVector lanes = FloatVector.zero(F).addIndex(1);
            FloatVector invDtv = FloatVector.broadcast(F, invDt);
            for (; k + L <= n1; k += L) {
                FloatVector t0 = FloatVector.fromArray(F, t0s, k);
                FloatVector moveout = FloatVector.fromArray(F, s2, k).mul(x2v);
                FloatVector tx = moveout.add(FloatVector.fromArray(F, t0sq, k)).sqrt();
                // the moveout tx − t0 as x²/v² / (tx + t0): no cancellation, so the output sample's
                // position k + (tx − t0)/dt is exact where the moveout is small
                FloatVector delta = moveout.div(tx.add(t0));
                // stretch (tx − t0)/t0 > maxStretch, without the division; t0 = 0 with x ≠ 0 is infinite stretch
                VectorMask<Float> positive = t0.compare(VectorOperators.GT, 0f);
                VectorMask<Float> muted = delta.compare(VectorOperators.GT, t0.mul(stretch)).and(positive)
                        .or(zeroMutedMask.andNot(positive));
                FloatVector at = delta.fma(invDtv, lanes.add((float) k));
                VectorMask<Float> valid = at.compare(VectorOperators.LE, top).andNot(muted);
                if (!valid.anyTrue()) {
                    FloatVector.zero(F).intoArray(out, outOffset + k);
                    continue;
                }
                IntVector i = (IntVector) at.convert(VectorOperators.F2I, 0);
                int base = Math.max(0, Math.min(i.lane(0), lastBase));
                IntVector rel = i.sub(base);
                if (rel.compare(VectorOperators.UGT, SPAN).and(valid.cast(I)).anyTrue()) {
                    for (int m = k; m < k + L; m++) {
                        out[outOffset + m] = sample(in, inOffset, n1, m, t0s[m], t0sq[m], s2[m], x2, stretch, zeroMuted, invDt);
                    }
                    continue;
                }
                IntVector w0 = FloatVector.fromArray(F, in, inOffset + base).reinterpretAsInts();
                IntVector w1 = FloatVector.fromArray(F, in, inOffset + base + L).reinterpretAsInts();
                FloatVector a = rel.selectFrom(w0, w1).reinterpretAsFloats();
                FloatVector b = rel.add(1).selectFrom(w0, w1).reinterpretAsFloats();
                FloatVector w = at.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
                FloatVector.zero(F).blend(w.fma(b.sub(a), a), valid).intoArray(out, outOffset + k);
            }
        }
        for (; k < n1; k++) {
            out[outOffset + k] = sample(in, inOffset, n1, k, t0s[k], t0sq[k], s2[k], x2, stretch, zeroMuted, invDt);
        }
    }

    /// One output sample (k of a trace at offset x ≠ 0), the vector loop's arithmetic in scalar form.
    private static float sample(float[] in, int inOffset, int n1, int k, float t0, float t0sq, float s2, float x2, float stretch,
                                boolean zeroMuted, float invDt) {
        float moveout = s2 * x2;
        float tx = (float) Math.sqrt(moveout + t0sq);
        float delta = moveout / (tx + t0);
        boolean muted = t0 > 0 ? delta > t0 * stretch : zeroMuted;
        float at = Math.fma(delta, invDt, (float) k);
        if (muted || at > n1 - 1) {
            return 0f;
        }
        int i = (int) at;
        if (i >= n1 - 1) {
            return in[inOffset + n1 - 1];
        }
        float a = in[inOffset + i];
        return Math.fma(at - i, in[inOffset + i + 1] - a, a);
    }
}
