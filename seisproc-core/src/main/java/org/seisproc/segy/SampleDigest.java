package org.seisproc.segy;

import java.lang.foreign.MemorySegment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/// The content checksum of seismic samples: SHA-256 of every sample decoded to float32,
/// written little-endian, trace after trace. The same digest for a SEG-Y file, its SU twin and
/// a dataset imported from it, whatever the source's byte order or format (as long as the
/// samples are equal as float32).
public final class SampleDigest {
    private final MessageDigest sha = newSha256();
    private byte[] bytes = new byte[0];

    /// Adds `n` samples from `samples[offset..]`.
    public void update(float[] samples, int offset, int n) {
        if (bytes.length < 4 * n) {
            bytes = new byte[4 * n];
        }
        MemorySegment.copy(samples, offset, MemorySegment.ofArray(bytes), Layouts.FLOAT_LE, 0, n);
        sha.update(bytes, 0, 4 * n);
    }

    /// The digest as lowercase hex (resets the digest).
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /// The checksum of all samples of `file`.
    public static String of(SegyFile file) {
        SampleDigest d = new SampleDigest();
        int ns = file.samplesPerTrace();
        int batch = Math.max(1, Math.min(4096, (1 << 20) / Math.max(1, ns)));
        float[] buf = new float[batch * ns];
        for (long t = 0; t < file.traceCount(); t += batch) {
            int count = (int) Math.min(batch, file.traceCount() - t);
            file.readTraces(t, count, buf);
            d.update(buf, 0, count * ns);
        }
        return d.hex();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
