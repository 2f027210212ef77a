package org.seisproc.web;

import java.nio.file.Files;
import java.nio.file.Path;

/// What the services that queue [Task]s writing under the served folder share ([QcRuns],
/// [QcBatch], [TransferService]): the root, the task queue, and one answer to an output that
/// exists already.
abstract class RootTasks {
    final RootDir root;
    final Tasks tasks;

    RootTasks(RootDir root, Tasks tasks) {
        this.root = root;
        this.tasks = tasks;
    }

    /// 409 naming `field` when `p` exists and the request did not ask to overwrite it.
    final void refuseExisting(String field, Path p, boolean overwrite) {
        if (Files.exists(p) && !overwrite) {
            throw new WebError(409, field, "'" + root.relative(p) + "' exists; choose another name or overwrite it");
        }
    }
}
