package org.seisproc.cli;

import java.io.PrintWriter;

/// The `--workers N` option of every parallel command: absent means one per core; below 1 is a
/// usage error; more than [#PER_CORE] per core is capped, with a note on stderr (threads beyond
/// that only add switching and memory, and thousands of them flood the per-worker report).
final class Workers {
    static final int PER_CORE = 4;

    private Workers() {
    }

    /// The worker count to use for `requested` (null: the default).
    static int resolve(Integer requested, String command, PrintWriter err) {
        return resolve(requested, "--workers", command, err);
    }

    /// The same for an option named otherwise (`--threads`).
    static int resolve(Integer requested, String option, String command, PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (requested == null) {
            return cores;
        }
        if (requested < 1) {
            throw new UsageException(option + " is " + requested + ": use 1 or more (default: one per core, " + cores + " here)");
        }
        int cap = PER_CORE * cores;
        if (requested > cap) {
            err.println("seisproc " + command + ": note: " + option + " " + requested + " capped to " + cap + " (" + PER_CORE
                    + " per core on " + cores + " core(s))");
            return cap;
        }
        return requested;
    }
}
