package org.seisproc.spark;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/// What every Spark test class has: the test survey ([TestSurvey]) written and imported once for
/// the class in its own temp folder (its `@BeforeAll` runs before the subclass's).
abstract class OnTestSurvey {
    @TempDir
    static Path dir;
    static TestSurvey survey;

    @BeforeAll
    static void makeSurvey() {
        survey = new TestSurvey(dir);
    }
}
