package org.seisproc.spark;

import java.io.Serializable;

/// What every task of one run needs to find its work: the job (as the driver read it), what the
/// driver planned (so an executor that sees another index or output refuses instead of writing
/// elsewhere), and the run's id, which keys the executor's cache ([ExecutorJobs]) — a rerun of
/// the same job is a new run with a new output mapping.
///
/// @param runId        unique per run of a job (the driver makes it)
/// @param job          the job file's path and text
/// @param ensembles    the plan's ensemble count on the driver
/// @param outputTraces the output's trace count on the driver
public record TaskJob(String runId, JobText job, int ensembles, long outputTraces) implements Serializable {
}
