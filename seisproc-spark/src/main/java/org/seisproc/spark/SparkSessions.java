package org.seisproc.spark;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;

/// Starts the Spark session a run uses.
///
/// Spark's local master `local[N]` gives a task ONE attempt (no retry at all), unlike a cluster
/// where `spark.task.maxFailures` (default 4) applies. So that a job behaves the same on a
/// laptop and on a cluster, a local master without an explicit failure count gets
/// [#LOCAL_ATTEMPTS]: `local[2]` runs as `local[2,4]`. Give `local[N,F]` to choose otherwise.
public final class SparkSessions {
    /// Attempts per task in local mode (Spark's cluster default of `spark.task.maxFailures`).
    public static final int LOCAL_ATTEMPTS = 4;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");

    private SparkSessions() {
    }

    /// The master Spark is given for `master`: a local master with [#LOCAL_ATTEMPTS] attempts per
    /// task unless it names its own; any other master unchanged.
    public static String withRetries(String master) {
        Matcher m = LOCAL.matcher(master.strip());
        if (!m.matches()) {
            return master;
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + LOCAL_ATTEMPTS + "]";
    }

    /// The session for a run: `master` as given (with local retries, [#withRetries]), or the one
    /// `spark-submit` configured when null (`local[*]` when none was). Spark's console progress
    /// bar is off (the run reports its own progress); `settings` are added as given.
    public static SparkSession start(String appName, String master, Map<String, String> settings) {
        SparkSession.Builder b = SparkSession.builder().appName(appName).config("spark.ui.showConsoleProgress", "false");
        String configured = System.getProperty("spark.master");
        if (master != null) {
            b.master(withRetries(master));
        } else if (configured == null) {
            b.master(withRetries("local[*]"));
        } else if (LOCAL.matcher(configured.strip()).matches()) {
            b.master(withRetries(configured));
        }
        settings.forEach(b::config);
        return b.getOrCreate();
    }
}
