using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>
/// <c>summary.csv</c>: one row per scenario, variant and measure (<see cref="SummaryRow"/>), in the invariant culture.
/// Shares and differences are fractions (0.25, not 25%); an empty cell is a value that does not exist, such as the
/// median month of an event that never happened. Median months have a distribution-free 95% interval (order
/// statistics, see <see cref="MedianInterval"/>). Paired differences compare every pair of variants over the
/// same replicates: the row's variant minus its <c>reference_variant</c> (always one listed earlier, so the
/// baseline is the reference of the first ones; the reverse difference is the negation).
/// </summary>
public static class SummaryCsv
{
    public const string Header = "scenario,variant,measure_kind,measure,estimate,lower_95,upper_95,count,replicates,reference_variant";

    /// <summary>Writes the summary of every scenario and variant to a new file at <paramref name="path"/>.</summary>
    public static void Write(string path, ExperimentSummary summary) => CsvFields.WriteFile(path, writer => Write(writer, summary));

    public static void Write(TextWriter writer, ExperimentSummary summary)
    {
        CsvFields.WriteLine(writer, Header);
        foreach (var row in SummaryRow.Of(summary))
            CsvFields.WriteLine(writer, string.Join(',',
                CsvFields.Quote(row.Scenario), CsvFields.Quote(row.Variant), row.MeasureKind, CsvFields.Quote(row.Measure),
                CsvFields.Number(row.Estimate), CsvFields.Number(row.Lower95), CsvFields.Number(row.Upper95),
                row.Count.ToString(CultureInfo.InvariantCulture), row.Replicates.ToString(CultureInfo.InvariantCulture),
                CsvFields.Quote(row.ReferenceVariant)));
    }
}
