package org.seisproc.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/// The shared SEG-Y fixtures (`../shared/data/segy`, or `-Dseisproc.testdata=DIR`) and their
/// `reference.json`. Tests that need them call [#requireFolder] and are skipped cleanly where
/// the folder is absent; the files are read in place, never copied into the repository.
public final class Fixtures {
    private static JsonNode reference;

    private Fixtures() {
    }

    /// The fixtures folder, or null when it is absent.
    public static Path folderOrNull() {
        String configured = System.getProperty("seisproc.testdata");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/data/segy"));
        candidates.add(Path.of("../../shared/data/segy"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("reference.json"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /// The fixtures folder; skips the calling test when it is absent.
    public static Path requireFolder() {
        Path p = folderOrNull();
        assumeTrue(p != null, "shared SEG-Y fixtures not found (../shared/data/segy); skipping");
        return p;
    }

    /// `reference.json`'s "files" object; skips when the fixtures are absent.
    public static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(requireFolder().resolve("reference.json").toFile()).path("files");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /// Every fixture's relative path and reference entry (empty when the fixtures are absent).
    public static List<Map.Entry<String, JsonNode>> entries() {
        if (folderOrNull() == null) {
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reference().fields(); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }

    /// The absolute path of a fixture.
    public static Path file(String relative) {
        return requireFolder().resolve(relative);
    }
}
