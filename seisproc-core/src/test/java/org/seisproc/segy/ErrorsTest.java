package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.testdata.Fixtures;

/// Bad input gets a [SegyException] whose message names the file, the byte or trace, and says
/// what to do; never a crash or a half-read file.
class ErrorsTest {
    @TempDir
    Path tmp;

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(Path path) {
        return assertThatThrownBy(() -> SegyFile.open(path).close())
                .isInstanceOf(SegyException.class)
                .hasMessageContaining(path.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] fixture(String rel) throws IOException {
        return Files.readAllBytes(Fixtures.file(rel));
    }

    /// `n` random bytes (the same for the same `seed`).
    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /// segyio's small.sgy with the 16-bit value at the 0-based file offset `at` replaced.
    private static byte[] smallWithShort(int at, int value) throws IOException {
        byte[] b = fixture("segyio/small.sgy");
        ByteBuffer.wrap(b).putShort(at, (short) value);
        return b;
    }

    @Test
    void truncatedFileNamesTheTraceTheByteAndTheWayOut() {
        Path broken = Fixtures.file("segyio/broken.sgy");
        // 3600 + 2 extended textual headers = trace 0 at byte 10000; 256-byte traces (4 IBM samples);
        // 10836 bytes = 3 traces + 68 bytes of trace 3, which starts at byte 10000 + 3 × 256 = 10768.
        assertOpenFails(broken)
                .hasMessageContaining("trace 3")
                .hasMessageContaining("byte 10768")
                .hasMessageContaining("68 bytes")
                .hasMessageContaining("allow-truncated");
        SegyException e = catchSegy(broken);
        assertThat(e.trace()).isEqualTo(3);
        assertThat(e.byteOffset()).isEqualTo(10768);
    }

    /// broken.sgy is not a cut small.sgy: its traces are tiny.sgy's (6 traces × 4 samples,
    /// byte for byte; checked here) behind a different 10000-byte file header, cut in trace 3.
    @Test
    void truncatedFileReadsItsCompleteTracesWhenAllowed() throws IOException {
        byte[] broken = fixture("segyio/broken.sgy");
        byte[] tiny = fixture("segyio/tiny.sgy");
        assertThat(Arrays.copyOfRange(broken, 10000, broken.length))
                .isEqualTo(Arrays.copyOfRange(tiny, 3600, 3600 + broken.length - 10000));
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/broken.sgy"), ReadOptions.defaults().withAllowTruncated(true));
             SegyFile full = SegyFile.open(Fixtures.file("segyio/tiny.sgy"))) {
            assertThat(f.traceCount()).isEqualTo(3);
            assertThat(f.samplesPerTrace()).isEqualTo(full.samplesPerTrace()).isEqualTo(4);
            assertThat(f.info().trailingBytes()).isEqualTo(68);
            assertThat(f.trailingBytes()).hasSize(68);
            assertThat(f.info().warnings()).anyMatch(w -> w.contains("truncated"));
            float[] a = new float[4];
            float[] b = new float[4];
            for (long t = 0; t < 3; t++) {
                f.readTrace(t, a);
                full.readTrace(t, b);
                assertThat(a).as("trace %d", t).containsExactly(b);
                assertThat(f.rawTrace(t).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(full.rawTrace(t).toArray(ValueLayout.JAVA_BYTE));
            }
            assertThatThrownBy(() -> f.readTrace(3, a))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("broken.sgy");
        }
    }

    @Test
    void format4IsRejectedByName() {
        for (String rel : new String[] {"segyio/multiformats/Format4msb.sgy", "segyio/multiformats/Format4lsb.sgy"}) {
            assertOpenFails(Fixtures.file(rel))
                    .hasMessageContaining("format code 4")
                    .hasMessageContaining("byte 3224")
                    .hasMessageContaining("convert");
        }
    }

    @Test
    void emptyFile() throws IOException {
        assertOpenFails(write("empty.sgy", new byte[0]))
                .hasMessageContaining("0 bytes")
                .hasMessageContaining("3600");
    }

    @Test
    void hundredRandomBytes() throws IOException {
        assertOpenFails(write("junk.sgy", randomBytes(100, 1)))
                .hasMessageContaining("100 bytes")
                .hasMessageContaining("Seismic Unix");
    }

    @Test
    void headerSizedGarbage() throws IOException {
        byte[] junk = randomBytes(3600, 2);
        junk[3224] = (byte) 0xAB;   // format code 0xABCD / 0xCDAB: no format in either order
        junk[3225] = (byte) 0xCD;
        junk[3296] = 0;             // and surely no rev 2 byte-order constant
        assertOpenFails(write("garbage.sgy", junk))
                .hasMessageContaining("byte 3224")
                .hasMessageContaining("not a SEG-Y file")
                .hasMessageContaining("--byte-order");
    }

    @Test
    void unknownFormatCode() throws IOException {
        byte[] b = smallWithShort(3224, 99);
        assertOpenFails(write("format99.sgy", b))
                .hasMessageContaining("byte 3224")
                .hasMessageContaining("99");
        // with a rev 2 byte-order constant the order is known: the message lists the valid codes
        ByteBuffer.wrap(b).putInt(3296, BinaryHeader.BYTE_ORDER_CONSTANT);
        assertOpenFails(write("format99-rev2.sgy", b))
                .hasMessageContaining("byte 3224")
                .hasMessageContaining("code 99")
                .hasMessageContaining("supported codes are");
    }

    @Test
    void sampleCountZeroEverywhere() throws IOException {
        byte[] b = fixture("segyio/small.sgy");
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putShort(3220, (short) 0).putInt(3268, 0);
        for (int at = 3600; at + 240 <= b.length; at += 240 + 4 * 50) {
            bb.putShort(at + 114, (short) 0);
        }
        assertOpenFails(write("ns0.sgy", b))
                .hasMessageContaining("byte 3220")
                .hasMessageContaining("sample count is 0");
    }

    @Test
    void extendedTextualHeaderCountBeyondTheFile() throws IOException {
        assertOpenFails(write("ext100.sgy", smallWithShort(3504, 100)))
                .hasMessageContaining("byte 3504")
                .hasMessageContaining("100 extended textual headers")
                .hasMessageContaining("truncated or the count is wrong");
    }

    @Test
    void unterminatedVariableExtendedHeaders() throws IOException {
        assertOpenFails(write("ext-1.sgy", smallWithShort(3504, -1)))
                .hasMessageContaining("((SEG: EndText))")
                .hasMessageContaining("past the end of the file");
    }

    @Test
    void suFileOfOddLength() throws IOException {
        byte[] su = fixture("segyio/small.su");
        Path odd = write("odd.su", Arrays.copyOf(su, su.length + 1));
        assertOpenFails(odd)
                .hasMessageContaining("byte 114")
                .hasMessageContaining("Seismic Unix")
                .hasMessageContaining("--allow-truncated");
        try (SegyFile f = SegyFile.open(odd, ReadOptions.defaults().withAllowTruncated(true))) {
            assertThat(f.traceCount()).isEqualTo(25);
            assertThat(f.trailingBytes()).hasSize(1);
        }
    }

    @Test
    void missingFile() {
        assertOpenFails(tmp.resolve("nope.sgy")).hasMessageContaining("no such file").hasMessageContaining("check the path");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("looks-like.sgy"));
        assertOpenFails(dir).hasMessageContaining("is a directory").hasMessageContaining("SEG-Y or SU file");
    }

    @Test
    void traceIndexOutOfRangeNamesTheFile() {
        Path small = Fixtures.file("segyio/small.sgy");
        try (SegyFile f = SegyFile.open(small)) {
            float[] s = new float[f.samplesPerTrace()];
            assertThatThrownBy(() -> f.readTrace(25, s))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(small.toString())
                    .hasMessageContaining("trace 25")
                    .hasMessageContaining("25 traces");
            assertThatThrownBy(() -> f.readTrace(-1, s)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(small.toString());
            assertThatThrownBy(() -> f.header(25, "cdp")).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(small.toString());
            assertThatThrownBy(() -> f.readTraces(20, 6, new float[6 * 50])).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(small.toString());
            assertThatThrownBy(() -> f.rawTrace(Long.MAX_VALUE)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aTraceArrayTooShortIsRefusedBeforeReading() {
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/small.sgy"))) {
            assertThatThrownBy(() -> f.readTrace(0, new float[49])).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static SegyException catchSegy(Path p) {
        try (SegyFile f = SegyFile.open(p)) {
            throw new AssertionError("opened " + f.path());
        } catch (SegyException e) {
            return e;
        }
    }

}
