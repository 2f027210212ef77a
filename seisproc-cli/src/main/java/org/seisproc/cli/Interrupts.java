package org.seisproc.cli;

import java.io.PrintWriter;

/// Says what an interrupted command leaves behind: while a long write runs, a shutdown hook
/// (run on Ctrl-C / SIGINT and SIGTERM, not on `kill -9`) cleans up what can be cleaned and
/// prints one line saying what was left and how to go on. Closing it (the work finished or
/// failed normally) removes the hook.
final class Interrupts implements AutoCloseable {
    private final Thread hook;
    private volatile boolean finished;

    private Interrupts(Thread hook) {
        this.hook = hook;
    }

    /// Installs `onInterrupt`, which returns the line to print (without the `seisproc CMD:`
    /// prefix), or null to print nothing.
    static Interrupts on(String command, PrintWriter err, java.util.function.Supplier<String> onInterrupt) {
        Interrupts[] self = new Interrupts[1];
        Thread hook = new Thread(() -> {
            if (self[0].finished) {
                return;
            }
            String line;
            try {
                line = onInterrupt.get();
            } catch (RuntimeException e) {
                line = "interrupted (" + e.getMessage() + ")";
            }
            if (line != null) {
                err.println();
                err.println("seisproc " + command + ": " + line);
                err.flush();
            }
        }, "seisproc-interrupt");
        self[0] = new Interrupts(hook);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already exiting
        }
        return self[0];
    }

    @Override
    public void close() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran; `finished` keeps it quiet
        }
    }

    /// What an interrupted dataset write leaves at `target`, for the interrupt line: the dataset
    /// incomplete, or the dataset it was replacing unchanged, or nothing; then `rerun`.
    static String datasetLeft(java.nio.file.Path target, String rerun) {
        java.nio.file.Path abs = target.toAbsolutePath().normalize();
        java.nio.file.Path next = abs.resolveSibling("." + abs.getFileName() + ".next");
        if (java.nio.file.Files.exists(abs.resolve(org.seisproc.dataset.DatasetFiles.INCOMPLETE_MARKER))) {
            return "interrupted; " + target + " is left incomplete (it cannot be opened); " + rerun;
        }
        if (java.nio.file.Files.isDirectory(next)) {
            return "interrupted; the existing dataset " + target + " is unchanged (the partial replacement "
                    + next.getFileName() + " beside it is removed by the next run); " + rerun + " (with --overwrite)";
        }
        return "interrupted before " + target + " was written; " + rerun;
    }
}
