package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/// The `--root` folder and the one check every path from a request goes through: a path is
/// given relative to the root, must not be absolute, must not climb out with `..` (also after
/// URL decoding, which the server has done before), and must not leave the root through a
/// symbolic link (the real path of its deepest existing ancestor must lie inside the root's real
/// path). Every refusal is a 4xx [WebError] naming the parameter.
public final class RootDir {
    private final Path root;
    private final Path realRoot;

    public RootDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("--root " + root + " is not a readable folder: " + e.getMessage());
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("--root " + root + " is not a folder");
        }
    }

    public Path path() {
        return root;
    }

    /// The absolute path of `relative` (a request's `parameter`), checked to be inside the root.
    public Path resolve(String parameter, String relative) {
        if (relative == null || relative.isBlank()) {
            throw WebError.bad(parameter, "'" + parameter + "' is missing: give a path relative to the served folder");
        }
        String r = relative.replace('\\', '/');
        if (r.indexOf('\0') >= 0 || r.indexOf('%') >= 0) {
            throw WebError.bad(parameter, "'" + parameter + "' holds characters a path may not have");
        }
        if (r.startsWith("/") || r.matches("^[A-Za-z]:.*") || Path.of(r).isAbsolute()) {
            throw WebError.forbidden(parameter, "'" + parameter + "' must be relative to the served folder, not absolute");
        }
        for (String part : r.split("/")) {
            if (part.equals("..")) {
                throw WebError.forbidden(parameter, "'" + parameter + "' must not climb out of the served folder with '..'");
            }
        }
        Path p = root.resolve(r).normalize();
        checkInside(parameter, p);
        return p;
    }

    /// Refuses `p` (absolute) unless it and its real location lie inside the root.
    public void checkInside(String parameter, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw WebError.forbidden(parameter, "'" + parameter + "' is outside the served folder");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            if (!existing.toRealPath().startsWith(realRoot)) {
                throw WebError.forbidden(parameter, "'" + parameter + "' leads out of the served folder through a symbolic link");
            }
        } catch (IOException e) {
            throw WebError.bad(parameter, "'" + parameter + "' cannot be read: " + e.getMessage());
        }
    }

    /// The path of `p` relative to the root, with `/` separators (what the page shows and sends back).
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
