package org.seisproc.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.seisproc.engine.Job;

/// A job file as the driver read it: its absolute path and its text. This is what travels to
/// the executors (a few kB), so each parses the very job the driver validated — not whatever
/// the file holds by then, and without needing the job file on shared storage. Relative paths
/// in the job resolve against the file's folder, as [Job#load] does; the input and output must
/// then be at the same absolute paths on every executor (shared storage).
///
/// @param file absolute path of the job file (JSON, or YAML by its `.yaml`/`.yml` name)
/// @param text its content
public record JobText(String file, String text) implements Serializable {
    /// Reads `file`; an unreadable file is a job problem naming it.
    public static JobText read(Path file) {
        try {
            return new JobText(file.toAbsolutePath().normalize().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new Job.InvalidJobException(file, List.of("cannot read the job file: " + e.getMessage()));
        }
    }

    /// Parses and validates the job (every problem reported together, as [Job#load] does).
    public Job parse() {
        Path path = Path.of(file);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException e) {
            throw new Job.InvalidJobException(path, List.of("cannot read the job file: " + e.getMessage()));
        }
        return Job.parse(root, path.getParent(), path);
    }
}
