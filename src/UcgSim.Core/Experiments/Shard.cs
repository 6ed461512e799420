namespace UcgSim.Core.Experiments;

/// <summary>
/// The <see cref="Index"/>-th (from 1) of <see cref="Count"/> near-equal ranges of an experiment's replicates, to run
/// an experiment as several jobs. Replicates are addressed by index, so the shards' results added up are those of one run.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The part of <paramref name="experiment"/> this shard runs: its replicates, the rest unchanged.</summary>
    public Experiment Of(Experiment experiment)
    {
        long start = experiment.Replicates * (Index - 1) / Count;
        long end = experiment.Replicates * Index / Count;
        return experiment with { FirstReplicate = experiment.FirstReplicate + start, Replicates = end - start };
    }

    /// <summary>
    /// Why this shard cannot be run for <paramref name="experiment"/>; null when it can. <paramref name="asked"/> is how
    /// the user asked for the split ('--shard 2/4' by default; 'ucgsim slurm' says '--shards 4').
    /// </summary>
    public string? Problem(Experiment experiment, string? asked = null)
    {
        if (Count < 1 || Index < 1 || Index > Count) return $"--shard must be i/k with 1 <= i <= k (got {Index}/{Count}).";
        if (experiment.Replicates < Count)
            return $"{asked ?? $"--shard {Index}/{Count}"} splits {experiment.Replicates} replicates into {Count} shards, and some would be empty: use at most {experiment.Replicates} shards.";
        return null;
    }

    public override string ToString() => $"{Index}/{Count}";
}
