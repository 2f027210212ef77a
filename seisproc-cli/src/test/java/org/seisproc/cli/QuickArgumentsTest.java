package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/// `headers` parsed without picocli ([HeadersCommand#quick]) sets every option as picocli does,
/// and leaves to picocli everything it does not parse itself; both paths print the same.
class QuickArgumentsTest {
    @TempDir
    static Path tmp;
    static String dataset;

    @BeforeAll
    static void survey() {
        dataset = CliTest.importedSurvey(tmp, "--shots", "3", "--channels", "12", "--samples", "20");
    }

    /// Every field of the command and of its mixins (not picocli's `spec`), by name.
    private static Map<String, Object> state(Object command) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Class<?> k = command.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(command);
                if (v instanceof ParquetMixin || v instanceof ReadMixin) {
                    state(v).forEach((name, value) -> out.put(f.getName() + "." + name, value));
                } else {
                    out.put(f.getName(), v);
                }
            }
        }
        return out;
    }

    private static HeadersCommand picocliParse(String... args) {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        cl.parseArgs(args);
        return (HeadersCommand) cl.getSubcommands().get("headers").getCommand();
    }

    @Test
    void setsEveryOptionAsPicocliDoes() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"headers", "ds"},
                new String[] {"headers", "ds", "--where", "cdp between 100 and 140"},
                new String[] {"headers", "--where=cdp = 1", "ds", "--fields", "cdp,offset", "--limit", "5", "--csv"},
                new String[] {"headers", "ds", "--json", "--fields=sx"},
                new String[] {"headers", "ds", "--limit=0", "--csv", "--json"},
                new String[] {"headers", "file.sgy", "--fields", "iline,xline", "--where", "x in (1, 2)"});
        for (String[] args : cases) {
            HeadersCommand quick = HeadersCommand.quick(args);
            assertThat(quick).as(String.join(" ", args)).isNotNull();
            Map<String, Object> expected = state(picocliParse(args));
            assertThat(state(quick)).as(String.join(" ", args)).isEqualTo(expected);
            assertThat(expected).containsKeys("file", "where", "limit", "fields", "traces", "parquet.backend", "read.format");
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> cases = List.of(
                new String[] {"headers"}, new String[] {"info", "ds"}, new String[] {"headers", "ds", "--help"},
                new String[] {"headers", "ds", "-h"}, new String[] {"headers", "ds", "--version"},
                new String[] {"headers", "ds", "--traces", "0:3"}, new String[] {"headers", "ds", "--no-cache"},
                new String[] {"headers", "ds", "--parquet-backend", "duckdb"}, new String[] {"headers", "ds", "--su"},
                new String[] {"headers", "ds", "--where"}, new String[] {"headers", "ds", "--limit", "-1"},
                new String[] {"headers", "ds", "--limit", "many"}, new String[] {"headers", "ds", "--fields", "cdp,,offset"},
                new String[] {"headers", "ds", "--fields", "\"cdp,offset\""}, new String[] {"headers", "ds", "other"},
                new String[] {"headers", "ds", "--csv=true"}, new String[] {"headers", "@args.txt"},
                new String[] {"headers", "ds", "--where", "@x"}, new String[] {"headers", "--", "ds"},
                new String[] {"headers", "ds", "--where", "a = 1", "--where", "b = 2"},
                new String[] {"headers", "--where", "cdp = 1"}, new String[] {"headers", "ds", "--nosuch"},
                new String[] {"headers", "ds", "--where", "-1 < cdp"});
        for (String[] args : cases) {
            assertThat(HeadersCommand.quick(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void printsWhatPicocliPrints() {
        String bad = tmp.resolve("no-such.dataset").toString();
        List<String[]> cases = List.of(
                new String[] {"headers", dataset, "--where", "cdp between 10 and 12", "--fields", "cdp,offset,fldr"},
                new String[] {"headers", dataset, "--where", "offset < 0", "--csv", "--limit", "4"},
                new String[] {"headers", dataset, "--json", "--limit", "2"},
                new String[] {"headers", dataset, "--where", "cdp between", "--csv"},
                new String[] {"headers", dataset, "--fields", "nosuchfield"},
                new String[] {"headers", dataset, "--csv", "--json"},
                new String[] {"headers", bad, "--where", "cdp = 1"});
        for (String[] args : cases) {
            assertThat(HeadersCommand.quick(args)).as(String.join(" ", args)).isNotNull();
            StringWriter qOut = new StringWriter();
            StringWriter qErr = new StringWriter();
            int qCode = Main.run(new PrintWriter(qOut, true), new PrintWriter(qErr, true), args);
            StringWriter pOut = new StringWriter();
            StringWriter pErr = new StringWriter();
            int pCode = Main.commandLine(new PrintWriter(pOut, true), new PrintWriter(pErr, true), args).execute(args);
            List<String> what = new ArrayList<>(List.of(String.join(" ", args), "exit " + pCode));
            assertThat(List.of(qCode, qOut.toString(), qErr.toString())).as(what.toString())
                    .isEqualTo(List.of(pCode, pOut.toString(), pErr.toString()));
            assertThat(pOut.toString() + pErr.toString()).as(what.toString()).isNotBlank();
        }
    }
}
