using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// One row of the run summary, as both <c>summary.csv</c> and <c>summary.parquet</c> hold it. A value that does not
/// exist (the median month of an event that never happened) is NaN here, an empty cell in the CSV and a null in Parquet.
/// <see cref="ReferenceVariant"/> is empty except on paired differences.
/// </summary>
public sealed record SummaryRow(
    string Scenario, string Variant, string MeasureKind, string Measure,
    double Estimate, double Lower95, double Upper95, long Count, long Replicates, string ReferenceVariant)
{
    public const string OutcomeShareKind = "outcome_share";
    public const string EventShareKind = "event_share";
    public const string MedianMonthKind = "median_month";
    public const string PairedDifferenceKind = "paired_difference";

    /// <summary>
    /// Every row of a summary, scenario by scenario and variant by variant: outcome shares, event shares, median months,
    /// then the paired differences of the variant from each variant listed before it.
    /// </summary>
    public static IEnumerable<SummaryRow> Of(ExperimentSummary summary)
    {
        var experiment = summary.Experiment;
        for (int s = 0; s < experiment.Scenarios.Count; s++)
        {
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                string scenario = experiment.Scenarios[s].Name, variant = experiment.Variants[v].Name;
                var tally = summary.Tally(s, v);
                SummaryRow Row(string kind, string measure, double estimate, double lower, double upper, long count, string reference = "") =>
                    new(scenario, variant, kind, measure, estimate, lower, upper, count, tally.Replicates, reference);

                foreach (var outcome in SimulationVocabulary.Outcomes)
                {
                    var share = summary.OutcomeShare(s, v, outcome);
                    yield return Row(OutcomeShareKind, SimulationVocabulary.Describe(outcome), share.Estimate, share.Lower, share.Upper, share.Count);
                }
                foreach (var kind in SimulationVocabulary.Events)
                {
                    var share = summary.EventShare(s, v, kind);
                    yield return Row(EventShareKind, SimulationVocabulary.Describe(kind), share.Estimate, share.Lower, share.Upper, share.Count);
                }
                foreach (var kind in SimulationVocabulary.Events)
                {
                    var interval = summary.MedianMonthInterval(s, v, kind);
                    yield return Row(MedianMonthKind, SimulationVocabulary.Describe(kind), summary.MedianMonth(s, v, kind) ?? double.NaN,
                        interval?.Lower ?? double.NaN, interval?.Upper ?? double.NaN, tally.EventCount(kind));
                }
                for (int reference = 0; reference < v; reference++)
                    foreach (var outcome in SimulationVocabulary.Outcomes)
                    {
                        var difference = summary.Difference(s, v, reference, outcome);
                        yield return Row(PairedDifferenceKind, SimulationVocabulary.Describe(outcome),
                            difference.Estimate, difference.Lower, difference.Upper, difference.Pairs, experiment.Variants[reference].Name);
                    }
            }
        }
    }
}
