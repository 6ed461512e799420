using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// The console summary of a run: for each scenario, the outcome shares, when the key events happened and
/// how each variant differs from the baseline. Variants are columns, wrapped onto further blocks when
/// they would not fit in <see cref="MaxWidth"/> characters; only ASCII is added to the names given.
/// </summary>
public static class OutcomeTable
{
    public const int MaxWidth = 120;

    /// <summary>The events whose timing the table reports: all of them, in the order of <see cref="EventKind"/>.</summary>
    public static readonly IReadOnlyList<EventKind> KeyEvents = SimulationVocabulary.Events;

    private const string Indent = "  ";
    private const string Gap = "  ";
    private const int MinColumnWidth = 12;

    // Past this many pairs (five variants or more) a table of every pair would run to pages; summary.csv has them all.
    private const int MaxOtherPairsShown = 6;

    /// <summary>
    /// The pairs of variants that the differences from the baseline leave out: each later variant against each earlier
    /// one but the baseline, in the order summary.csv lists them.
    /// </summary>
    public static IReadOnlyList<(int Variant, int Reference)> PairsBeyondBaseline(int variants) =>
        [.. from variant in Enumerable.Range(2, Math.Max(0, variants - 2)) from reference in Enumerable.Range(1, variant - 1) select (variant, reference)];

    /// <summary>"b - a": the difference a pair's column holds.</summary>
    public static string PairName(IReadOnlyList<string> variants, (int Variant, int Reference) pair) =>
        $"{variants[pair.Variant]} - {variants[pair.Reference]}";

    public static void Write(TextWriter writer, ExperimentSummary summary)
    {
        var experiment = summary.Experiment;
        string[] variants = experiment.Variants.Select(v => v.Name).ToArray();
        string[] outcomes = SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe).ToArray();
        string[] events = KeyEvents.Select(SimulationVocabulary.Describe).ToArray();

        writer.WriteLine(Invariant(
            $"Experiment \"{experiment.Name}\": {experiment.Replicates:N0} replicates per scenario and variant, {experiment.Horizon}-month horizon."));
        writer.WriteLine($"Baseline variant: \"{variants[0]}\"");
        for (int s = 0; s < experiment.Scenarios.Count; s++)
        {
            writer.WriteLine();
            writer.WriteLine(Invariant($"Scenario {s + 1} of {experiment.Scenarios.Count}: \"{experiment.Scenarios[s].Name}\""));

            WriteGrid(writer, "Outcome at the horizon: % of replicates [95% interval]", "outcome", outcomes, variants,
                (row, v) => ShareWithInterval(summary.OutcomeShare(s, v, SimulationVocabulary.Outcomes[row])));

            WriteGrid(writer, "Key events: median month of first occurrence (% of replicates in which it happened)",
                "event", events, variants,
                (row, v) => MedianAndShare(summary.MedianMonth(s, v, KeyEvents[row]), summary.EventShare(s, v, KeyEvents[row])));

            if (variants.Length < 2) continue;
            WriteGrid(writer,
                "Difference from the baseline in percentage points [95% interval, paired by replicate]",
                "outcome", outcomes, variants[1..],
                (row, column) => Difference(summary.DifferenceFromBaseline(s, column + 1, SimulationVocabulary.Outcomes[row])));

            var pairs = PairsBeyondBaseline(variants.Length);
            if (pairs.Count == 0) continue;
            if (pairs.Count > MaxOtherPairsShown)
            {
                writer.WriteLine();
                writer.WriteLine(Invariant(
                    $"{Indent}The differences between the other {pairs.Count} pairs of variants are in summary.csv (measure_kind paired_difference)."));
                continue;
            }
            WriteGrid(writer,
                "Differences between the other variants in percentage points [95% interval, paired by replicate]",
                "outcome", outcomes, [.. pairs.Select(pair => PairName(variants, pair))],
                (row, column) => Difference(summary.Difference(s, pairs[column].Variant, pairs[column].Reference, SimulationVocabulary.Outcomes[row])));
        }
    }

    // One table with a row per label and a column per name; columns that do not fit the width go into a further block
    // below, each block repeating the row labels.
    private static void WriteGrid(TextWriter writer, string title, string rowHeading, IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnNames, Func<int, int, string> cell)
    {
        var cells = new string[rowLabels.Count, columnNames.Count];
        int columnWidth = MinColumnWidth;
        for (int row = 0; row < rowLabels.Count; row++)
            for (int column = 0; column < columnNames.Count; column++)
                columnWidth = Math.Max(columnWidth, (cells[row, column] = cell(row, column)).Length);
        int labelWidth = rowLabels.Append(rowHeading).Max(label => label.Length);
        int perBlock = Math.Max(1, (MaxWidth - Indent.Length - labelWidth) / (Gap.Length + columnWidth));

        writer.WriteLine();
        writer.WriteLine(Indent + title);
        for (int first = 0; first < columnNames.Count; first += perBlock)
        {
            int last = Math.Min(first + perBlock, columnNames.Count);
            if (first > 0) writer.WriteLine();
            var headingLines = ColumnHeadings.Stack(columnNames.Skip(first).Take(last - first), columnWidth);
            for (int line = 0; line < headingLines.Count; line++)
                writer.WriteLine(Line(line == headingLines.Count - 1 ? rowHeading : "", labelWidth, headingLines[line], columnWidth));
            writer.WriteLine(Line(new string('-', labelWidth), labelWidth,
                Enumerable.Repeat(new string('-', columnWidth), last - first), columnWidth));
            for (int row = 0; row < rowLabels.Count; row++)
                writer.WriteLine(Line(rowLabels[row], labelWidth,
                    Enumerable.Range(first, last - first).Select(c => cells[row, c]), columnWidth));
        }
    }

    private static string Line(string label, int labelWidth, IEnumerable<string> cells, int columnWidth) =>
        (Indent + label.PadRight(labelWidth) + string.Concat(cells.Select(c => Gap + c.PadRight(columnWidth)))).TrimEnd();

    private static string ShareWithInterval(Proportion share) =>
        double.IsNaN(share.Estimate)
            ? "n/a"
            : Invariant($"{100 * share.Estimate:0.0}% [{100 * share.Lower:0.0}-{100 * share.Upper:0.0}]");

    private static string MedianAndShare(double? medianMonth, Proportion share) =>
        double.IsNaN(share.Estimate)
            ? "n/a"
            : Invariant($"{(medianMonth is { } month ? month.ToString("0", CultureInfo.InvariantCulture) : "-")} ({100 * share.Estimate:0.0}%)");

    private static string Difference(PairedDifference difference) =>
        double.IsNaN(difference.Estimate)
            ? "n/a"
            : Invariant($"{100 * difference.Estimate:+0.0;-0.0;+0.0} pts [{100 * difference.Lower:0.0}, {100 * difference.Upper:0.0}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
