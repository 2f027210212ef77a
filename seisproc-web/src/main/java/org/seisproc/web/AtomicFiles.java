package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Small files the server writes (job files, header maps): to a hidden temporary file beside the
/// target, then renamed over it, so a reader never sees half a file.
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void writeString(Path target, String content, String parameter) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new WebError(500, parameter, "cannot write " + target.getFileName() + ": " + e.getMessage());
        }
    }
}
