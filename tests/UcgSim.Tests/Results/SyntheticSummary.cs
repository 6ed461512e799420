using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Results;

// Summaries of made-up replicates with every outcome, several events and moving trajectories, so that tables and plots
// can be checked without depending on the model's (placeholder) numbers.
internal static class SyntheticSummary
{
    public static Experiment Experiment(int scenarios, int variants, long replicates = 400, int horizon = 36) => new()
    {
        Name = "synthetic",
        Scenarios = Enumerable.Range(0, scenarios).Select(s => new ScenarioConditions { Name = $"scenario-{s + 1}" }).ToArray(),
        Variants = Enumerable.Range(0, variants).Select(v => new PolicyVariant { Name = v == 0 ? "baseline" : $"variant-{v}" }).ToArray(),
        Replicates = replicates,
        Horizon = horizon,
    };

    public static ExperimentSummary Create(int scenarios, int variants, long replicates = 400, int horizon = 36)
    {
        var experiment = Experiment(scenarios, variants, replicates, horizon);
        var summary = new ExperimentSummary(experiment);
        var random = new Random(7);
        for (int s = 0; s < scenarios; s++)
        {
            for (long r = 0; r < replicates; r++)
            {
                var histories = new ReplicateHistory[variants];
                for (int v = 0; v < variants; v++)
                {
                    histories[v] = MadeUpHistory(random, horizon, shift: 0.1 * v + 0.05 * s);
                    summary.Tally(s, v).Add(histories[v], histories.AsSpan(0, v));
                }
            }
        }
        return summary;
    }

    private static ReplicateHistory MadeUpHistory(Random random, int horizon, double shift)
    {
        var history = new ReplicateHistory(horizon);
        double draw = random.NextDouble();
        history.Outcome = draw < 0.3 + shift ? Outcome.TransitionToCivilianRule
            : draw < 0.7 ? Outcome.Entrenched
            : draw < 0.9 ? Outcome.CounterCoup
            : Outcome.CivilWar;
        if (history.Outcome == Outcome.TransitionToCivilianRule)
        {
            int agreed = random.Next(1, horizon / 2);
            history.Mark(EventKind.TransitionAgreed, agreed);
            history.Mark(EventKind.CivilianRuleRestored, random.Next(agreed, horizon + 1));
        }
        if (history.Outcome == Outcome.CounterCoup) history.Mark(EventKind.CounterCoup, random.Next(1, horizon + 1));
        if (history.Outcome == Outcome.CivilWar) history.Mark(EventKind.CivilWar, random.Next(1, horizon + 1));
        if (random.NextDouble() < 0.25 - shift / 2) history.Mark(EventKind.MissionAskedToLeave, random.Next(3, horizon + 1));
        if (random.NextDouble() < 0.5) history.Mark(EventKind.RegionalSanctionsImposed, random.Next(1, 12));

        double support = 0.3 + 0.4 * random.NextDouble();
        double relationship = 0.5;
        double trend = shift - 0.05 + 0.1 * random.NextDouble();
        foreach (var measure in SimulationVocabulary.Measures)
        {
            var path = history.Trajectory(measure);
            for (int month = 0; month <= horizon; month++)
            {
                double wobble = 0.05 * (random.NextDouble() - 0.5);
                path[month] = measure switch
                {
                    TrajectoryMeasure.PopularSupport => Math.Clamp(support - 0.004 * month + wobble, 0, 1),
                    TrajectoryMeasure.MissionRelationship => Math.Clamp(relationship + trend * month / horizon + wobble, 0, 1),
                    TrajectoryMeasure.AidLevel => Math.Clamp(1 - 0.3 * month / horizon + trend + wobble, 0, 1.5),
                    _ => Math.Clamp(0.2 + 0.01 * month * (1 - shift) + wobble, 0, 1),
                };
            }
        }
        return history;
    }
}
