using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>One replicate of one scenario under one variant, as the reference model leaves it.</summary>
public sealed record SimulatedReplicate(int ScenarioIndex, int VariantIndex, long Replicate, ReplicateHistory History)
{
    /// <summary>The months the replicate ran: to the horizon, or to the month a successful counter-coup ended it.</summary>
    public int LastMonth => History.MonthOf(EventKind.CounterCoup) ?? History.Horizon;
}

/// <summary>
/// Whole histories of individual replicates, month by month, for researchers who plot single paths. They come from
/// the reference model, which the kernel reproduces bit for bit (tests/UcgSim.Tests/Kernel), so they are the
/// histories behind a run's records and summaries.
/// </summary>
public static class ReplicateHistories
{
    /// <summary>
    /// The first <paramref name="count"/> replicates of the experiment (from its first replicate on) under every scenario
    /// and variant, scenario by scenario, replicate by replicate, variant by variant, as the records file orders them.
    /// </summary>
    public static IEnumerable<SimulatedReplicate> First(Experiment experiment, long count)
    {
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (long replicate = experiment.FirstReplicate; replicate < experiment.FirstReplicate + count; replicate++)
            {
                var random = new ReplicateRandom(experiment.Seed, replicate);
                for (int v = 0; v < experiment.Variants.Count; v++)
                    yield return new SimulatedReplicate(s, v, replicate, CountryAfterUcg.Simulate(
                        experiment.Scenarios[s], experiment.Variants[v], experiment.Parameters, random, experiment.Horizon));
            }
    }
}
