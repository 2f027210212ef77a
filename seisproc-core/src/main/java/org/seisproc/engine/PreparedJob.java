package org.seisproc.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetShape;
import org.seisproc.dsp.Sampling;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.IndexStatus;

/// A job ready to process ensembles: the input dataset (mapped), the plan (ensembles and their
/// traces, from the shared ensemble index), the validated processor chain and the context its
/// processors see (the time axis and the dataset's OWN header layout, so a dataset imported
/// with `--header-spec` is read at its own bytes everywhere).
///
/// This is the job set-up every runner shares — the local thread pool ([Engine#run]), a Spark
/// task, the web preview, QC and batch QC: job file → dataset → index → shared data → plan.
/// Each runner then asks for one [EnsembleUnit] per worker ([#unit]) and hands it ensembles.
///
/// Immutable and safe to share between threads; [#close] releases what it opened.
public final class PreparedJob implements AutoCloseable {
    private final Dataset input;
    private final boolean ownsInput;
    private final List<Job.Step> steps;
    private final EnsemblePlan plan;
    private final SharedData shared;
    private final ProcessingContext context;
    private final Job job;
    private Setup setup = new Setup(0, 0, null);

    /// Where a job's set-up went.
    ///
    /// @param datasetSeconds opening the input (manifest, mapping)
    /// @param sharedSeconds  loading the shared data (mapping, or building, the ensemble index)
    /// @param indexBefore    the state of the stored index before the set-up (null: not looked at)
    public record Setup(double datasetSeconds, double sharedSeconds, IndexStatus indexBefore) {
    }

    private PreparedJob(Job job, Dataset input, boolean ownsInput, List<Job.Step> steps, EnsemblePlan plan, SharedData shared) {
        this.job = job;
        this.input = input;
        this.ownsInput = ownsInput;
        this.steps = List.copyOf(steps);
        this.plan = plan;
        this.shared = shared;
        this.context = contextOf(input);
        checkChain(this.steps, context, job != null ? job.input() : input.dir());
    }

    /// Sets up `job`: opens its input, maps (or builds and stores) the ensemble index of its key
    /// and in-gather sort, and checks every processor's parameters against the data (problems
    /// reported together, naming `processors[i]`).
    public static PreparedJob prepare(Job job) {
        long t0 = System.nanoTime();
        Dataset input = Dataset.open(job.input());
        try {
            long t1 = System.nanoTime();
            EnsembleKey key = keyOf(job);
            IndexStatus before = EnsembleIndex.status(input, key);
            SharedData shared = SharedData.load(input, List.of(), key);
            try {
                PreparedJob p = new PreparedJob(job, input, true, job.steps(), new IndexPlan(shared.index()), shared);
                p.setup = new Setup((t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, before);
                return p;
            } catch (RuntimeException e) {
                shared.clear();
                throw e;
            }
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /// Sets up `steps` over an open dataset (the caller keeps owning it) by `key`: for previews,
    /// QC and the web application.
    public static PreparedJob of(Dataset input, EnsembleKey key, List<Job.Step> steps) {
        SharedData shared = SharedData.load(input, List.of(), key);
        try {
            return new PreparedJob(null, input, false, steps, new IndexPlan(shared.index()), shared);
        } catch (RuntimeException e) {
            shared.clear();
            throw e;
        }
    }

    /// Sets up `job` over an open dataset and a plan of the caller's (e.g. a subset of the
    /// ensembles); the caller keeps owning both.
    public static PreparedJob of(Job job, Dataset input, EnsemblePlan plan) {
        return new PreparedJob(job, input, false, job.steps(), plan, null);
    }

    /// The ensemble key of `job` (its key fields and in-gather sort).
    public static EnsembleKey keyOf(Job job) {
        if (job.sortBy().size() > 1) {
            throw new Job.InvalidJobException(job.input(), List.of("sortBy takes one field (the in-gather order); the job has "
                    + job.sortBy()));
        }
        return EnsembleKey.parse(String.join(",", job.key()), job.sortBy().isEmpty() ? null : job.sortBy().getFirst());
    }

    /// Where the set-up's time went, and whether the index had to be built.
    public Setup setup() {
        return setup;
    }

    /// The job, or null for a chain prepared without one ([#of(Dataset, EnsembleKey, List)]).
    public Job job() {
        return job;
    }

    public Dataset input() {
        return input;
    }

    public EnsemblePlan plan() {
        return plan;
    }

    public List<Job.Step> steps() {
        return steps;
    }

    public ProcessingContext context() {
        return context;
    }

    /// The shared data loaded for this job (index, mapped store), or null when the caller gave
    /// the plan itself.
    public SharedData shared() {
        return shared;
    }

    /// True when the chain ends in a step that makes one trace per ensemble (stack).
    public boolean reduces() {
        return !steps.isEmpty() && steps.getLast().spec().reducesToOneTrace();
    }

    /// The shape of the chain's output: one trace per ensemble for a reducing chain, otherwise
    /// the input's traces, with the input's samples and interval.
    public DatasetShape outputShape() {
        DatasetShape in = DatasetShape.of(input);
        return reduces() ? in.withTraces(plan.ensembles()) : in;
    }

    /// A new unit for one worker: its own processor instances and gather buffer.
    public EnsembleUnit unit() {
        return new EnsembleUnit(this);
    }

    /// New, initialised instances of the chain's processors (one worker's).
    List<Processor> newChain() {
        List<Processor> chain = new ArrayList<>(steps.size());
        for (Job.Step step : steps) {
            Processor p = step.spec().factory().get();
            p.init(step.parameters(), context);
            chain.add(p);
        }
        return chain;
    }

    /// Releases the shared data, and the input when this object opened it.
    @Override
    public void close() {
        if (shared != null) {
            shared.clear();
        }
        if (ownsInput) {
            input.close();
        }
    }

    private static ProcessingContext contextOf(Dataset input) {
        double dtMicros = input.manifest().sampleIntervalMicros();
        if (!(dtMicros > 0)) {
            throw new DatasetException(input.dir(), "the sample interval is " + dtMicros + " µs (the source's binary and trace"
                    + " headers give none); processing needs one. Re-import with the right interval in the binary header");
        }
        return new ProcessingContext(new Sampling(input.samplesPerTrace(), dtMicros * 1e-6, 0), input.headerLayout());
    }

    /// Initialises one chain so that every parameter problem surfaces before any work.
    private static void checkChain(List<Job.Step> steps, ProcessingContext context, Path where) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Job.Step step = steps.get(i);
            String name = step.spec().name();
            try {
                step.spec().factory().get().init(step.parameters(), context);
            } catch (IllegalArgumentException e) {
                String msg = String.valueOf(e.getMessage());
                if (msg.startsWith(name + ": ")) {
                    msg = msg.substring(name.length() + 2);
                }
                problems.add("processors[" + i + "] (" + name + "): " + msg);
            }
        }
        if (!problems.isEmpty()) {
            throw new Job.InvalidJobException(where, problems);
        }
    }
}
