package org.seisproc.dataset;

/// The shape of a dataset's traces: how many, how long, how finely sampled, and stored how.
/// A derived dataset (a stack, a QC attribute volume, a migrated image) may have another shape
/// than its source; [DatasetWriter#create(Dataset, java.nio.file.Path, DatasetShape, String, boolean, boolean)]
/// writes one.
///
/// @param traces               number of traces (≥ 0)
/// @param samplesPerTrace      samples per trace (≥ 1; SEG-Y rev 1 holds up to 65,535)
/// @param sampleIntervalMicros sample interval in microseconds (> 0)
/// @param sampleType           how samples are stored
public record DatasetShape(long traces, int samplesPerTrace, double sampleIntervalMicros, SampleType sampleType) {
    public DatasetShape {
        if (traces < 0) {
            throw new IllegalArgumentException("a dataset cannot have " + traces + " traces");
        }
        if (samplesPerTrace < 1) {
            throw new IllegalArgumentException("a dataset needs at least 1 sample per trace, not " + samplesPerTrace);
        }
        if (!(sampleIntervalMicros > 0) || Double.isInfinite(sampleIntervalMicros)) {
            throw new IllegalArgumentException("the sample interval must be > 0 µs, not " + sampleIntervalMicros);
        }
        if (sampleType == null) {
            throw new IllegalArgumentException("a sample type is needed");
        }
    }

    /// The shape of `dataset`.
    public static DatasetShape of(Dataset dataset) {
        return new DatasetShape(dataset.traceCount(), dataset.samplesPerTrace(), dataset.manifest().sampleIntervalMicros(),
                dataset.sampleType());
    }

    /// This shape with another trace count.
    public DatasetShape withTraces(long n) {
        return new DatasetShape(n, samplesPerTrace, sampleIntervalMicros, sampleType);
    }

    /// Bytes of the sample store.
    public long storeBytes() {
        return traces * samplesPerTrace * (long) sampleType.bytes();
    }
}
