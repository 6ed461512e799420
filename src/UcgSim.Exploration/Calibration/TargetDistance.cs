using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Exploration.Calibration;

/// <summary>
/// How far one validation target of a case is from being met (<see cref="Distance"/>, 0 when met) and its
/// <see cref="Weight"/>; <see cref="Simulated"/> is the share the target judges: the event by the observed month, the
/// outcome, or the base rate.
/// </summary>
public sealed record TargetDistance(string Case, string Target, double Simulated, bool Passed, double Distance, double Weight);

/// <summary>
/// The distance ABC-SMC calibrates on: every target of <c>ucgsim validate</c>, each 0 when the target is met and otherwise
/// its shortfall (how many percentage points the simulated share lies outside what the target accepts) in units of
/// <see cref="Unit"/>, never less than <see cref="SmallestMiss"/> units so that a missed target never counts as met. The
/// total is the weighted root sum of squares. A posterior at tolerance 0 is then the prior weighted by the chance that one
/// simulation at the parameters meets every target: the targets say what histories are plausible, not a point to hit.
/// </summary>
public static class CalibrationTargets
{
    public const double Unit = 0.10;
    public const double SmallestMiss = 0.1;

    public static IReadOnlyList<TargetDistance> Of(IReadOnlyList<CaseVerdict> verdicts, double factWeight, double baseRateWeight) =>
    [
        .. verdicts.SelectMany(verdict => verdict.Facts.Select(judgment => new TargetDistance(
            verdict.Scenario.Name, $"{judgment.Fact.Subject}: {judgment.Fact.Observation}", judgment.Share, judgment.Passed,
            Miss(judgment.Passed, Shortfall(judgment)), factWeight))),
        .. verdicts.SelectMany(verdict => verdict.BaseRates.Select(judgment => new TargetDistance(
            verdict.Scenario.Name, $"{SimulationVocabulary.Describe(judgment.Target.Event)} within {judgment.Target.WithinMonths} months",
            judgment.Simulated, judgment.Passed,
            Miss(judgment.Passed, Math.Max(judgment.AcceptedFrom - judgment.Simulated, judgment.Simulated - judgment.AcceptedTo)), baseRateWeight))),
    ];

    public static double Total(IReadOnlyList<TargetDistance> targets) =>
        Math.Sqrt(targets.Sum(target => target.Weight * target.Distance * target.Distance));

    private static double Miss(bool passed, double shortfall) => passed ? 0 : Math.Max(SmallestMiss, shortfall / Unit);

    // How far the judged share lies outside the span its rule accepts (see each ObservedFact's Rule).
    private static double Shortfall(FactJudgment judgment) => judgment.Fact switch
    {
        // Too late: under 5% by the month. Too early: 95% already by the month before, which the mid-rank percentile
        // gives as 2 x percentile - P(by the month).
        EventAtMonth => Math.Max(EventAtMonth.CentralLow - judgment.Share,
            (judgment.Percentile is { } midRank ? 2 * midRank - judgment.Share : judgment.Share) - EventAtMonth.CentralHigh),
        EventAbsentBy => judgment.Share - (1 - ObservedFact.NotRare),
        EventInMostCasesBy => EventInMostCasesBy.Most - judgment.Share,
        _ => ObservedFact.NotRare - judgment.Share,
    };
}
