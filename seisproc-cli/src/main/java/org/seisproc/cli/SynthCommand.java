package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc synth OUT.sgy [--shots N --channels M | --traces N] [--samples S] [--dt US] [--format 1|5] [--seed K]`.
@Command(name = "synth", header = "Writes a deterministic synthetic prestack land survey (SEG-Y or SU).", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic land prestack survey in shot order (CDPs not contiguous):",
                "reflections with hyperbolic moveout, a point diffractor, ground roll and noise; the model goes to OUT.model.json."})
final class SynthCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "OUT.sgy")
    Path out;

    @Option(names = "--shots", defaultValue = "20", description = "Number of shots (default ${DEFAULT-VALUE}).")
    int shots;

    @Option(names = "--channels", defaultValue = "96", description = "Channels per shot (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--traces", description = "Total traces instead of --shots (rounded up to whole shots).")
    Long traces;

    @Option(names = "--samples", defaultValue = "1000", description = "Samples per trace (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--dt", defaultValue = "2000", paramLabel = "US", description = "Sample interval in microseconds (default ${DEFAULT-VALUE}).")
    int dtMicros;

    @Option(names = "--format", defaultValue = "1", description = "Sample format code: 1 IBM float or 5 IEEE float (any SEG-Y code works; default ${DEFAULT-VALUE}).")
    int format;

    @Option(names = "--byte-order", defaultValue = "big", paramLabel = "big|little", description = "Byte order (default ${DEFAULT-VALUE}).")
    String byteOrder;

    @Option(names = "--seed", defaultValue = "1", description = "Noise seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    int run(PrintWriter w, PrintWriter err) {
        if (channels < 1 || shots < 1 || samples < 1 || dtMicros < 1) {
            throw new UsageException("--shots, --channels, --samples and --dt must be positive");
        }
        if (samples > 65_535) {
            throw new UsageException("--samples is " + samples + ": a SEG-Y trace holds at most 65,535 samples");
        }
        if (dtMicros > 65_535) {
            throw new UsageException("--dt is " + dtMicros + " us: the SEG-Y sample interval field holds at most 65,535 us");
        }
        if (traces != null && traces < 1) {
            throw new UsageException("--traces must be positive");
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads is " + threads + ": use 1 or more");
        }
        long shotCount = traces != null ? Math.max(1, (traces + channels - 1) / channels) : shots;
        if (shotCount * channels > Integer.MAX_VALUE) {
            throw new UsageException(String.format("%,d traces are too many for one synthetic survey (at most %,d)",
                    shotCount * channels, Integer.MAX_VALUE));
        }
        int nShots = (int) shotCount;
        ByteOrder order = ByteOrders.parse(byteOrder);
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("folder " + parent + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new UsageException(out + " is a directory; give the path of the file to write");
        }
        long needed = 3600 + shotCount * channels * (240 + (long) samples * 8);
        try {
            long free = Files.getFileStore(parent).getUsableSpace();
            if (needed / 2 > free) { // (samples take 4 or 8 bytes: check the smaller estimate against the free space)
                throw new CliFailure(String.format("the survey needs about %,.1f MB; %,.1f MB are free in %s", needed / 2e6,
                        free / 1e6, parent));
            }
        } catch (java.io.IOException e) {
            // unknown free space: the write will tell
        }
        SyntheticSurvey survey = new SyntheticSurvey(SurveyGeometry.of(nShots, channels), samples, dtMicros,
                SampleFormat.ofCode(format), seed);
        long total = survey.geometry().traces();
        long bytes = 3600 + total * (240 + (long) samples * survey.format().bytes());
        w.printf("synth: %s: %,d shots x %,d channels = %,d traces x %,d samples (%,.1f MB), format %d%n",
                out, nShots, channels, total, samples, bytes / 1e6, format);
        long t0 = System.nanoTime();
        try (Progress progress = new Progress("synth", total, "traces", w)) {
            survey.write(out, order, Workers.resolve(threads, "--threads", "synth", err), progress::update);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        w.printf("synth: wrote %s in %.2f s (%,.0f MB/s); model in %s.model.json%n", out, s, bytes / 1e6 / s, out);
        return Main.OK;
    }
}
