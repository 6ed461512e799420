using UcgSim.Core.Experiments;

namespace UcgSim.Configuration;

/// <summary>An experiment read from its file, with every file that went into it.</summary>
/// <param name="Experiment">The experiment, with every referenced file resolved.</param>
/// <param name="SourcePath">The experiment file, as given to <see cref="ExperimentFile.Load"/>.</param>
/// <param name="FilesRead">The experiment file first, then each file it refers to once, in the order read; for the results manifest.</param>
/// <param name="CaseHistories">The observed history each scenario declares, in the order of the experiment's scenarios.</param>
public sealed record LoadedExperiment(
    Experiment Experiment, string SourcePath, IReadOnlyList<string> FilesRead, IReadOnlyList<CaseHistory> CaseHistories);
