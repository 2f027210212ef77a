package org.seisproc.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/// Checks that an output does not alias an input: not the same file or directory (also through
/// symlinks, `..`, hard links or bind mounts: compared by real path and by file identity), not
/// inside it, and not containing it. Every command that writes something derived from an input
/// calls [#requireSeparate] before it touches the output.
public final class TargetPaths {
    private TargetPaths() {
    }

    /// Fails with a [DatasetException] naming both paths when `output` is `input`, lies inside
    /// `input`, or contains `input` (each compared after resolving symlinks of the parts that
    /// exist). `input` must exist; `output` need not.
    public static void requireSeparate(Path input, Path output) {
        Path in = real(input);
        Path out = real(output);
        if (in.equals(out) || sameFile(input, output)) {
            throw new DatasetException(output, "is the input " + input + (in.equals(input.toAbsolutePath().normalize()) ? ""
                    : " (" + in + ")") + "; writing it would destroy the input: choose another output");
        }
        if (out.startsWith(in)) {
            throw new DatasetException(output, "lies inside the input " + input + "; choose an output outside it");
        }
        if (in.startsWith(out)) {
            throw new DatasetException(output, "contains the input " + input + "; replacing it would destroy the input:"
                    + " choose an output that does not contain it");
        }
        // a parent of the output may be the input under another name (a hard-linked or bind-mounted folder)
        for (Path p = out.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && sameFile(p, in)) {
                throw new DatasetException(output, "lies inside the input " + input + " (" + p + " is the same folder)");
            }
        }
    }

    /// The absolute, normalized path with every symlink of its longest existing prefix resolved
    /// (the rest appended as written).
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
