using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// <c>trajectories.csv</c>: the numbers behind the time-to-event and band figures, month by month, for
/// researchers who plot in their own tools. Long format: one row per scenario, variant, series, statistic and
/// month. Cumulative incidence is the share of all replicates in which the event has happened by that month;
/// quantiles are over the replicates still running that month (a counter-coup ends a replicate), read from fixed-bin histograms, so they are exact to one bin width (see TrajectoryHistogram).
/// </summary>
public static class TrajectoriesCsv
{
    public const string Header = "scenario,variant,series_kind,series,statistic,month,value";
    public const string IncidenceKind = "cumulative_incidence";
    public const string QuantileKind = "quantile";

    public static readonly IReadOnlyList<double> Quantiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    public static void Write(string path, ExperimentSummary summary) => CsvFields.WriteFile(path, writer => Write(writer, summary));

    public static void Write(TextWriter writer, ExperimentSummary summary)
    {
        var experiment = summary.Experiment;
        CsvFields.WriteLine(writer, Header);
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                string prefix = $"{CsvFields.Quote(experiment.Scenarios[s].Name)},{CsvFields.Quote(experiment.Variants[v].Name)},";
                foreach (var kind in SimulationVocabulary.Events)
                    WriteSeries(writer, prefix + $"{IncidenceKind},{CsvFields.Quote(SimulationVocabulary.Describe(kind))},share,",
                        summary.CumulativeIncidence(s, v, kind));
                foreach (var measure in SimulationVocabulary.Measures)
                    foreach (double q in Quantiles)
                        WriteSeries(writer, prefix + $"{QuantileKind},{CsvFields.Quote(SimulationVocabulary.Describe(measure))},{StatisticName(q)},",
                            summary.QuantilePath(s, v, measure, q));
            }
    }

    /// <summary>q05, q25, q50, q75, q95.</summary>
    public static string StatisticName(double quantile) =>
        "q" + (quantile * 100).ToString("00", CultureInfo.InvariantCulture);

    private static void WriteSeries(TextWriter writer, string rowStart, double[] values)
    {
        for (int month = 0; month < values.Length; month++)
        {
            writer.Write(rowStart);
            writer.Write(month.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(CsvFields.Number(values[month]));
            writer.Write('\n');
        }
    }
}
