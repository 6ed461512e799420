using System.Globalization;

namespace UcgSim.Core.Experiments;

/// <summary>
/// The <see cref="Index"/>-th (from 1) of <see cref="Count"/> near-equal ranges of an experiment's replicates, to run
/// an experiment as several jobs. Replicates are addressed by index, so the shards' results added up are those of one run.
/// </summary>
/// <remarks>A design's points are split the same way (<c>ucgsim explore --points i/k</c>, or <c>run --shard</c> on a file with a design).</remarks>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>All of it: one part of one.</summary>
    public static readonly Shard Whole = new(1, 1);

    /// <summary>"i/k" with 1 &lt;= i &lt;= k; null when the text is not that.</summary>
    public static Shard? Parse(string text)
    {
        string[] parts = text.Split('/');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
               && count >= 1 && index >= 1 && index <= count
            ? new Shard(index, count)
            : null;
    }

    /// <summary>The indices [First, End) of this part of <paramref name="count"/> things (replicates or design points).</summary>
    public (long First, long End) Range(long count) =>
        ((long)((Int128)count * (Index - 1) / Count), (long)((Int128)count * Index / Count));

    /// <summary>The part of <paramref name="experiment"/> this shard runs: its replicates, the rest unchanged.</summary>
    public Experiment Of(Experiment experiment)
    {
        var (start, end) = Range(experiment.Replicates);
        return experiment with { FirstReplicate = experiment.FirstReplicate + start, Replicates = end - start };
    }

    /// <summary>Why this part of a design of <paramref name="points"/> points cannot be run (some part would be empty); null when it can.</summary>
    public string? PointsProblem(long points) =>
        Count > points
            ? string.Create(CultureInfo.InvariantCulture,
                $"part {Index} of {Count} of a design of {points:N0} points: some parts would have no point. Split it into at most {points:N0} parts.")
            : null;

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
