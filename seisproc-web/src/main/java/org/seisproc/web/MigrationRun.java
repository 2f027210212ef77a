package org.seisproc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.seisproc.migration.MigrationControl;
import org.seisproc.migration.MigrationListener;
import org.seisproc.migration.MigrationProgress;
import org.seisproc.migration.OffsetClasses;
import org.seisproc.migration.PreparedMigration;
import org.seisproc.migration.TileImage;

/// One migration the monitor watches: the core's listener (progress into the [Task], tiles into
/// the [LiveImage], log lines into the task's log) and its [MigrationControl] (pause, continue,
/// cancel). Its [#state] travels in the task's snapshot, so the jobs' server-sent events carry
/// it: tiles, traces/s, contributions/s, ETA, per-offset-class progress, paused, the image.
final class MigrationRun implements MigrationListener {
    private final String jobFile;
    private final MigrationControl control = new MigrationControl();
    private final MigrationRun before;
    private volatile Task task;
    private volatile MigrationProgress last;
    private volatile LiveImage image;
    private volatile OffsetClasses classes;

    /// `before`: the run this one resumes (its image so far is carried over), or null.
    MigrationRun(String jobFile, MigrationRun before) {
        this.jobFile = jobFile;
        this.before = before;
    }

    void attach(Task t) {
        this.task = t;
    }

    String jobFile() {
        return jobFile;
    }

    MigrationControl control() {
        return control;
    }

    /// Pauses between tiles (the tile being migrated finishes).
    void pause() {
        if (!control.paused()) {
            control.pause();
            task.log("pause requested: the run stops after the tiles being migrated");
        }
    }

    /// Continues a paused run.
    void unpause() {
        if (control.paused()) {
            control.resume();
            task.log("continued");
        }
    }

    /// The image so far (null before the run has started).
    LiveImage image() {
        return image;
    }

    /// Called once the job is prepared, before [org.seisproc.migration.Migration#run].
    void start(PreparedMigration pm) {
        classes = pm.job().parameters().offsetClasses();
        LiveImage earlier = before == null ? null : before.image;
        image = earlier != null && earlier.grid().equals(pm.grid()) ? earlier : new LiveImage(pm.grid());
    }

    @Override
    public void progress(MigrationProgress p) {
        last = p;
        Task t = task;
        t.total = p.tilesTotal();
        t.done.accumulateAndGet(p.tilesDone(), Math::max); // workers report out of order
    }

    @Override
    public void tileDone(TileImage tile) {
        LiveImage i = image;
        if (i != null) {
            i.paint(tile);
        }
    }

    @Override
    public void log(String line) {
        task.log(line);
    }

    /// What the monitor shows (JSON inside the task's snapshot).
    @JsonValue
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        MigrationProgress p = last;
        m.put("paused", control.paused());
        m.put("cancelled", control.cancelled());
        if (p != null) {
            m.put("tilesDone", p.tilesDone());
            m.put("tilesTotal", p.tilesTotal());
            m.put("tracesRead", p.tracesRead());
            m.put("contributions", p.contributions());
            m.put("tracesPerSecond", p.tracesPerSecond());
            m.put("contributionsPerSecond", p.contributionsPerSecond());
            m.put("etaSeconds", Double.isFinite(p.etaSeconds()) ? p.etaSeconds() : null);
            List<Map<String, Object>> cs = new ArrayList<>();
            OffsetClasses oc = classes;
            for (int c = 0; c < p.classTracesRead().length; c++) {
                Map<String, Object> x = new LinkedHashMap<>();
                if (oc != null) {
                    double[] e = oc.edgesMeters();
                    x.put("fromMeters", e[c]);
                    x.put("toMeters", Double.isInfinite(e[c + 1]) ? null : e[c + 1]);
                }
                long read = p.classTracesRead()[c];
                long expected = p.classTracesExpected()[c];
                x.put("tracesRead", read);
                x.put("tracesExpected", expected);
                x.put("percent", expected > 0 ? Math.min(100.0, 100.0 * read / expected) : p.tilesDone() == p.tilesTotal() ? 100.0 : 0.0);
                cs.add(x);
            }
            m.put("classes", cs);
        }
        LiveImage i = image;
        if (i != null) {
            m.put("grid", MigrationService.grid(i.grid()));
            m.put("imageVersion", i.version());
            m.put("imageWhole", i.whole());
        }
        return m;
    }
}
