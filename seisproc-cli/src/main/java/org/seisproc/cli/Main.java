package org.seisproc.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/// The `seisproc` command. Exit codes: 0 ok, 1 failure (bad data, I/O), 2 usage.
@Command(name = "seisproc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Seismic data processing: SEG-Y and Seismic Unix files, datasets, headers, flows.",
        subcommands = {InfoCommand.class, HeadersCommand.class, ChecksumCommand.class, FieldsCommand.class,
                SynthCommand.class, ImportCommand.class, ExportCommand.class, IndexCommand.class, GatherCommand.class,
                SortCommand.class, ProcessorsCommand.class, RunCommand.class, MigrateCommand.class, SchemaCommand.class, DemoCommand.class,
                VerifyCommand.class, ServeCommand.class, QcCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (bad data, I/O error)", "2:usage error (bad option or argument)"})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int OK = ExitCodes.OK;
    public static final int FAILURE = ExitCodes.FAILURE;
    public static final int USAGE = ExitCodes.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /// Runs the command line and returns the exit code (never exits the JVM).
    public static int run(String... args) {
        CliWarnings.install();
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /// Runs the command line writing to `out` and `err` and returns the exit code: a quick
    /// command ([HeadersCommand#quick]) directly, everything else through picocli.
    static int run(PrintWriter out, PrintWriter err, String... args) {
        HeadersCommand quick = HeadersCommand.quick(args);
        if (quick == null) {
            return commandLine(out, err, args).execute(args);
        }
        try {
            return quick.run(out, err);
        } catch (Exception ex) {
            return failed(ex, "headers", err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /// The commands that run on their own: for these, only the named command's model is built
    /// (picocli's reflection over every command and option costs ~0.3 s on a cold JVM, more than
    /// a whole job start-up). `demo` runs other commands and `help` lists them: they get all.
    private static final java.util.Map<String, java.util.function.Supplier<Object>> ALONE = java.util.Map.ofEntries(
            java.util.Map.entry("info", InfoCommand::new), java.util.Map.entry("headers", HeadersCommand::new),
            java.util.Map.entry("checksum", ChecksumCommand::new), java.util.Map.entry("fields", FieldsCommand::new),
            java.util.Map.entry("synth", SynthCommand::new), java.util.Map.entry("import", ImportCommand::new),
            java.util.Map.entry("export", ExportCommand::new), java.util.Map.entry("index", IndexCommand::new),
            java.util.Map.entry("gather", GatherCommand::new), java.util.Map.entry("sort", SortCommand::new),
            java.util.Map.entry("processors", ProcessorsCommand::new), java.util.Map.entry("run", RunCommand::new),
            java.util.Map.entry("schema", SchemaCommand::new), java.util.Map.entry("verify", VerifyCommand::new),
            java.util.Map.entry("serve", ServeCommand::new), java.util.Map.entry("qc", QcCommand::new),
            java.util.Map.entry("migrate", MigrateCommand::new));

    /// A configured command line for `args` writing to `out` and `err`: the whole command tree,
    /// or, when `args` start with a command that runs on its own, the root with just that one.
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl;
        boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (version || args.length > 0 && ALONE.containsKey(args[0])) {
            CommandLine.Model.CommandSpec root = CommandLine.Model.CommandSpec.create().name("seisproc");
            root.mixinStandardHelpOptions(true);
            root.versionProvider(new Version());
            cl = new CommandLine(root);
            if (!version) {   // `seisproc --version` needs no command at all
                cl.addSubcommand(args[0], new CommandLine(ALONE.get(args[0]).get()));
            }
        } else {
            cl = new CommandLine(new Main());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version()); // `seisproc run --version` says the same as `seisproc --version`
            // a command's one-line `header` is its summary in `seisproc --help`; its own help starts with the usage
            java.util.List<String> sections = new java.util.ArrayList<>(sub.getHelpSectionKeys());
            sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(sections);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(Main::execute);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                failed(ex, commandLine.getCommandSpec().qualifiedName(" ").replaceFirst("^seisproc ", ""), commandLine.getErr()));
        return cl;
    }

    /// Reports `ex`, thrown by command `name` (`qc stack`), on `err` and returns the exit code.
    private static int failed(Exception ex, String name, PrintWriter err) {
        Integer code = ExitCodes.report(ex, name, err);
        if (code != null) {
            return code;
        }
        err.println("seisproc " + name + ": internal error: " + ex);
        ex.printStackTrace(err);
        return FAILURE;
    }

    /// `seisproc` alone: the usage, on stderr, and exit 2 (no command was given).
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /// Runs the parsed command — unless the first word is no command at all (`seisproc nosuch
    /// --help` would otherwise print the top-level help and exit 0): then "unknown command", exit 2.
    private static int execute(CommandLine.ParseResult parsed) {
        if (!parsed.hasSubcommand()) {
            for (String arg : parsed.originalArgs()) {
                if (!arg.startsWith("-")) {
                    PrintWriter err = parsed.commandSpec().commandLine().getErr();
                    err.println("seisproc: unknown command '" + arg + "'; 'seisproc --help' lists the commands");
                    return USAGE;
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /// Version from the jar manifest.
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"seisproc " + (v != null ? v : "development build") + " (Java " + Runtime.version() + ")"};
        }
    }
}
