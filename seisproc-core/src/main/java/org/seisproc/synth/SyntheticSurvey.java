package org.seisproc.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.seisproc.dataset.Importer;
import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.FileSpec;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyWriter;
import org.seisproc.segy.TextEncoding;
import org.seisproc.segy.TextualHeader;
import org.seisproc.segy.TraceField;

/// A deterministic synthetic land prestack survey in shot order, written as SEG-Y.
///
/// Geometry: see [SurveyGeometry]; headers carry field record, trace numbers, energy source
/// point, source/group coordinates (centimetres, coordinate scalar −100), signed offset, CDP
/// from 3-D midpoint bins with inline/crossline and CDP coordinates, elevations, sample count and
/// interval. Traces: primary reflections of a layered model with hyperbolic moveout
/// t(x) = √(t0² + x²/v_rms(t0)²) (Dix-type rms velocity v_rms = v0 + k·t0), a point diffractor
/// (double-square-root traveltime), ground roll (linear moveout at 450 m/s, 8 Hz) and random
/// noise, each a Ricker wavelet w(t) = (1 − 2π²f²t²)·exp(−π²f²t²), amplitudes decaying with
/// 1/t (spherical divergence). The model is written to a sidecar JSON for later checks
/// (NMO, stack, migration). The same seed always gives the same bytes; traces are generated in
/// parallel and written in place.
///
/// @param geometry             acquisition geometry
/// @param samples              samples per trace
/// @param sampleIntervalMicros sample interval (µs)
/// @param format               sample format (1 IBM or 5 IEEE float are usual)
/// @param seed                 noise seed
public record SyntheticSurvey(SurveyGeometry geometry, int samples, int sampleIntervalMicros, SampleFormat format, long seed) {
    /// Easting/northing of the survey origin (m), UTM-like so coordinates need a scalar.
    public static final double X0 = 500_000.0;
    public static final double Y0 = 6_000_000.0;
    /// rms velocity v_rms(t0) = V0 + K·t0 (m/s, t0 in s).
    public static final double V0 = 1800.0;
    public static final double K = 600.0;
    public static final double WAVELET_HZ = 25.0;
    public static final double GROUND_ROLL_VELOCITY = 450.0;
    public static final double GROUND_ROLL_HZ = 8.0;

    public SyntheticSurvey {
        if (samples < 1 || sampleIntervalMicros < 1) {
            throw new IllegalArgumentException("samples and sample interval must be positive");
        }
    }

    /// Record length (s).
    public double recordSeconds() {
        return samples * sampleIntervalMicros * 1e-6;
    }

    /// Zero-offset times of the reflectors (s): five, spread over the record.
    public double[] reflectorTimes() {
        double len = recordSeconds();
        return new double[] {0.18 * len, 0.34 * len, 0.5 * len, 0.66 * len, 0.82 * len};
    }

    /// Reflection coefficients of the reflectors.
    public double[] reflectorAmplitudes() {
        return new double[] {1.0, -0.8, 0.7, -0.6, 0.5};
    }

    /// rms velocity at zero-offset time `t0` seconds (m/s).
    public static double rmsVelocity(double t0) {
        return V0 + K * t0;
    }

    /// Diffractor position (m): x, y, and its zero-offset time (s).
    public double[] diffractor() {
        double midX = X0 + (geometry.shots() - 1) * geometry.shotInterval() / 2;
        double midY = Y0 + (geometry.receiverLines() - 1) * geometry.receiverLineSpacing() / 2;
        return new double[] {midX, midY, 0.42 * recordSeconds()};
    }

    double shotX(int shot) {
        return X0 + shot * geometry.shotInterval();
    }

    double shotY() {
        return Y0 + (geometry.receiverLines() - 1) * geometry.receiverLineSpacing() / 2;
    }

    double groupX(int shot, int channel) {
        int station = channel % geometry.channelsPerLine();
        return shotX(shot) + (station - geometry.channelsPerLine() / 2) * geometry.receiverInterval();
    }

    double groupY(int channel) {
        return Y0 + (channel / geometry.channelsPerLine()) * geometry.receiverLineSpacing();
    }

    /// Number of crosslines of the CDP grid.
    public int crosslines() {
        double span = (geometry.shots() - 1) * geometry.shotInterval() + (geometry.channelsPerLine() - 1) * geometry.receiverInterval() / 2;
        return (int) Math.round(span / geometry.binX()) + 1;
    }

    private double minMidX() {
        return X0 - (geometry.channelsPerLine() / 2) * geometry.receiverInterval() / 2;
    }

    private double minMidY() {
        return (shotY() + Y0) / 2;
    }

    /// Where trace `trace` (shot order) was recorded: its shot and channel (0-based) and the
    /// source and receiver coordinates (m).
    private record Station(int shot, int channel, double sx, double sy, double gx, double gy) {
    }

    private Station station(long trace) {
        int shot = (int) (trace / geometry.channels());
        int channel = (int) (trace % geometry.channels());
        return new Station(shot, channel, shotX(shot), shotY(), groupX(shot, channel), groupY(channel));
    }

    /// Fills the 240-byte header of trace `trace` (shot order) in `header` at offset 0.
    public void header(long trace, MemorySegment header, ByteOrder order) {
        Station p = station(trace);
        double mx = (p.sx() + p.gx()) / 2;
        double my = (p.sy() + p.gy()) / 2;
        int xline = (int) Math.round((mx - minMidX()) / geometry.binX()) + 1;
        int iline = (int) Math.round((my - minMidY()) / geometry.binY()) + 1;
        double distance = Math.hypot(p.gx() - p.sx(), p.gy() - p.sy());
        int offset = (int) Math.round(p.gx() >= p.sx() ? distance : -distance);
        header.fill((byte) 0);
        set(header, order, TraceField.TRACE_SEQUENCE_LINE, trace + 1);
        set(header, order, TraceField.TRACE_SEQUENCE_FILE, trace + 1);
        set(header, order, TraceField.FIELD_RECORD, 1001 + p.shot());
        set(header, order, TraceField.TRACE_NUMBER_IN_FIELD_RECORD, p.channel() + 1);
        set(header, order, TraceField.ENERGY_SOURCE_POINT, 101 + p.shot());
        set(header, order, TraceField.ENSEMBLE_NUMBER, (long) (iline - 1) * crosslines() + xline);
        set(header, order, TraceField.TRACE_NUMBER_IN_ENSEMBLE, p.channel() + 1);
        set(header, order, TraceField.TRACE_IDENTIFICATION_CODE, 1);
        set(header, order, TraceField.DATA_USE, 1);
        set(header, order, TraceField.OFFSET, offset);
        set(header, order, TraceField.RECEIVER_GROUP_ELEVATION, Math.round(elevation(p.gx())));
        set(header, order, TraceField.SURFACE_ELEVATION_AT_SOURCE, Math.round(elevation(p.sx())));
        set(header, order, TraceField.SOURCE_DEPTH, 10);
        set(header, order, TraceField.ELEVATION_SCALAR, 1);
        set(header, order, TraceField.COORDINATE_SCALAR, -100);
        set(header, order, TraceField.SOURCE_X, Math.round(p.sx() * 100));
        set(header, order, TraceField.SOURCE_Y, Math.round(p.sy() * 100));
        set(header, order, TraceField.GROUP_X, Math.round(p.gx() * 100));
        set(header, order, TraceField.GROUP_Y, Math.round(p.gy() * 100));
        set(header, order, TraceField.COORDINATE_UNITS, 1);
        set(header, order, TraceField.SAMPLE_COUNT, samples);
        set(header, order, TraceField.SAMPLE_INTERVAL, sampleIntervalMicros);
        set(header, order, TraceField.CDP_X, Math.round(mx * 100));
        set(header, order, TraceField.CDP_Y, Math.round(my * 100));
        set(header, order, TraceField.INLINE, iline);
        set(header, order, TraceField.CROSSLINE, xline);
        set(header, order, TraceField.SHOT_POINT, 101 + p.shot());
    }

    private static void set(MemorySegment header, ByteOrder order, TraceField field, long value) {
        field.type().write(header, field.bytePosition() - 1, order, value);
    }

    private static double elevation(double x) {
        return 120 + 15 * Math.sin(x / 900.0);
    }

    /// Fills `out[0..samples)` with trace `trace`'s samples.
    public void samples(long trace, float[] out) {
        java.util.Arrays.fill(out, 0, samples, 0f);
        Station p = station(trace);
        double x = Math.hypot(p.gx() - p.sx(), p.gy() - p.sy());
        double dt = sampleIntervalMicros * 1e-6;
        double[] t0 = reflectorTimes();
        double[] amp = reflectorAmplitudes();
        for (int r = 0; r < t0.length; r++) {
            double v = rmsVelocity(t0[r]);
            double t = Math.sqrt(t0[r] * t0[r] + x * x / (v * v));
            addRicker(out, t, amp[r] / Math.max(t, 0.1), WAVELET_HZ, dt);
        }
        double[] d = diffractor();
        double vd = rmsVelocity(d[2]);
        double hs = Math.hypot(p.sx() - d[0], p.sy() - d[1]);
        double hg = Math.hypot(p.gx() - d[0], p.gy() - d[1]);
        double half = d[2] / 2;
        double td = Math.sqrt(half * half + hs * hs / (vd * vd)) + Math.sqrt(half * half + hg * hg / (vd * vd));
        addRicker(out, td, 0.6 / Math.max(td, 0.1), WAVELET_HZ, dt);
        addRicker(out, x / GROUND_ROLL_VELOCITY + 0.02, 2.0 / (1 + x / 500.0), GROUND_ROLL_HZ, dt);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trace);
        for (int i = 0; i < samples; i++) {
            out[i] += (float) ((random.nextDouble() + random.nextDouble() - 1.0) * 0.02);
        }
    }

    private void addRicker(float[] out, double t, double amplitude, double hz, double dt) {
        double halfWidth = 1.5 / hz;
        int first = Math.max(0, (int) Math.ceil((t - halfWidth) / dt));
        int last = Math.min(samples - 1, (int) Math.floor((t + halfWidth) / dt));
        double a = Math.PI * Math.PI * hz * hz;
        for (int i = first; i <= last; i++) {
            double tau = i * dt - t;
            double arg = a * tau * tau;
            out[i] += (float) (amplitude * (1 - 2 * arg) * Math.exp(-arg));
        }
    }

    /// The file header: a textual header describing the survey, a rev 1 binary header.
    public FileSpec fileSpec(ByteOrder order) {
        List<String> lines = new ArrayList<>();
        lines.add("C 1 SEISPROC SYNTHETIC LAND SURVEY (DETERMINISTIC, SEED " + seed + ")");
        lines.add("C 2 SHOTS " + geometry.shots() + " CHANNELS " + geometry.channels() + " RECEIVER LINES " + geometry.receiverLines());
        lines.add("C 3 RECEIVER INTERVAL " + geometry.receiverInterval() + " M, LINE SPACING " + geometry.receiverLineSpacing()
                + " M, SHOT INTERVAL " + geometry.shotInterval() + " M");
        lines.add("C 4 SAMPLES " + samples + " INTERVAL " + sampleIntervalMicros + " US FORMAT " + format.code());
        lines.add("C 5 COORDINATES IN CM (SCALCO -100); CDP = (ILINE-1)*" + crosslines() + "+XLINE");
        lines.add("C 6 MODEL: 5 REFLECTORS, VRMS = " + (int) V0 + " + " + (int) K + "*T0 M/S, POINT DIFFRACTOR, GROUND ROLL");
        lines.add("C 7 SORT: SHOT ORDER (FLDR, TRACF)");
        while (lines.size() < 39) {
            lines.add("C" + String.format("%2d", lines.size() + 1));
        }
        lines.add("C40 END TEXTUAL HEADER");
        BinaryHeader binary = BinaryHeader.empty(order)
                .set(BinaryField.JOB_ID, 1)
                .set(BinaryField.LINE_NUMBER, 1)
                .set(BinaryField.DATA_TRACES_PER_ENSEMBLE, geometry.channels())
                .set(BinaryField.SAMPLE_INTERVAL, sampleIntervalMicros)
                .set(BinaryField.ORIGINAL_SAMPLE_INTERVAL, sampleIntervalMicros)
                .set(BinaryField.ORIGINAL_SAMPLES_PER_TRACE, samples <= 0xFFFF ? samples : 0)
                .set(BinaryField.ENSEMBLE_FOLD, 1)
                .set(BinaryField.SORTING_CODE, 1)
                .set(BinaryField.MEASUREMENT_SYSTEM, 1)
                .set(BinaryField.MAJOR_REVISION, 1)
                .set(BinaryField.FIXED_LENGTH_TRACES, 1);
        return FileSpec.segy(TextualHeader.fromLines(lines, TextEncoding.EBCDIC), binary, List.of(), format, samples, 0);
    }

    /// Writes the survey to `sgy` (big-endian SEG-Y, `threads` writer threads, see [#write]) and
    /// imports that file into the dataset directory `dataset` with the importer's defaults: the
    /// dataset the tests, benchmarks and examples start from. Returns `dataset`.
    public Path writeAndImport(Path sgy, Path dataset, int threads) {
        write(sgy, ByteOrder.BIG_ENDIAN, threads, null);
        Importer.run(List.of(sgy), dataset, Importer.Options.defaults());
        return dataset;
    }

    /// Writes the survey to `out` (atomically) and the model to `out` + `.model.json`, using
    /// `threads` threads; `progress` receives the number of traces done so far (may be null).
    public void write(Path out, ByteOrder order, int threads, LongConsumer progress) {
        long total = geometry.traces();
        AtomicLong done = new AtomicLong();
        try (SegyWriter writer = SegyWriter.create(out, fileSpec(order))) {
            int chunk = 256;
            long chunks = (total + chunk - 1) / chunk;
            Runnable work = () -> LongStream.range(0, chunks).parallel().forEach(c -> {
                float[] buf = new float[samples];
                MemorySegment header = MemorySegment.ofArray(new byte[HeaderLayout.TRACE_HEADER_BYTES]);
                long end = Math.min(total, (c + 1) * chunk);
                for (long t = c * chunk; t < end; t++) {
                    header(t, header, order);
                    samples(t, buf);
                    writer.writeTraceAt(t, header, buf, 0);
                }
                long now = done.addAndGet(end - c * chunk);
                if (progress != null) {
                    progress.accept(now);
                }
            });
            var pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
            try {
                pool.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing " + out, e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
            writer.commit(total);
        }
        writeModel(Path.of(out + ".model.json"));
    }

    /// The model as a map (what the sidecar JSON holds).
    public Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "seisproc synth");
        m.put("seed", seed);
        m.put("shots", geometry.shots());
        m.put("channels", geometry.channels());
        m.put("receiverLines", geometry.receiverLines());
        m.put("receiverIntervalMeters", geometry.receiverInterval());
        m.put("receiverLineSpacingMeters", geometry.receiverLineSpacing());
        m.put("shotIntervalMeters", geometry.shotInterval());
        m.put("binMeters", new double[] {geometry.binX(), geometry.binY()});
        m.put("crosslines", crosslines());
        m.put("samples", samples);
        m.put("sampleIntervalMicros", sampleIntervalMicros);
        m.put("format", format.code());
        m.put("velocity", Map.of("kind", "rms", "formula", "v_rms(t0) = v0 + k*t0", "v0MetersPerSecond", V0, "kMetersPerSecondPerSecond", K));
        List<Map<String, Object>> refl = new ArrayList<>();
        double[] t0 = reflectorTimes();
        double[] amp = reflectorAmplitudes();
        for (int i = 0; i < t0.length; i++) {
            refl.add(Map.of("t0Seconds", t0[i], "vrmsMetersPerSecond", rmsVelocity(t0[i]), "amplitude", amp[i]));
        }
        m.put("reflectors", refl);
        double[] d = diffractor();
        m.put("diffractor", Map.of("xMeters", d[0], "yMeters", d[1], "t0Seconds", d[2], "vrmsMetersPerSecond", rmsVelocity(d[2])));
        m.put("groundRoll", Map.of("velocityMetersPerSecond", GROUND_ROLL_VELOCITY, "frequencyHz", GROUND_ROLL_HZ));
        m.put("wavelet", Map.of("kind", "ricker", "frequencyHz", WAVELET_HZ));
        return m;
    }

    private void writeModel(Path path) {
        try {
            Files.writeString(path, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
