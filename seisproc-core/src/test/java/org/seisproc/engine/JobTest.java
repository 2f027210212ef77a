package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Job files: a valid one parses with defaults and units; every problem of a bad one is
/// reported together, before any work.
class JobTest {
    @TempDir
    Path dir;

    @Test
    void aValidJobParsesWithDefaultsAndRelativePaths() throws Exception {
        Path file = Files.writeString(dir.resolve("job.json"), """
                { "input": "in.ds", "output": "out.ds", "key": ["cdp"], "sortBy": "offset",
                  "processors": [ {"name": "agc"}, {"name": "bandpass", "type": "butterworth", "lowHz": 6, "highHz": 50},
                                  {"name": "nmo", "velocities": [{"cdp": 1, "times": [0, 2], "velocities": [1800, 3000]}]},
                                  {"name": "stack"} ] }
                """);
        Job job = Job.load(file);
        assertThat(job.input()).isEqualTo(dir.resolve("in.ds"));
        assertThat(job.key()).containsExactly("cdp");
        assertThat(job.sortBy()).containsExactly("offset");
        assertThat(job.steps()).extracting(s -> s.spec().name()).containsExactly("agc", "bandpass", "nmo", "stack");
        assertThat(job.steps().get(0).parameters().number("windowMs")).isEqualTo(500.0);
        assertThat(job.steps().get(1).parameters().number("lowHz")).isEqualTo(6.0);
        assertThat(job.steps().get(1).parameters().integer("order")).isEqualTo(4);
        assertThat(job.reduces()).isTrue();
        assertThat(job.onError()).isEqualTo("stop");
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                { "input": "in.ds", "key": [],
                  "processors": [ {"name": "agc", "windowMs": "long", "colour": 3}, {"name": "nosuch"},
                                  {"name": "stack"}, {"name": "mute"} ] }
                """);
        assertThatThrownBy(() -> Job.load(file))
                .isInstanceOf(Job.InvalidJobException.class)
                .satisfies(e -> assertThat(((Job.InvalidJobException) e).problems()).hasSize(8))
                .hasMessageContaining("'output'")
                .hasMessageContaining("'key' must name at least one field")
                .hasMessageContaining("'windowMs' must be a number (ms)")
                .hasMessageContaining("unknown parameter 'colour'")
                .hasMessageContaining("unknown processor 'nosuch'")
                .hasMessageContaining("must be the last processor")
                .hasMessageContaining("'offsets' is required")
                .hasMessageContaining("'timesMs' is required");
    }

    @Test
    void yamlJobsReadLikeJson() throws Exception {
        Path file = Files.writeString(dir.resolve("job.yaml"), """
                input: in.ds
                output: out.ds
                key: [fldr]
                processors:
                  - name: agc
                    windowMs: 250
                  - name: tpow
                """);
        Job job = Job.load(file);
        assertThat(job.steps()).extracting(s -> s.spec().name()).containsExactly("agc", "tpow");
        assertThat(job.steps().get(0).parameters().number("windowMs")).isEqualTo(250.0);
    }

    @Test
    void unreadableJobFileIsAClearError() {
        assertThatThrownBy(() -> Job.load(dir.resolve("missing.json"))).isInstanceOf(Job.InvalidJobException.class)
                .hasMessageContaining("missing.json").hasMessageContaining("cannot read");
    }

    @Test
    void jsonJobsAreReadStrictlyWithThePlaceOfTheirMistake() throws Exception {
        Path bom = Files.writeString(dir.resolve("bom.json"), "\uFEFF{ \"input\": \"in.ds\", \"output\": \"out.ds\", \"key\": [\"fldr\"],"
                + " \"processors\": [ { \"name\": \"agc\", \"windowMs\": 250 } ] }");
        assertThat(Job.load(bom).steps().get(0).parameters().number("windowMs")).isEqualTo(250.0);
        Path comma = Files.writeString(dir.resolve("comma.json"), "{ \"input\": \"in.ds\",\n  \"output\": \"out.ds\",\n}\n");
        assertThatThrownBy(() -> Job.load(comma)).isInstanceOf(Job.InvalidJobException.class)
                .hasMessageContaining("comma.json").hasMessageContaining("is not valid JSON").hasMessageContaining("(line 3, column 1)");
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThatThrownBy(() -> Job.load(empty)).isInstanceOf(Job.InvalidJobException.class)
                .hasMessageContaining("is not valid JSON").hasMessageContaining("the input ended");
    }
}
