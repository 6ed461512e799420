using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>
/// <c>trajectories.csv</c>: the numbers behind the time-to-event and band figures, month by month, for researchers
/// who plot in their own tools: one row per scenario, variant, series, statistic and month (<see cref="TrajectoryRow"/>).
/// </summary>
public static class TrajectoriesCsv
{
    public const string Header = "scenario,variant,series_kind,series,statistic,month,value";

    public static void Write(string path, ExperimentSummary summary) => CsvFields.WriteFile(path, writer => Write(writer, summary));

    public static void Write(TextWriter writer, ExperimentSummary summary)
    {
        CsvFields.WriteLine(writer, Header);
        foreach (var row in TrajectoryRow.Of(summary))
            CsvFields.WriteLine(writer, string.Join(',',
                CsvFields.Quote(row.Scenario), CsvFields.Quote(row.Variant), row.SeriesKind, CsvFields.Quote(row.Series), row.Statistic,
                row.Month.ToString(CultureInfo.InvariantCulture), CsvFields.Number(row.Value)));
    }
}
