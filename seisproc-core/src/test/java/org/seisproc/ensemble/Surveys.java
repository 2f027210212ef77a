package org.seisproc.ensemble;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.dataset.Importer;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Small shot-ordered synthetic survey datasets for the ensemble tests.
final class Surveys {
    private Surveys() {
    }

    /// Writes a synthetic survey of `shots` × `channels` traces and imports it to `dir/name`.
    static Path dataset(Path dir, String name, int shots, int channels, int samples) {
        SyntheticSurvey s = new SyntheticSurvey(SurveyGeometry.of(shots, channels), samples, 4000, SampleFormat.IEEE_FLOAT32, 7);
        Path sgy = dir.resolve(name + ".sgy");
        s.write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
        Path ds = dir.resolve(name);
        Importer.run(List.of(sgy), ds, Importer.Options.defaults().withWorkers(2));
        return ds;
    }

    /// Imports a file to `dir/name`.
    static Path imported(Path file, Path dir, String name) {
        Path ds = dir.resolve(name);
        Importer.run(List.of(file), ds, Importer.Options.defaults().withWorkers(1));
        return ds;
    }
}
