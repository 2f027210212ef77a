package org.seisproc.spark;

import java.util.Arrays;
import java.util.List;

/// A task's failure on one ensemble, carrying the ensemble's key values to the driver (Spark
/// ships a task's exception back with the job's failure), so that a job that fails names the
/// ensemble the way the local engine does ([org.seisproc.engine.Engine.Failure]).
///
/// @see SparkRunner
public final class EnsembleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String[] keyNames;
    private final long[] key;
    private final String reason;

    /// @param reason the failure in the local engine's words ([org.seisproc.engine.Engine#describe(Throwable)])
    public EnsembleFailure(List<String> keyNames, long[] key, String reason, Throwable cause) {
        super("ensemble " + text(keyNames, key) + ": " + reason, cause);
        this.keyNames = keyNames.toArray(String[]::new);
        this.key = key.clone();
        this.reason = reason;
    }

    /// The ensemble's key values, in the order of the job's key fields.
    public long[] key() {
        return key.clone();
    }

    /// The job's key fields.
    public List<String> keyNames() {
        return List.of(keyNames);
    }

    /// What went wrong, without the ensemble's name.
    public String reason() {
        return reason;
    }

    private static String text(List<String> names, long[] key) {
        if (names.size() != key.length) {
            return Arrays.toString(key);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(key[i]);
        }
        return sb.toString();
    }
}
