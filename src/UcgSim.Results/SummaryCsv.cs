using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// <c>summary.csv</c>: one row per scenario, variant and measure, in the invariant culture. Shares and
/// differences are fractions (0.25, not 25%); an empty cell is a value that does not exist, such as the
/// median month of an event that never happened. Median months have a distribution-free 95% interval (order
/// statistics, see <see cref="MedianInterval"/>). Paired differences compare every pair of variants over the
/// same replicates: the row's variant minus its <c>reference_variant</c> (always one listed earlier, so the
/// baseline is the reference of the first ones; the reverse difference is the negation).
/// </summary>
public static class SummaryCsv
{
    public const string Header = "scenario,variant,measure_kind,measure,estimate,lower_95,upper_95,count,replicates,reference_variant";

    public const string OutcomeShareKind = "outcome_share";
    public const string EventShareKind = "event_share";
    public const string MedianMonthKind = "median_month";
    public const string PairedDifferenceKind = "paired_difference";

    /// <summary>Writes the summary of every scenario and variant to a new file at <paramref name="path"/>.</summary>
    public static void Write(string path, ExperimentSummary summary) => CsvFields.WriteFile(path, writer => Write(writer, summary));

    public static void Write(TextWriter writer, ExperimentSummary summary)
    {
        var experiment = summary.Experiment;
        CsvFields.WriteLine(writer, Header);
        for (int s = 0; s < experiment.Scenarios.Count; s++)
        {
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                var row = new RowStart(writer, experiment.Scenarios[s].Name, experiment.Variants[v].Name);
                long replicates = summary.Tally(s, v).Replicates;
                foreach (var outcome in SimulationVocabulary.Outcomes)
                {
                    var share = summary.OutcomeShare(s, v, outcome);
                    row.Write(OutcomeShareKind, SimulationVocabulary.Describe(outcome),
                        share.Estimate, share.Lower, share.Upper, share.Count, replicates);
                }
                foreach (var kind in SimulationVocabulary.Events)
                {
                    var share = summary.EventShare(s, v, kind);
                    row.Write(EventShareKind, SimulationVocabulary.Describe(kind),
                        share.Estimate, share.Lower, share.Upper, share.Count, replicates);
                }
                foreach (var kind in SimulationVocabulary.Events)
                {
                    double median = summary.MedianMonth(s, v, kind) ?? double.NaN;
                    var interval = summary.MedianMonthInterval(s, v, kind);
                    row.Write(MedianMonthKind, SimulationVocabulary.Describe(kind),
                        median, interval?.Lower ?? double.NaN, interval?.Upper ?? double.NaN, summary.Tally(s, v).EventCount(kind), replicates);
                }
                for (int reference = 0; reference < v; reference++)
                    foreach (var outcome in SimulationVocabulary.Outcomes)
                    {
                        var difference = summary.Difference(s, v, reference, outcome);
                        row.Write(PairedDifferenceKind, SimulationVocabulary.Describe(outcome),
                            difference.Estimate, difference.Lower, difference.Upper, difference.Pairs, replicates,
                            experiment.Variants[reference].Name);
                    }
            }
        }
    }

    private readonly struct RowStart(TextWriter writer, string scenario, string variant)
    {
        private readonly string _prefix = $"{CsvFields.Quote(scenario)},{CsvFields.Quote(variant)},";

        public void Write(
            string kind, string measure, double estimate, double lower, double upper, long count, long replicates, string reference = "")
        {
            writer.Write(_prefix);
            writer.Write(string.Join(',',
                kind, CsvFields.Quote(measure), CsvFields.Number(estimate), CsvFields.Number(lower), CsvFields.Number(upper),
                count.ToString(CultureInfo.InvariantCulture), replicates.ToString(CultureInfo.InvariantCulture), CsvFields.Quote(reference)));
            writer.Write('\n');
        }
    }
}
