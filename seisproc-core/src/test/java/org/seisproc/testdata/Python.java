package org.seisproc.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Runs Debian's `/usr/bin/python3` for differential tests against independent implementations
/// (segyio, numpy). Tests that need a module check [#has] and skip cleanly without it.
public final class Python {
    private Python() {
    }

    /// True when `/usr/bin/python3` can import `module`.
    public static boolean has(String module) {
        try {
            return run("import " + module + "\nprint('ok')").strip().equals("ok");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /// Runs `script` with `args` (as `sys.argv[1:]`) and returns what it printed; an
    /// [IOException] with its output when it fails or takes over a minute.
    public static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("python failed: " + out);
        }
        return out;
    }
}
