package org.seisproc.dataset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.DatasetException;

/// A thread interrupted while writing closes the file channel for every thread (as a Spark
/// executor's cancelled task does beside tasks that go on): only that thread fails; the others
/// write and sync on, and what they wrote is in the file.
class MappedOutputTest {
    @TempDir
    Path tmp;

    @Test
    void anInterruptedWriterFailsAloneAndTheOthersWriteOn() throws Exception {
        Path file = tmp.resolve("out.bin");
        try (MappedOutput out = MappedOutput.create(file, 4096)) {
            Thread cancelled = Thread.ofPlatform().unstarted(() -> {
                out.buffer(0, 8).fill((byte) 7);
                Thread.currentThread().interrupt(); // as a cancelled task is
                assertThatThrownBy(() -> out.writeBuffer(0, 8)).isInstanceOf(DatasetException.class).hasMessageContaining("cannot write");
            });
            cancelled.start();
            cancelled.join();
            // the channel the interrupt closed is reopened for this thread
            out.buffer(100, 16).fill((byte) 42);
            out.writeBuffer(100, 16);
            out.force();
            assertThat(out.segment().get(ValueLayout.JAVA_BYTE, 100)).isEqualTo((byte) 42);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[100]).isEqualTo((byte) 42);
        assertThat(bytes[115]).isEqualTo((byte) 42);
        assertThat(bytes[116]).isZero();
    }
}
