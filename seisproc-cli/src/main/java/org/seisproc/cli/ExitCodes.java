package org.seisproc.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.seisproc.dataset.DatasetException;
import org.seisproc.engine.Job;
import org.seisproc.engine.ProcessingException;
import org.seisproc.ensemble.NoSuchEnsembleException;
import org.seisproc.ensemble.UnknownKeyException;
import org.seisproc.io.parquet.ParquetException;
import org.seisproc.segy.SegyException;

/// The exit codes of `seisproc` and of the Spark runner, and which failure gets which: 2 only
/// for what the user typed or wrote wrong (an option, a job file, a key, an ensemble), 1 for
/// the data's or the work's failures — including an `IllegalArgumentException` from deep
/// inside a processor or a codec, which is not a usage error.
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    /// Prints `ex`, thrown by `command` (`qc stack`), as its one-line message on `err` and returns
    /// the exit code; null when `ex` is none of the failures the product names (an internal
    /// error: the caller reports it with what it knows).
    public static Integer report(Exception ex, String command, PrintWriter err) {
        String prefix = "seisproc " + command + ": ";
        if (ex instanceof Job.InvalidJobException) {
            err.println(prefix + ex.getMessage());
            return USAGE;
        }
        if (ex instanceof UsageException || ex instanceof UnknownKeyException || ex instanceof NoSuchEnsembleException) {
            err.println(prefix + ex.getMessage());
            err.println("Try 'seisproc " + command + " --help'.");
            return USAGE;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof ProcessingException || ex instanceof SegyException
                || ex instanceof UncheckedIOException || ex instanceof CliFailure || ex instanceof DatasetException
                || ex instanceof ParquetException) {
            err.println(prefix + "error: " + ex.getMessage());
            return FAILURE;
        }
        return null;
    }
}
