package org.seisproc.dataset;

import java.nio.file.Path;
import java.util.List;

/// Test helper run in a separate JVM: imports args[0] into args[1] with one worker (replacing
/// an existing dataset when args[2] is "overwrite"), printing "progress" after each chunk and
/// pausing, so that a test can kill it mid-way.
public final class SlowImportMain {
    public static void main(String[] args) {
        boolean overwrite = args.length > 2 && args[2].equals("overwrite");
        Importer.run(List.of(Path.of(args[0])), Path.of(args[1]), Importer.Options.defaults().withWorkers(1).withOverwrite(overwrite)
                .withProgress(bytes -> {
                    System.out.println("progress " + bytes);
                    System.out.flush();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        System.out.println("done");
    }
}
