using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>A block run through the reference model, one replicate and one variant at a time.</summary>
internal sealed class ReferenceBlockEngine(Experiment experiment, int scenarioIndex) : IBlockEngine
{
    public void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records)
    {
        var scenario = experiment.Scenarios[scenarioIndex];
        records?.Begin(scenarioIndex, firstReplicate, count);
        var histories = new ReplicateHistory[experiment.Variants.Count];
        for (int i = 0; i < count; i++)
        {
            // The replicate index alone keys the draws: every variant and scenario sees the same stream.
            var random = new ReplicateRandom(experiment.Seed, firstReplicate + i);
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                var history = histories[v] = CountryAfterUcg.Simulate(
                    scenario, experiment.Variants[v], experiment.Parameters, random, experiment.Horizon);
                tallies[v].Add(history, histories.AsSpan(0, v));
                records?.Set(records.IndexOf(i, v), history.Outcome, history.EventMonths);
            }
        }
    }
}
