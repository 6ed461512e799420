namespace UcgSim.Core.Experiments;

/// <summary>
/// What a run has committed: the first <see cref="BlocksDone"/> blocks, written in order, and the tallies of exactly
/// those blocks. A run resumed from it gives the same summary and records as one never stopped, because tallies are
/// integer counts and blocks are addressed by replicate index.
/// </summary>
public sealed record RunState(long BlocksDone, ExperimentSummary Summary)
{
    public Experiment Experiment => Summary.Experiment;

    /// <summary>Blocks of <see cref="ExperimentRunner.BlockSize"/> replicates in each scenario; the last may be short.</summary>
    public static long BlocksPerScenario(Experiment experiment) =>
        (experiment.Replicates + ExperimentRunner.BlockSize - 1) / ExperimentRunner.BlockSize;

    public static long TotalBlocks(Experiment experiment) => BlocksPerScenario(experiment) * experiment.Scenarios.Count;

    public bool Complete => BlocksDone == TotalBlocks(Experiment);

    /// <summary>The replicates whose every variant is done, in each scenario: blocks go scenario by scenario.</summary>
    public IReadOnlyList<FinishedReplicates> Finished()
    {
        long perScenario = BlocksPerScenario(Experiment);
        var finished = new List<FinishedReplicates>();
        for (int scenario = 0; scenario < Experiment.Scenarios.Count; scenario++)
        {
            long blocks = Math.Clamp(BlocksDone - scenario * perScenario, 0, perScenario);
            long replicates = Math.Min(blocks * ExperimentRunner.BlockSize, Experiment.Replicates);
            if (replicates > 0) finished.Add(new FinishedReplicates(scenario, Experiment.FirstReplicate, replicates));
        }
        return finished;
    }

    /// <summary>Replicate runs done, counting each variant of a replicate: the progress a resumed run starts from.</summary>
    public long ReplicateRunsDone => Finished().Sum(range => range.Replicates) * Experiment.Variants.Count;
}

/// <summary>Replicates <c>[First, First + Replicates)</c> of a scenario, done under every variant.</summary>
public readonly record struct FinishedReplicates(int Scenario, long First, long Replicates);

/// <summary>Told of each state a run commits, on the thread that writes the records, right after the blocks are written.</summary>
public interface IRunCheckpointSink
{
    /// <summary>
    /// The run has written the blocks before <see cref="RunState.BlocksDone"/>, and <see cref="RunState.Summary"/> holds
    /// their tallies. The summary is the run's own and changes after this returns: save what is needed now.
    /// </summary>
    void Commit(RunState state);
}
