package org.seisproc.dataset;

import org.seisproc.segy.SampleFormat;

/// How a dataset stores samples: little-endian IEEE float32 (`traces.f32`) or float64
/// (`traces.f64`). float32 whenever the source's format converts to it exactly; float64 for
/// int32, uint32, int64, uint64 and float64 sources, so that no value is lost.
public enum SampleType {
    FLOAT32("float32", 4, "traces.f32"), FLOAT64("float64", 8, "traces.f64");

    private final String jsonName;
    private final int bytes;
    private final String fileName;

    SampleType(String jsonName, int bytes, String fileName) {
        this.jsonName = jsonName;
        this.bytes = bytes;
        this.fileName = fileName;
    }

    public String jsonName() {
        return jsonName;
    }

    public int bytes() {
        return bytes;
    }

    /// The store's file name inside the dataset.
    public String fileName() {
        return fileName;
    }

    /// The lossless store type for a source format.
    public static SampleType losslessFor(SampleFormat format) {
        return format.exactInFloat32() ? FLOAT32 : FLOAT64;
    }

    public static SampleType ofJson(String name) {
        for (SampleType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown sample type '" + name + "' (expected float32 or float64)");
    }
}
