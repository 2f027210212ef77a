package org.seisproc.dataset;

import java.nio.file.Path;

import org.seisproc.dataset.internal.TargetDir;

/// Test helper run in a separate JVM: prepares the dataset directory args[0] (taking its lock),
/// prints "locked", then waits until its standard input closes or it is killed.
public final class TargetLockMain {
    public static void main(String[] args) throws Exception {
        TargetDir dir = TargetDir.prepare(Path.of(args[0]), false);
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait
        }
        dir.abandon();
    }
}
