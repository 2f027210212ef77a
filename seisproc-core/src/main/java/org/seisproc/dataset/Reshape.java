package org.seisproc.dataset;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.TextualHeader;
import org.seisproc.segy.TraceField;

/// What a dataset of a new shape ([DatasetShape]) changes in the headers it inherits, so that it
/// exports as valid SEG-Y: the sample count and interval of every trace header, and of the
/// binary header (kept as `binary.bin` and inside the source's verbatim file header).
final class Reshape {
    /// Largest sample count and interval a 16-bit field holds; larger ones go to the rev 2 fields.
    private static final int UINT16_MAX = 65_535;
    private static final int INT16_MAX = 32_767;

    private Reshape() {
    }

    /// Sets bytes 115–116 (samples) and 117–118 (interval, µs) of every trace header.
    static void stampTraceHeaders(MemorySegment headers, long traces, int headerBytes, ByteOrder order, DatasetShape shape) {
        long ns = Math.min(shape.samplesPerTrace(), UINT16_MAX);
        long dt = Math.min(Math.round(shape.sampleIntervalMicros()), INT16_MAX);
        for (long t = 0; t < traces; t++) {
            TraceField.SAMPLE_COUNT.field().write(headers, t * headerBytes, order, ns);
            TraceField.SAMPLE_INTERVAL.field().write(headers, t * headerBytes, order, dt);
        }
    }

    /// Patches the binary header in `binary.bin` and in each source's verbatim file header.
    static void patchFileHeaders(TargetDir dir, DatasetManifest m, ByteOrder order, DatasetShape shape) {
        patch(dir.resolve(DatasetFiles.BINARY), 0, order, shape);
        for (int i = 0; i < m.source().files().size(); i++) {
            patch(dir.resolve(DatasetFiles.sourceHeader(i)), TextualHeader.BYTES, order, shape);
        }
    }

    private static void patch(Path file, int at, ByteOrder order, DatasetShape shape) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < at + BinaryHeader.BYTES) {
                return; // Seismic Unix: no file header
            }
            byte[] bytes = Files.readAllBytes(file);
            byte[] raw = java.util.Arrays.copyOfRange(bytes, at, at + BinaryHeader.BYTES);
            BinaryHeader b = new BinaryHeader(raw, order);
            boolean rev2 = b.get(BinaryField.MAJOR_REVISION) >= 2;
            long ns = shape.samplesPerTrace();
            double dt = shape.sampleIntervalMicros();
            b.set(BinaryField.SAMPLES_PER_TRACE, Math.min(ns, UINT16_MAX));
            b.set(BinaryField.SAMPLE_INTERVAL, Math.min(Math.round(dt), INT16_MAX));
            if (rev2) {
                b.set(BinaryField.EXT_SAMPLES_PER_TRACE, ns > UINT16_MAX ? ns : 0);
                b.set(BinaryField.EXT_SAMPLE_INTERVAL, dt > INT16_MAX || dt != Math.rint(dt) ? dt : 0.0);
            }
            System.arraycopy(b.bytes(), 0, bytes, at, BinaryHeader.BYTES);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot update the binary header for the new trace shape: " + e.getMessage(), e);
        }
    }
}
