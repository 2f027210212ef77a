package org.seisproc.io.parquet;

import java.util.List;

/// What a Parquet file holds: its columns (name, type: int32, int64, float, double, or the
/// physical type name for others; nullable) and its row and row-group counts.
public record ParquetSchema(List<Field> fields, long rows, int rowGroups) {
    /// One column.
    public record Field(String name, String type, boolean nullable) {
    }

    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
