using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// One month of one series, as both <c>trajectories.csv</c> and <c>trajectories.parquet</c> hold it (long format).
/// Cumulative incidence is the share of all replicates in which the event has happened by that month; quantiles are
/// over the replicates still running that month (a counter-coup ends a replicate), read from fixed-bin histograms, so
/// they are exact to one bin width (see TrajectoryHistogram). A month with no replicate running has NaN.
/// </summary>
public sealed record TrajectoryRow(
    string Scenario, string Variant, string SeriesKind, string Series, string Statistic, int Month, double Value)
{
    public const string IncidenceKind = "cumulative_incidence";
    public const string QuantileKind = "quantile";

    public static readonly IReadOnlyList<double> Quantiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>q05, q25, q50, q75, q95.</summary>
    public static string StatisticName(double quantile) =>
        "q" + (quantile * 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Every series of every scenario and variant: the events' cumulative incidence, then the measures' quantiles.</summary>
    public static IEnumerable<TrajectoryRow> Of(ExperimentSummary summary)
    {
        var experiment = summary.Experiment;
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                string scenario = experiment.Scenarios[s].Name, variant = experiment.Variants[v].Name;
                IEnumerable<TrajectoryRow> Series(string kind, string series, string statistic, double[] values) =>
                    values.Select((value, month) => new TrajectoryRow(scenario, variant, kind, series, statistic, month, value));

                foreach (var kind in SimulationVocabulary.Events)
                    foreach (var row in Series(IncidenceKind, SimulationVocabulary.Describe(kind), "share", summary.CumulativeIncidence(s, v, kind)))
                        yield return row;
                foreach (var measure in SimulationVocabulary.Measures)
                    foreach (double q in Quantiles)
                        foreach (var row in Series(QuantileKind, SimulationVocabulary.Describe(measure), StatisticName(q), summary.QuantilePath(s, v, measure, q)))
                            yield return row;
            }
    }
}
