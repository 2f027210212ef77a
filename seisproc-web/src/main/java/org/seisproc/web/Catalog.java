package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.DatasetManifest;

/// What lies under the root: datasets (folders with `dataset.json`, or marked incomplete while a
/// job writes them) and SEG-Y / SU files that can be imported. Folders are searched
/// [#MAX_DEPTH] levels deep; a dataset's own folder is not searched further; hidden entries
/// (`.name`) are skipped, and so are symbolic links (they might lead out of the root).
final class Catalog {
    static final int MAX_DEPTH = 4;

    /// One dataset in the browser.
    ///
    /// @param path        relative to the root
    /// @param complete    false while a job or import writes it (or after one was interrupted)
    /// @param sizeBytes   bytes of its files (index and header cache included)
    /// @param sourceFiles the SEG-Y/SU files it was imported from
    /// @param processing  what changed it after import, in order
    record DatasetEntry(String path, boolean complete, long traces, int samplesPerTrace, double sampleIntervalMicros,
                        long sizeBytes, List<String> sourceFiles, String sourceFormat, String created, String generator,
                        List<String> processing, String problem) {
    }

    /// A SEG-Y / SU file that can be imported.
    record FileEntry(String path, long bytes, String lastModified) {
    }

    record Listing(String root, List<DatasetEntry> datasets, List<FileEntry> files) {
    }

    private final RootDir root;

    Catalog(RootDir root) {
        this.root = root;
    }

    Listing list() {
        List<DatasetEntry> datasets = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        walk(root.path(), 0, datasets, files);
        datasets.sort(java.util.Comparator.comparing(DatasetEntry::path));
        files.sort(java.util.Comparator.comparing(FileEntry::path));
        return new Listing(root.path().toString(), datasets, files);
    }

    private void walk(Path dir, int depth, List<DatasetEntry> datasets, List<FileEntry> files) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            return; // unreadable folder: not listed
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                if (Files.exists(p.resolve(DatasetFiles.MANIFEST)) || Files.exists(p.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
                    datasets.add(entry(p));
                } else if (depth + 1 < MAX_DEPTH) {
                    walk(p, depth + 1, datasets, files);
                }
            } else if (isSeismicFile(name)) {
                try {
                    files.add(new FileEntry(root.relative(p), Files.size(p), Files.getLastModifiedTime(p).toInstant().toString()));
                } catch (IOException ignored) {
                    // vanished while listing
                }
            }
        }
    }

    static boolean isSeismicFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".sgy") || n.endsWith(".segy") || n.endsWith(".seg-y") || n.endsWith(".su");
    }

    /// The browser's row for the dataset in `dir`.
    DatasetEntry entry(Path dir) {
        String rel = root.relative(dir);
        boolean complete = !Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER)) && Files.exists(dir.resolve(DatasetFiles.MANIFEST));
        long size = sizeOf(dir);
        if (!complete) {
            return new DatasetEntry(rel, false, 0, 0, 0, size, List.of(), null, null, null, List.of(),
                    "incomplete: a job or import is writing it, or was interrupted");
        }
        try {
            DatasetManifest m = DatasetManifest.read(dir);
            List<String> sources = new ArrayList<>();
            String format = null;
            if (m.source() != null) {
                format = m.source().kind() + " format " + m.source().format() + ", " + m.source().byteOrder() + "-endian, rev "
                        + m.source().revision();
                if (m.source().files() != null) {
                    m.source().files().forEach(f -> sources.add(f.path()));
                }
            }
            return new DatasetEntry(rel, true, m.traces(), m.samplesPerTrace(), m.sampleIntervalMicros(), size, sources, format,
                    m.created(), m.generator(), m.processing() == null ? List.of() : m.processing(), null);
        } catch (DatasetException e) {
            return new DatasetEntry(rel, false, 0, 0, 0, size, List.of(), null, null, null, List.of(), e.getMessage());
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
