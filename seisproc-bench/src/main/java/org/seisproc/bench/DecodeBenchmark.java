package org.seisproc.bench;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seisproc.segy.SampleCodec;
import org.seisproc.segy.SampleFormat;

/// Decode throughput of [SampleCodec] per sample format: 1000 traces × 1500 samples, encoded in
/// a heap [MemorySegment], decoded trace by trace into one `float[1500]`.
///
/// Reported: `ops/us` = million samples per second (one op = one sample, via
/// `@OperationsPerInvocation`), and the auxiliary counter `encodedBytes` in ops/us, which is
/// bytes per microsecond = **MB/s of encoded input** (10^6 bytes/s).
///
/// ```
/// java -jar seisproc-bench/target/seisproc-bench.jar DecodeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
/// ```
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class DecodeBenchmark {
    static final int TRACES = 1000;
    static final int SAMPLES = 1500;

    /// Format code and byte order: `1` = IBM big-endian, `1le` = IBM little-endian, ...
    @Param({"1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12", "15", "16", "1le", "5le"})
    public String format;

    private SampleFormat sampleFormat;
    private ByteOrder order;
    private MemorySegment encoded;
    private long traceBytes;
    private final float[] trace = new float[SAMPLES];

    /// Bytes of encoded input decoded; its rate in ops/us is MB/s.
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long encodedBytes;

        @Setup(Level.Iteration)
        public void reset() {
            encodedBytes = 0;
        }
    }

    @Setup
    public void setUp() {
        boolean little = format.endsWith("le");
        sampleFormat = SampleFormat.ofCode(Integer.parseInt(little ? format.substring(0, format.length() - 2) : format));
        order = little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        traceBytes = (long) SAMPLES * sampleFormat.bytes();
        encoded = MemorySegment.ofArray(new byte[(int) (traceBytes * TRACES)]);
        // A seismic-looking signal scaled to the format's range (integers: 1/4 of it, unsigned: offset).
        double scale = switch (sampleFormat) {
            case INT8, UINT8 -> 30;
            case INT16, UINT16 -> 8000;
            case INT24, UINT24 -> 2e6;
            default -> 1e5;
        };
        double offset = switch (sampleFormat) {
            case UINT8, UINT16, UINT24, UINT32, UINT64 -> 4 * scale;
            default -> 0;
        };
        SplittableRandom rnd = new SplittableRandom(1);
        double[] values = new double[SAMPLES];
        for (int t = 0; t < TRACES; t++) {
            for (int i = 0; i < SAMPLES; i++) {
                values[i] = offset + scale * (Math.sin(i * 0.05 + t) * Math.exp(-i / 900.0) + 0.1 * rnd.nextGaussian());
            }
            SampleCodec.encode(sampleFormat, order, values, 0, encoded, t * traceBytes, SAMPLES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRACES * SAMPLES)
    public float decodeAllTraces(Bytes bytes) {
        float acc = 0;
        for (int t = 0; t < TRACES; t++) {
            SampleCodec.decode(sampleFormat, order, encoded, t * traceBytes, trace, 0, SAMPLES);
            acc += trace[t % SAMPLES];
        }
        bytes.encodedBytes += traceBytes * TRACES;
        return acc;
    }
}
