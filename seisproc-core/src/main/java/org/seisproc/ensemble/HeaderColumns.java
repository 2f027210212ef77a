package org.seisproc.ensemble;

import java.util.ArrayList;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.UnknownKeyException;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.HeaderType;

/// The one door through which the ensemble package reads header columns: from the memory-mapped
/// header cache of the dataset's `headers.parquet` (through the Parquet layer), or, for a dataset
/// without a header table, decoded from the raw trace headers ([Dataset#intColumn]).
public final class HeaderColumns {
    private HeaderColumns() {
    }

    /// Field `name` (short or long name, case-insensitive) of every trace of `ds`, as ints.
    /// Unknown names or fields that do not fit an int give an [UnknownKeyException] listing the
    /// dataset's valid names.
    public static int[] intColumn(Dataset ds, String name) {
        HeaderField f = field(ds, name);
        java.nio.file.Path table = ds.dir().resolve(org.seisproc.dataset.DatasetFiles.HEADERS_PARQUET);
        if (java.nio.file.Files.isRegularFile(table)) {
            try (org.seisproc.io.parquet.HeaderCache cache = org.seisproc.io.parquet.HeaderCache.open(table, List.of(f.name()))) {
                return cache.segment(f.name()).toArray(java.lang.foreign.ValueLayout.JAVA_INT);
            } catch (org.seisproc.io.parquet.ParquetException e) {
                // a read-only dataset (no room for the cache) or a damaged table: the raw headers are
                // the truth, but say so — a damaged table should not go unnoticed
                System.getLogger("org.seisproc").log(System.Logger.Level.WARNING, "cannot read column " + f.name() + " of "
                        + table + " (" + e.getMessage() + "); reading it from the raw trace headers instead");
                return ds.intColumn(f);
            }
        }
        return ds.intColumn(f);
    }

    /// The dataset's header field called `name` (its `headerSchema`, so custom layouts apply).
    public static HeaderField field(Dataset ds, String name) {
        HeaderLayout layout = layout(ds);
        HeaderField f = layout.findOrNull(name);
        if (f == null || !fitsInt(f.type())) {
            throw new UnknownKeyException(ds.dir(), name, f == null ? "is not a header field of the dataset"
                    : "is " + f.type().specName() + ", which is not an integer key", validNames(layout));
        }
        return f;
    }

    /// The dataset's integer header fields usable as keys.
    public static List<String> validNames(Dataset ds) {
        return validNames(layout(ds));
    }

    private static List<String> validNames(HeaderLayout layout) {
        List<String> names = new ArrayList<>();
        for (HeaderField f : layout.fields()) {
            if (fitsInt(f.type())) {
                names.add(f.name());
            }
        }
        return names;
    }

    private static boolean fitsInt(HeaderType t) {
        return switch (t) {
            case INT8, UINT8, INT16, UINT16, INT32 -> true;
            default -> false;
        };
    }

    private static HeaderLayout layout(Dataset ds) {
        return ds.headerLayout();
    }
}
