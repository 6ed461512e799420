using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Experiments;

/// <summary>
/// An XLRM experiment (brief §1): scenarios (exogenous conditions) crossed with policy variants (levers),
/// run through the model under one set of global behavioural parameters (relationships), N replicates
/// each. The first variant is the baseline every other one is compared with.
/// </summary>
public sealed record Experiment
{
    public string Name { get; init; } = "experiment";
    public string Description { get; init; } = "";
    public required IReadOnlyList<ScenarioConditions> Scenarios { get; init; }
    public required IReadOnlyList<PolicyVariant> Variants { get; init; }
    public BehaviouralParameters Parameters { get; init; } = new();
    public long Replicates { get; init; } = 10_000;

    /// <summary>
    /// Index of the first replicate. Draws are keyed by replicate index, so a run of indices [0, 2N) and two
    /// runs of [0, N) and [N, 2N), on any processes or machines, give the same replicates.
    /// </summary>
    public long FirstReplicate { get; init; }
    public ulong Seed { get; init; } = 1;
    public int Horizon { get; init; } = 60;

    public const int MaxHorizon = 600;
}
