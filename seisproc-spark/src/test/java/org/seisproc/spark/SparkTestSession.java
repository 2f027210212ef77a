package org.seisproc.spark;

import java.util.Map;

import org.apache.spark.sql.SparkSession;

/// The one Spark session all tests of this module share (starting Spark costs seconds):
/// `local[2]` as users give it (so with the runner's local retries), no UI, small shuffles.
final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.start("seisproc-spark tests", "local[2]",
                    Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "2"));
        }
        return session;
    }
}
