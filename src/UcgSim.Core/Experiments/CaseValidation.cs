using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Experiments;

/// <summary>What one case is judged against: its observed history and, for a scenario that stands for a class of coups, the datasets' base rates.</summary>
public sealed record CaseTargets(IReadOnlyList<ObservedFact> Facts, IReadOnlyList<BaseRateTarget> BaseRates);

/// <summary>The judgments on one case, with the tally they were made from (for figures).</summary>
public sealed record CaseVerdict(
    ScenarioConditions Scenario, PolicyVariant Variant, VariantTally Tally,
    IReadOnlyList<FactJudgment> Facts, IReadOnlyList<BaseRateJudgment> BaseRates)
{
    public bool Passed => Facts.All(judgment => judgment.Passed) && BaseRates.All(judgment => judgment.Passed);
}

/// <summary>
/// Judges a model against case histories. A case is a scenario under the policy actually applied, so scenario
/// i of the experiment is paired with variant i (the diagonal); the other cells of the grid are
/// counterfactuals that no history can check, and are not run.
/// </summary>
public static class CaseValidation
{
    /// <summary>Runs each case with the experiment's replicates, seed and horizon and judges it on its targets.</summary>
    /// <param name="experiment">Scenario i is run under variant i only.</param>
    /// <param name="targets">One entry per scenario, in the experiment's order.</param>
    /// <param name="threads">Threads to run each case on.</param>
    /// <param name="progress">Receives the replicates done over all cases together.</param>
    /// <param name="cancellation">Stops the run between blocks of replicates.</param>
    public static IReadOnlyList<CaseVerdict> Run(
        Experiment experiment, IReadOnlyList<CaseTargets> targets, int threads,
        IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (experiment.Variants.Count != experiment.Scenarios.Count || targets.Count != experiment.Scenarios.Count)
            throw new ArgumentException(
                $"Cases pair scenario i with variant i: {experiment.Scenarios.Count} scenarios need as many variants (got {experiment.Variants.Count}) and target lists (got {targets.Count}).",
                nameof(targets));
        var verdicts = new List<CaseVerdict>(targets.Count);
        for (int i = 0; i < targets.Count; i++)
        {
            // The replicate index alone keys the draws, so a case run on its own equals its diagonal cell in the full grid.
            var single = experiment with { Scenarios = [experiment.Scenarios[i]], Variants = [experiment.Variants[i]] };
            var caseProgress = progress is null ? null : new ShareOfWhole(progress, i * experiment.Replicates, targets.Count * experiment.Replicates);
            var tally = ExperimentRunner.Run(single, threads, null, caseProgress, cancellation).Tally(0, 0);
            verdicts.Add(new CaseVerdict(experiment.Scenarios[i], experiment.Variants[i], tally,
                targets[i].Facts.Select(fact => fact.Judge(tally)).ToList(),
                targets[i].BaseRates.Select(rate => rate.Judge(tally)).ToList()));
        }
        return verdicts;
    }

    // Reports one case's progress as part of the whole validation, so that a single progress line covers every case.
    private sealed class ShareOfWhole(IProgress<RunProgress> whole, long doneBefore, long total) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => whole.Report(new RunProgress(doneBefore + value.ReplicatesDone, total));
    }
}
