package org.seisproc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// `seisproc run JOB --engine spark [--master M]`: runs the job with the Spark runner
/// (`org.seisproc.spark.SparkMain` in `seisproc-spark.jar`) in a child JVM and passes its output
/// and exit code through, so that the CLI's own jar carries no Spark.
///
/// Where things are found:
/// - the runner's jar: `-Dseisproc.spark.jar` or `$SEISPROC_SPARK_JAR`, else `seisproc-spark.jar` beside the CLI's jar, else
///   `seisproc-spark/target/seisproc-spark.jar` of the source tree the CLI was built in or of the
///   current directory;
/// - Spark's jars: the `spark-classpath.txt` the build writes beside the runner's jar, else
///   `$SPARK_HOME/jars`;
/// - the JVM flags Spark needs on Java 25: `spark-jvm-options.txt` beside the runner's jar, else
///   [#DEFAULT_JVM_OPTIONS]; then `$SEISPROC_SPARK_JAVA_OPTS` (e.g. `-Xmx8g`).
final class SparkEngine {
    static final String JAR_ENV = "SEISPROC_SPARK_JAR";
    /// The same as [#JAR_ENV], as a system property (it wins over the variable).
    static final String JAR_PROPERTY = "seisproc.spark.jar";
    static final String MAIN = "org.seisproc.spark.SparkMain";
    /// Extra flags for the child JVM (the driver; in local mode also the executors).
    static final String JAVA_OPTS_ENV = "SEISPROC_SPARK_JAVA_OPTS";
    /// The flags Spark's launcher adds for Java 17+ (`org.apache.spark.launcher.JavaModuleOptions`),
    /// less `sun.security.action`, which Java 25 no longer has.
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true",
            "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

    private SparkEngine() {
    }

    /// Runs the child and returns its exit code; a missing runner is a failure that says what to build.
    static int run(List<String> runnerArgs, PrintWriter out, PrintWriter err) {
        Path jar = findJar();
        if (jar == null) {
            throw new CliFailure("the Spark engine is not built: build it with './mvnw -pl seisproc-spark -am package"
                    + " -DskipTests' (it writes seisproc-spark/target/seisproc-spark.jar), or set " + JAR_ENV
                    + " to a seisproc-spark.jar");
        }
        String classPath = jar + java.io.File.pathSeparator + sparkClassPath(jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(jar));
        String extra = System.getenv(JAVA_OPTS_ENV); // e.g. -Xmx8g, a collector
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.addAll(runnerArgs);
        Process child;
        try {
            child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new CliFailure("cannot start the Spark runner (" + command.getFirst() + "): " + e.getMessage());
        }
        // Ctrl-C reaches the child too (same process group): let it leave its output resumable first
        Thread hook = new Thread(() -> {
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "seisproc-spark-wait");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread o = pump(child.getInputStream(), out);
        Thread e = pump(child.getErrorStream(), err);
        try {
            int code = child.waitFor();
            o.join();
            e.join();
            return code;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Main.FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for the child
            }
        }
    }

    /// The runner's jar, or null.
    static Path findJar() {
        return findJar(System.getProperty(JAR_PROPERTY, System.getenv(JAR_ENV)), cliJar(), Path.of(""));
    }

    /// The runner's jar given the environment variable's value, the CLI's jar and the working
    /// directory, or null.
    static Path findJar(String env, Path cliJar, Path workingDir) {
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isRegularFile(p)) {
                throw new CliFailure(JAR_ENV + " is " + env + ", which is not a file");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        if (cliJar != null && cliJar.getParent() != null) {
            candidates.add(cliJar.getParent().resolve("seisproc-spark.jar"));
            Path tree = cliJar.getParent().getParent(); // seisproc-cli/target/seisproc.jar -> seisproc-cli
            if (tree != null && tree.getParent() != null) {
                candidates.add(tree.getParent().resolve("seisproc-spark/target/seisproc-spark.jar"));
            }
        }
        candidates.add(workingDir.resolve("seisproc-spark/target/seisproc-spark.jar"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private static Path cliJar() {
        try {
            java.security.CodeSource src = SparkEngine.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static String sparkClassPath(Path jar) {
        Path file = jar.resolveSibling("spark-classpath.txt");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        String home = System.getenv("SPARK_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "jars"))) {
            return Path.of(home, "jars") + java.io.File.separator + "*";
        }
        throw new CliFailure("Spark's jars are not found: neither " + file + " (written by './mvnw -pl seisproc-spark -am package"
                + " -DskipTests') nor SPARK_HOME/jars");
    }

    private static List<String> jvmOptions(Path jar) {
        Path file = jar.resolveSibling("spark-jvm-options.txt");
        try {
            if (Files.isRegularFile(file)) {
                List<String> opts = new ArrayList<>();
                for (String s : Files.readString(file, StandardCharsets.UTF_8).split("\\s+")) {
                    if (!s.isEmpty()) {
                        opts.add(s);
                    }
                }
                return opts;
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        return DEFAULT_JVM_OPTIONS;
    }

    private static Thread pump(InputStream in, PrintWriter to) {
        return Thread.ofPlatform().daemon().start(() -> {
            char[] buf = new char[8192];
            try (java.io.Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException ignored) {
                // the child closed its end
            }
        });
    }
}
