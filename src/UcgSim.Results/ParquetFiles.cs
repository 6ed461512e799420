using System.Globalization;
using System.Text.RegularExpressions;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// The Parquet copies of a run's tables, for pandas, polars, R (arrow) and DuckDB: <c>summary.parquet</c> and
/// <c>trajectories.parquet</c> hold the rows of the CSV files with the same column names, typed (numbers as doubles,
/// counts as 64-bit integers, empty cells as nulls); <c>replicates.parquet</c> holds one row per replicate and variant:
/// scenario, variant, replicate, outcome, and the month of each event (null where it did not happen), named
/// <c>&lt;event&gt;_month</c> in the words of summary.csv.
/// </summary>
public static class ParquetFiles
{
    public const string SummaryFileName = "summary.parquet";
    public const string TrajectoriesFileName = "trajectories.parquet";
    public const string RecordsFileName = "replicates.parquet";

    private static readonly ParquetColumn<SummaryRow>[] SummaryColumns =
    [
        ParquetColumn<SummaryRow>.Text("scenario", row => row.Scenario),
        ParquetColumn<SummaryRow>.Text("variant", row => row.Variant),
        ParquetColumn<SummaryRow>.Text("measure_kind", row => row.MeasureKind),
        ParquetColumn<SummaryRow>.Text("measure", row => row.Measure),
        ParquetColumn<SummaryRow>.Number("estimate", row => row.Estimate),
        ParquetColumn<SummaryRow>.Number("lower_95", row => row.Lower95),
        ParquetColumn<SummaryRow>.Number("upper_95", row => row.Upper95),
        ParquetColumn<SummaryRow>.Whole("count", row => row.Count),
        ParquetColumn<SummaryRow>.Whole("replicates", row => row.Replicates),
        ParquetColumn<SummaryRow>.Text("reference_variant", row => row.ReferenceVariant, emptyIsNull: true),
    ];

    private static readonly ParquetColumn<TrajectoryRow>[] TrajectoryColumns =
    [
        ParquetColumn<TrajectoryRow>.Text("scenario", row => row.Scenario),
        ParquetColumn<TrajectoryRow>.Text("variant", row => row.Variant),
        ParquetColumn<TrajectoryRow>.Text("series_kind", row => row.SeriesKind),
        ParquetColumn<TrajectoryRow>.Text("series", row => row.Series),
        ParquetColumn<TrajectoryRow>.Text("statistic", row => row.Statistic),
        ParquetColumn<TrajectoryRow>.Whole("month", row => row.Month),
        ParquetColumn<TrajectoryRow>.Number("value", row => row.Value),
    ];

    /// <summary>The column holding an event's month in <c>replicates.parquet</c>: "coup attempt" gives <c>coup_attempt_month</c>.</summary>
    public static string MonthColumn(EventKind kind) => ColumnName(SimulationVocabulary.Describe(kind)) + "_month";

    public static void WriteSummary(string folder, ExperimentSummary summary) =>
        ParquetTable.Write(Path.Combine(folder, SummaryFileName), SummaryRow.Of(summary), SummaryColumns, Metadata(summary.Experiment, "summary"));

    public static void WriteTrajectories(string folder, ExperimentSummary summary) =>
        ParquetTable.Write(Path.Combine(folder, TrajectoriesFileName), TrajectoryRow.Of(summary), TrajectoryColumns, Metadata(summary.Experiment, "trajectories"));

    /// <summary>Copies the records of <paramref name="recordsPath"/> (replicates.msgpack), read as a stream, into <c>replicates.parquet</c>.</summary>
    public static void WriteRecords(string folder, string recordsPath, Experiment experiment)
    {
        var recorded = ReplicateRecordFile.Read(recordsPath);
        var header = recorded.Header;
        ParquetColumn<ReplicateRecord>[] columns =
        [
            ParquetColumn<ReplicateRecord>.Text("scenario", record => header.ScenarioNames[record.ScenarioIndex]),
            ParquetColumn<ReplicateRecord>.Text("variant", record => header.VariantNames[record.VariantIndex]),
            ParquetColumn<ReplicateRecord>.Whole("replicate", record => record.Replicate),
            ParquetColumn<ReplicateRecord>.Text("outcome", record => SimulationVocabulary.Describe(record.Outcome)),
            .. SimulationVocabulary.Events.Select(kind => ParquetColumn<ReplicateRecord>.Month(MonthColumn(kind),
                record => record.EventMonths[(int)kind] is var month && month == ReplicateRecord.NotObserved ? null : month)),
        ];
        ParquetTable.Write(Path.Combine(folder, RecordsFileName), recorded.Records, columns, Metadata(experiment, "replicate records"));
    }

    internal static Dictionary<string, string> Metadata(Experiment experiment, string content) => new()
    {
        ["ucgsim.content"] = content,
        ["ucgsim.experiment"] = experiment.Name,
        ["ucgsim.seed"] = experiment.Seed.ToString(CultureInfo.InvariantCulture),
        ["ucgsim.horizon_months"] = experiment.Horizon.ToString(CultureInfo.InvariantCulture),
        ["ucgsim.first_replicate"] = experiment.FirstReplicate.ToString(CultureInfo.InvariantCulture),
        ["ucgsim.replicates"] = experiment.Replicates.ToString(CultureInfo.InvariantCulture),
    };

    // Lower case, with every run of other characters one underscore: "US targeted sanctions" gives us_targeted_sanctions.
    private static string ColumnName(string words) => Regex.Replace(words.ToLowerInvariant(), "[^a-z0-9]+", "_").Trim('_');
}
