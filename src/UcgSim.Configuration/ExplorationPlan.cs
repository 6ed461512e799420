using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Scenarios;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Configuration;

/// <summary>Whether an uncertain input is a behavioural parameter (the same in every scenario) or a scenario condition (set in each).</summary>
public enum UncertainInputKind
{
    BehaviouralParameter,
    ScenarioCondition,
}

/// <summary>One uncertain setting of an experiment file: its key, what it belongs to and its distribution.</summary>
public sealed record UncertainSetting(UncertainInput Input, UncertainInputKind Kind)
{
    internal Setting Setting { get; init; } = null!;

    /// <summary>The value the model receives for a design value: a whole number rounded, a yes-or-no or a choice from its index.</summary>
    public object ModelValue(double value) => Setting.Kind switch
    {
        SettingKind.WholeNumber => Convert.ChangeType(Math.Round(value, MidpointRounding.AwayFromZero), Setting.ValueType, CultureInfo.InvariantCulture),
        SettingKind.TrueOrFalse => value != 0,
        SettingKind.Choice => Enum.ToObject(Setting.ValueType, (int)value),
        _ => value,
    };

    /// <summary>A design value in the words of the files (<c>0.35</c>, <c>3</c>, <c>true</c>, <c>africanUnionOnly</c>).</summary>
    public string Spell(double value) => SettingValue.Format(Setting, ModelValue(value));
}

/// <summary>
/// An experiment file's <c>uncertainties:</c> and <c>design:</c> sections: which settings are uncertain, with what
/// distributions, and how the design places its points.
/// </summary>
public sealed record ExplorationPlan(IReadOnlyList<UncertainSetting> Uncertainties, DesignSettings Design)
{
    /// <summary>Rank correlations between uncertain inputs (a Latin hypercube's only); none by default.</summary>
    public IReadOnlyList<InputCorrelation> Correlations { get; init; } = [];

    /// <summary>The uncertain inputs in the file's order, as the design sees them.</summary>
    public IReadOnlyList<UncertainInput> Inputs => [.. Uncertainties.Select(uncertainty => uncertainty.Input)];

    /// <summary>The design for these inputs; its draws are keyed by the design's seed or else the experiment's.</summary>
    public Design CreateDesign(Experiment experiment) => Design.Create(Inputs, experiment.Seed, Correlations);

    /// <summary>
    /// <paramref name="experiment"/> at one design point: each uncertain parameter set to its value, and each uncertain
    /// condition set to its value in every scenario; seed and replicates unchanged, so that every point runs the same
    /// replicate indices with the same draws (common random numbers).
    /// </summary>
    public Experiment At(Experiment experiment, IReadOnlyList<double> values)
    {
        // Fresh copies, so that setting the uncertain values leaves the experiment's own untouched.
        var parameters = experiment.Parameters with { };
        var scenarios = experiment.Scenarios.Select(scenario => scenario with { }).ToList();
        for (int i = 0; i < Uncertainties.Count; i++)
        {
            var uncertainty = Uncertainties[i];
            object value = uncertainty.ModelValue(values[i]);
            if (uncertainty.Kind == UncertainInputKind.BehaviouralParameter)
                uncertainty.Setting.Property.SetValue(parameters, value);
            else
                foreach (var scenario in scenarios) uncertainty.Setting.Property.SetValue(scenario, value);
        }
        return experiment with { Parameters = parameters, Scenarios = scenarios };
    }

    internal static UncertainInputKind KindOf(Setting setting) =>
        setting.Property.DeclaringType == typeof(BehaviouralParameters) ? UncertainInputKind.BehaviouralParameter
        : setting.Property.DeclaringType == typeof(ScenarioConditions) ? UncertainInputKind.ScenarioCondition
        : throw new ArgumentException($"{setting.Key} is neither a behavioural parameter nor a scenario condition.", nameof(setting));
}
