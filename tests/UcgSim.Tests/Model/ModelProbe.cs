using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// Runs the reference model directly for mechanism tests: many replicates of one setting, or paired
/// replicates of two settings over the same replicate indices (common random numbers), so that a
/// direction can be asserted with a paired 95% interval rather than with a fragile fixed threshold.
/// </summary>
internal sealed class ModelProbe
{
    public const int Horizon = 60;

    public ModelProbe(ScenarioConditions scenario, PolicyVariant? variant = null, BehaviouralParameters? parameters = null)
    {
        Scenario = scenario;
        Variant = variant ?? new PolicyVariant();
        Parameters = parameters ?? new BehaviouralParameters();
    }

    public ScenarioConditions Scenario { get; }
    public PolicyVariant Variant { get; }
    public BehaviouralParameters Parameters { get; }

    /// <summary>The shipped default scenario, configs/scenarios/generic.yaml: a post-2020 military coup.</summary>
    public static ScenarioConditions Generic => GenericScenario.Value;

    private static readonly Lazy<ScenarioConditions> GenericScenario = new(() => Shipped("generic"));

    /// <summary>A scenario shipped in configs/scenarios, by file name without extension.</summary>
    public static ScenarioConditions Shipped(string name) =>
        UcgSim.Configuration.ScenarioFile.Load(Path.Combine(UcgSim.Tests.Validation.RepositoryPaths.Configs, "scenarios", name + ".yaml"));

    public CountryAfterUcg Run(long replicate, ulong seed = 11) =>
        CountryAfterUcg.Run(Scenario, Variant, Parameters, new ReplicateRandom(seed, replicate), Horizon);

    public IEnumerable<CountryAfterUcg> Runs(int replicates)
    {
        for (long i = 0; i < replicates; i++) yield return Run(i);
    }

    public double Share(int replicates, Func<CountryAfterUcg, bool> happened) =>
        Runs(replicates).Count(happened) / (double)replicates;

    public double Mean(int replicates, Func<CountryAfterUcg, double> quantity) =>
        Runs(replicates).Average(quantity);

    public double MeanAt(int replicates, TrajectoryMeasure measure, int month) =>
        Mean(replicates, c => c.History.Trajectory(measure)[month]);

    public static bool By(CountryAfterUcg country, EventKind kind, int month) =>
        country.History.MonthOf(kind) is int m && m <= month;

    /// <summary>
    /// Mean of (treated - this) over paired replicates with its 95% interval. "Treated" differs from this
    /// probe in one scenario condition, lever or parameter; both see the same draws for each replicate index.
    /// </summary>
    public PairedEffect EffectOf(ModelProbe treated, int replicates, Func<CountryAfterUcg, double> quantity)
    {
        double sum = 0, sumOfSquares = 0;
        for (long i = 0; i < replicates; i++)
        {
            double difference = quantity(treated.Run(i)) - quantity(Run(i));
            sum += difference;
            sumOfSquares += difference * difference;
        }
        double mean = sum / replicates;
        double variance = (sumOfSquares - replicates * mean * mean) / (replicates - 1);
        double halfWidth = UcgSim.Core.Experiments.Proportion.Z95 * Math.Sqrt(Math.Max(0, variance) / replicates);
        return new PairedEffect(mean, mean - halfWidth, mean + halfWidth);
    }

    public PairedEffect EffectOf(ModelProbe treated, int replicates, Func<CountryAfterUcg, bool> happened) =>
        EffectOf(treated, replicates, c => happened(c) ? 1.0 : 0.0);

    public ModelProbe With(ScenarioConditions scenario) => new(scenario, Variant, Parameters);
    public ModelProbe With(PolicyVariant variant) => new(Scenario, variant, Parameters);
    public ModelProbe With(BehaviouralParameters parameters) => new(Scenario, Variant, parameters);
}

internal readonly record struct PairedEffect(double Mean, double Lower, double Upper)
{
    public bool ClearlyPositive => Lower > 0;
    public bool ClearlyNegative => Upper < 0;
    public override string ToString() => $"{Mean:F4} [{Lower:F4}, {Upper:F4}]";
}
