using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>One month of one measure of one replicate, as <c>replicate-trajectories.csv</c> and <c>.parquet</c> hold it.</summary>
public sealed record ReplicateTrajectoryRow(string Scenario, string Variant, long Replicate, string Measure, int Month, double Value);

/// <summary>
/// <c>replicate-trajectories.csv</c> and <c>replicate-trajectories.parquet</c> (<c>ucgsim run --trajectories N</c>):
/// the monthly path of every measure of the first N replicates of each scenario and variant, in the long format of
/// trajectories.csv with a replicate column. A replicate that a counter-coup ended has rows up to that month only:
/// after it there is no government of the kind the measures describe.
/// </summary>
public static class ReplicateTrajectories
{
    public const string CsvFileName = "replicate-trajectories.csv";
    public const string ParquetFileName = "replicate-trajectories.parquet";
    public const string Header = "scenario,variant,replicate,measure,month,value";

    private static readonly ParquetColumn<ReplicateTrajectoryRow>[] Columns =
    [
        ParquetColumn<ReplicateTrajectoryRow>.Text("scenario", row => row.Scenario),
        ParquetColumn<ReplicateTrajectoryRow>.Text("variant", row => row.Variant),
        ParquetColumn<ReplicateTrajectoryRow>.Whole("replicate", row => row.Replicate),
        ParquetColumn<ReplicateTrajectoryRow>.Text("measure", row => row.Measure),
        ParquetColumn<ReplicateTrajectoryRow>.Whole("month", row => row.Month),
        ParquetColumn<ReplicateTrajectoryRow>.Number("value", row => row.Value),
    ];

    public static IEnumerable<ReplicateTrajectoryRow> Rows(Experiment experiment, long replicates) =>
        from simulated in ReplicateHistories.First(experiment, replicates)
        from measure in SimulationVocabulary.Measures
        let path = simulated.History.Trajectory(measure).ToArray()
        from month in Enumerable.Range(0, simulated.LastMonth + 1)
        select new ReplicateTrajectoryRow(experiment.Scenarios[simulated.ScenarioIndex].Name, experiment.Variants[simulated.VariantIndex].Name,
            simulated.Replicate, SimulationVocabulary.Describe(measure), month, path[month]);

    /// <summary>Writes both files for the first <paramref name="replicates"/> replicates into <paramref name="folder"/>.</summary>
    public static void Write(string folder, Experiment experiment, long replicates, bool parquet)
    {
        CsvFields.WriteFile(Path.Combine(folder, CsvFileName), writer =>
        {
            CsvFields.WriteLine(writer, Header);
            // One simulation feeds both files: each row is written to the CSV file as the Parquet writer takes it, so
            // that the replicates are not run twice.
            var rows = Rows(experiment, replicates).Select(row =>
            {
                CsvFields.WriteLine(writer, string.Join(',',
                    CsvFields.Quote(row.Scenario), CsvFields.Quote(row.Variant), row.Replicate.ToString(CultureInfo.InvariantCulture),
                    CsvFields.Quote(row.Measure), row.Month.ToString(CultureInfo.InvariantCulture), CsvFields.Number(row.Value)));
                return row;
            });
            if (parquet)
                ParquetTable.Write(Path.Combine(folder, ParquetFileName), rows, Columns, ParquetFiles.Metadata(experiment, "replicate trajectories"));
            else
                foreach (var _ in rows) { }
        });
    }
}
