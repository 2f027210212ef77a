package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A Seismic Unix file not named `*.su` is recognised by its content when it is not SEG-Y and
/// reads consistently as SU; asked to read it as SEG-Y, it is still refused.
class SuByContentTest {
    @TempDir
    Path tmp;

    /// `traces` SU traces of `ns` samples (big-endian), trace i filled with i + j / 1000.
    private Path suFile(String name, int traces, int ns) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(traces * (240 + 4 * ns));
        for (int i = 0; i < traces; i++) {
            int at = i * (240 + 4 * ns);
            b.putInt(at, i + 1); // tracl
            b.putShort(at + 114, (short) ns);
            b.putShort(at + 116, (short) 2000);
            for (int j = 0; j < ns; j++) {
                b.putFloat(at + 240 + 4 * j, i + j / 1000f);
            }
        }
        return Files.write(tmp.resolve(name), b.array());
    }

    @Test
    void aSeismicUnixFileWithAnotherNameIsReadAsSu() throws Exception {
        Path dat = suFile("shots.dat", 9, 100);
        try (SegyFile f = SegyFile.open(dat)) {
            assertThat(f.info().kind()).isEqualTo(FileKind.SU);
            assertThat(f.info().traces()).isEqualTo(9);
            assertThat(f.info().samplesPerTrace()).isEqualTo(100);
            assertThat(f.info().sampleIntervalMicros()).isEqualTo(2000);
            assertThat(f.info().warnings().getFirst()).contains("Seismic Unix", "--su");
            float[] t = new float[100];
            f.readTrace(8, t);
            assertThat(t[0]).isEqualTo(8f);
        }
    }

    @Test
    void askedForSegyItIsRefused() throws Exception {
        Path dat = suFile("shots.sgy", 9, 100);
        assertThatThrownBy(() -> SegyFile.open(dat, ReadOptions.defaults().withKind(FileKind.SEGY)))
                .isInstanceOf(SegyException.class);
    }

    @Test
    void anInconsistentSuReadingIsNotTaken() throws Exception {
        Path dat = suFile("bad.dat", 9, 100);
        byte[] bytes = Files.readAllBytes(dat);
        ByteBuffer.wrap(bytes).putShort(8 * 640 + 114, (short) 99); // the last trace disagrees
        Files.write(dat, bytes);
        assertThatThrownBy(() -> SegyFile.open(dat)).isInstanceOf(SegyException.class).hasMessageContaining("SEG-Y");
    }
}
