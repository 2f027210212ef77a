package org.seisproc.io.parquet;

import org.seisproc.headers.HeaderTable;

/// A Parquet file written in batches; nothing appears at the target before [#commit], and
/// closing without a commit removes what was written.
public interface TableWriter extends AutoCloseable {
    /// Appends the rows of `batch` (the declared columns).
    void append(HeaderTable batch);

    /// Finishes the file and moves it into place.
    void commit();

    @Override
    void close();
}
