package org.seisproc.migration;

import java.util.List;

/// A migration that cannot start: bad geometry (missing or zero coordinates, inconsistent
/// coordinate scalars), a velocity that does not cover the output grid, or an output larger than
/// the disk or memory allows. The message lists every problem found, before any work starts.
public final class MigrationException extends RuntimeException {
    private final List<String> problems;

    public MigrationException(String what, List<String> problems) {
        super(what + ": " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
