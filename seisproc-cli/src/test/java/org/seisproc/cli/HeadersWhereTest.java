package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `seisproc headers DATASET --where/--traces/--limit` through the header cache (which scans only
/// the filter's columns and reads only the chosen rows) prints what the SEG-Y file's own headers
/// say, and what the Parquet path (`--no-cache`, filter pushed down) prints.
class HeadersWhereTest {
    @TempDir
    static Path tmp;
    static Path sgy;
    static Path dataset;
    /// Every trace's cdp, offset and fldr, read from the SEG-Y file (not from the dataset).
    static List<long[]> fileRows = new ArrayList<>();

    @BeforeAll
    static void fixtures() {
        dataset = Path.of(CliTest.importedSurvey(tmp, "--shots", "6", "--channels", "24", "--samples", "50"));
        sgy = tmp.resolve("s.sgy");
        CliTest.Result all = CliTest.run("headers", sgy.toString(), "--fields", "cdp,offset,fldr", "--csv");
        assertThat(all.code()).isZero();
        for (String line : all.out().strip().split("\n")) {
            if (!line.startsWith("trace")) {
                fileRows.add(Arrays.stream(line.split(",")).skip(1).mapToLong(Long::parseLong).toArray());
            }
        }
        assertThat(fileRows).hasSize(144);
    }

    private static List<String> rows(String... args) {
        CliTest.Result r = CliTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return List.of(r.out().strip().split("\n"));
    }

    private static List<String> expected(java.util.function.Predicate<long[]> keep, int limit) {
        List<String> out = new ArrayList<>(List.of("cdp,offset,fldr"));
        fileRows.stream().filter(keep).limit(limit).forEach(r -> out.add(r[0] + "," + r[1] + "," + r[2]));
        return out;
    }

    @Test
    void whereSelectsTheRowsTheFileHas() {
        record Case(String where, java.util.function.Predicate<long[]> keep) {
        }
        long cdp0 = fileRows.get(40)[0];
        List<Case> cases = List.of(
                new Case("cdp between " + cdp0 + " and " + (cdp0 + 4), r -> r[0] >= cdp0 && r[0] <= cdp0 + 4),
                new Case("offset < 0 or fldr = 3", r -> r[1] < 0 || r[2] == 3),
                new Case("not (cdp > " + cdp0 + ") and offset in (" + fileRows.get(3)[1] + ", " + fileRows.get(30)[1] + ")",
                        r -> r[0] <= cdp0 && (r[1] == fileRows.get(3)[1] || r[1] == fileRows.get(30)[1])),
                new Case("cdp = -12345", r -> false));
        for (Case c : cases) {
            List<String> cached = rows("headers", dataset.toString(), "--fields", "cdp,offset,fldr", "--where", c.where(), "--csv");
            assertThat(cached).as(c.where()).isEqualTo(expected(c.keep(), Integer.MAX_VALUE));
            assertThat(rows("headers", dataset.toString(), "--fields", "cdp,offset,fldr", "--where", c.where(), "--csv", "--no-cache"))
                    .as(c.where() + ", from Parquet").isEqualTo(cached);
            assertThat(rows("headers", dataset.toString(), "--fields", "cdp,offset,fldr", "--where", c.where(), "--csv", "--limit", "3"))
                    .as(c.where() + ", --limit 3").isEqualTo(expected(c.keep(), 3));
        }
    }

    @Test
    void tracesAndLimitPickTheSameRowsAsOnTheFile() {
        for (String[] opts : List.of(new String[] {"--traces", "5:20:3"}, new String[] {"--traces", "100:", "--limit", "4"},
                new String[] {"--traces", "-1"}, new String[] {"--limit", "2"})) {
            List<String> args = new ArrayList<>(List.of("headers", "X", "--fields", "cdp,offset,fldr", "--csv"));
            args.addAll(List.of(opts));
            args.set(1, sgy.toString());
            List<String> onFile = rows(args.toArray(String[]::new));
            args.set(1, dataset.toString());
            assertThat(rows(args.toArray(String[]::new))).as(String.join(" ", opts)).isEqualTo(onFile);
            args.add("--no-cache");
            assertThat(rows(args.toArray(String[]::new))).as(String.join(" ", opts) + " --no-cache").isEqualTo(onFile);
        }
    }
}
