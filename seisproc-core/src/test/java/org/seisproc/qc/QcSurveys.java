package org.seisproc.qc;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.dataset.Importer;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Small synthetic surveys for the QC tests (2 ms, IEEE float).
final class QcSurveys {
    private QcSurveys() {
    }

    static SyntheticSurvey survey(int shots, int channels, int samples) {
        return new SyntheticSurvey(SurveyGeometry.of(shots, channels), samples, 2000, SampleFormat.IEEE_FLOAT32, 11);
    }

    /// Writes `survey` as SEG-Y and imports it to `dir/name`.
    static Path dataset(Path dir, String name, SyntheticSurvey survey) {
        Path sgy = dir.resolve(name + ".sgy");
        survey.write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
        Path ds = dir.resolve(name);
        Importer.run(List.of(sgy), ds, Importer.Options.defaults().withWorkers(2));
        return ds;
    }
}
