using UcgSim.Core.Experiments;

namespace UcgSim.Configuration;

/// <summary>An experiment read from its file, with every file that went into it.</summary>
/// <param name="Experiment">The experiment, with every referenced file resolved.</param>
/// <param name="SourcePath">The experiment file, as given to <see cref="ExperimentFile.Load"/>.</param>
/// <param name="FilesRead">The experiment file first, then each file it refers to once, in the order read; for the results manifest.</param>
/// <param name="CaseHistories">The observed history each scenario declares, in the order of the experiment's scenarios.</param>
public sealed record LoadedExperiment(
    Experiment Experiment, string SourcePath, IReadOnlyList<string> FilesRead, IReadOnlyList<CaseHistory> CaseHistories)
{
    // What each scenario and variant file wrote, in the experiment's order, so that a warning can point at the line.
    internal IReadOnlyList<WrittenSettings> ScenariosWritten { get; init; } = [];
    internal IReadOnlyList<WrittenSettings> VariantsWritten { get; init; } = [];

    /// <summary>The file's <c>uncertainties:</c> and <c>design:</c> sections; null when it has neither.</summary>
    public ExplorationPlan? Exploration { get; init; }

    /// <summary>The levers that cannot act in a scenario they are run with, over every scenario and variant, as <c>ucgsim run</c> pairs them.</summary>
    public IReadOnlyList<ConfigurationWarning> Warnings() =>
        WarningsFor(Enumerable.Range(0, Experiment.Scenarios.Count)
            .SelectMany(scenario => Enumerable.Range(0, Experiment.Variants.Count).Select(variant => (scenario, variant))));

    /// <summary>
    /// The levers that cannot act in a scenario they are run with, for each (scenario index, variant index) pair run:
    /// not mistakes, since a variant may be meant for other scenarios of the experiment, but worth saying before a run.
    /// </summary>
    public IReadOnlyList<ConfigurationWarning> WarningsFor(IEnumerable<(int Scenario, int Variant)> pairs) =>
        pairs.SelectMany(pair => InertSettings.InScenario(
                Experiment.Scenarios[pair.Scenario], ScenariosWritten[pair.Scenario],
                Experiment.Variants[pair.Variant], VariantsWritten[pair.Variant]))
            .ToList();
}
