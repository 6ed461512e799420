using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// PNG figures of a run, each with one row of panels per scenario and one colour and line pattern per variant:
/// outcome shares, time to the key events as cumulative incidence curves with pointwise intervals, the paired
/// differences from the baseline, and quantile bands of the monthly measures. Panels of a figure share one scale.
/// </summary>
public static class OutcomePlots
{
    internal const int Width = 1200;
    internal const int PanelHeight = 700;

    internal const string MonthsAxis = "months since the unconstitutional change of government";
    internal const string ShareAxis = "share of replicates (%)";

    internal static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    // Transition agreed and civilian rule restored share a figure so that the gap between their curves shows how long
    // agreed transitions take to hand over power.
    private static readonly (string FileName, string Title, EventKind[] Events)[] EventFigures =
    [
        ("time-to-transition", "Time to a transition", [EventKind.TransitionAgreed, EventKind.CivilianRuleRestored]),
        ("time-to-mission-asked-to-leave", "Time until the mission is asked to leave", [EventKind.MissionAskedToLeave]),
        ("time-to-counter-coup", "Time to a counter-coup", [EventKind.CounterCoup]),
        ("time-to-civil-war", "Time to civil war", [EventKind.CivilWar]),
    ];

    /// <summary>Writes every figure into <paramref name="folder"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentSummary summary, string folder)
    {
        var written = new List<string> { WriteOutcomeShares(summary, folder) };
        foreach (var (fileName, title, events) in EventFigures)
            written.Add(WriteTimeToEvent(summary, folder, fileName, title, events));
        // With one variant there is nothing to compare with the baseline.
        if (summary.Experiment.Variants.Count > 1) written.Add(WritePairedDifferences(summary, folder));
        foreach (var measure in SimulationVocabulary.Measures)
            written.Add(WriteBands(summary, folder, measure));
        return written;
    }

    private static string WriteOutcomeShares(ExperimentSummary summary, string folder)
    {
        var variants = summary.Experiment.Variants;
        var outcomes = SimulationVocabulary.Outcomes;
        const double groupWidth = 0.8;
        double barWidth = groupWidth / variants.Count;

        return SavePanels(summary, folder, "outcome-shares", 1,
            (_, _) => "Outcome at the horizon by policy variant", "bars: share of replicates; whiskers: 95% interval",
            "outcome at the horizon", ShareAxis,
            (plot, s, _) =>
            {
                for (int v = 0; v < variants.Count; v++)
                {
                    var shares = outcomes.Select(o => summary.OutcomeShare(s, v, o)).ToArray();
                    double[] positions = outcomes.Select(o => (int)o - groupWidth / 2 + (v + 0.5) * barWidth).ToArray();
                    var bars = plot.Add.Bars(shares.Select((share, i) => new Bar
                    {
                        Position = positions[i],
                        Value = 100 * share.Estimate,
                        Size = barWidth * 0.9,
                        FillColor = Palette.GetColor(v),
                        LineWidth = 0,
                    }).ToArray());
                    bars.LegendText = variants[v].Name;
                    var whiskers = new ErrorBar(
                        positions, shares.Select(p => 100 * p.Estimate).ToArray(),
                        new double[positions.Length], new double[positions.Length],
                        shares.Select(p => 100 * (p.Upper - p.Estimate)).ToArray(),
                        shares.Select(p => 100 * (p.Estimate - p.Lower)).ToArray())
                    {
                        Color = Colors.Black,
                        LineWidth = 1.5f,
                    };
                    plot.Add.Plottable(whiskers);
                }
                // Five outcomes side by side: long names go on two lines so that neighbours do not overprint.
                plot.Axes.Bottom.SetTicks(
                    outcomes.Select(o => (double)(int)o).ToArray(),
                    outcomes.Select(o => WrapInTwo(SimulationVocabulary.Describe(o))).ToArray());
                // The scale ends a little above the tallest whisker of any panel: small shares stay readable, and
                // every scenario's panel shares one scale.
                double tallest = Enumerable.Range(0, summary.Experiment.Scenarios.Count)
                    .Max(scenario => outcomes.Max(o => variants.Select((_, v) => summary.OutcomeShare(scenario, v, o).Upper).Max()));
                plot.Axes.SetLimits(-0.6, outcomes.Length - 0.4, 0, Math.Min(100, 10 * Math.Ceiling(10 * tallest + 0.5)));
            });
    }

    private static string WrapInTwo(string label)
    {
        int middle = label.Length / 2;
        int before = label.LastIndexOf(' ', middle), after = label.IndexOf(' ', middle);
        int split = before < 0 ? after : after < 0 || middle - before <= after - middle ? before : after;
        return label.Length <= 14 || split < 0 ? label : label[..split] + "\n" + label[(split + 1)..];
    }

    private static string WriteTimeToEvent(
        ExperimentSummary summary, string folder, string fileName, string title, EventKind[] events)
    {
        var variants = summary.Experiment.Variants;
        int scenarios = summary.Experiment.Scenarios.Count;
        var curves = new Proportion[scenarios, variants.Count, events.Length][];
        for (int s = 0; s < scenarios; s++)
            for (int v = 0; v < variants.Count; v++)
                for (int e = 0; e < events.Length; e++)
                    curves[s, v, e] = summary.CumulativeIncidenceIntervals(s, v, events[e]);
        // Rare events would be a flat line on a 0-100 scale, so the axis follows the data, one scale for every panel so
        // that scenarios and events compare by eye.
        double highest = 100 * curves.Cast<Proportion[]>().SelectMany(c => c).Select(p => p.Upper).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double top = Math.Min(100, Math.Max(5, 5 * Math.Ceiling(highest * 1.05 / 5)));

        // Two events share a figure side by side, never overprinted in one panel, so that each curve has one variant's
        // colour and pattern only.
        return SavePanels(summary, folder, fileName, events.Length,
            (s, e) => events.Length == 1 ? title : $"{title}: {SimulationVocabulary.Describe(events[e])}",
            "line: share of replicates in which it has happened; shading: pointwise 95% interval",
            MonthsAxis, ShareAxis,
            (plot, s, e) =>
            {
                for (int v = 0; v < variants.Count; v++)
                {
                    var curve = curves[s, v, e];
                    var (months, lower) = Steps(curve.Select(p => 100 * p.Lower).ToArray());
                    var band = plot.Add.FillY(months, lower, Steps(curve.Select(p => 100 * p.Upper).ToArray()).Values);
                    band.FillColor = Palette.GetColor(v).WithAlpha(0.2);
                    band.LineWidth = 0;
                }
                // Curves after every band, so that no band covers another variant's curve.
                for (int v = 0; v < variants.Count; v++)
                {
                    var line = AddIncidenceCurve(plot, curves[s, v, e].Select(p => p.Estimate).ToArray(), Palette.GetColor(v));
                    line.LinePattern = VariantPattern(v);
                    line.LegendText = variants[v].Name;
                }
                plot.Axes.SetLimits(0, summary.Experiment.Horizon, 0, top);
            });
    }

    // A cumulative incidence curve in percent, drawn as steps because the share changes only at whole months.
    internal static Scatter AddIncidenceCurve(Plot plot, double[] shares, Color color)
    {
        var line = plot.Add.ScatterLine(Months(shares.Length), shares.Select(p => 100 * p).ToArray(), color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2.5f;
        return line;
    }

    // The corners of a step curve that holds each month's value until the next month, so that a band follows the curve.
    private static (double[] Months, double[] Values) Steps(double[] values)
    {
        var months = new double[2 * values.Length - 1];
        var held = new double[months.Length];
        for (int i = 0; i < months.Length; i++)
        {
            months[i] = (i + 1) / 2;
            held[i] = values[i / 2];
        }
        return (months, held);
    }

    private static string WritePairedDifferences(ExperimentSummary summary, string folder)
    {
        var variants = summary.Experiment.Variants;
        var outcomes = SimulationVocabulary.Outcomes;
        int scenarios = summary.Experiment.Scenarios.Count, compared = variants.Count - 1;
        var differences = new PairedDifference[scenarios, compared, outcomes.Length];
        for (int s = 0; s < scenarios; s++)
            for (int c = 0; c < compared; c++)
                for (int o = 0; o < outcomes.Length; o++)
                    differences[s, c, o] = summary.DifferenceFromBaseline(s, c + 1, outcomes[o]);
        var bounds = differences.Cast<PairedDifference>().SelectMany(d => new[] { d.Lower, d.Upper }).Where(double.IsFinite).Append(0).ToArray();
        // One scale for every panel, always showing zero (no difference) and ending on whole percentage points.
        double left = Math.Floor(100 * bounds.Min()) - 1, right = Math.Ceiling(100 * bounds.Max()) + 1;

        return SavePanels(summary, folder, "paired-differences", 1,
            (_, _) => $"Difference from the baseline \"{variants[0].Name}\" in the outcome at the horizon",
            "point: variant minus baseline over the same replicates; whiskers: 95% interval",
            "difference in the share of replicates (percentage points)", "outcome at the horizon",
            (plot, s, _) =>
            {
                var zero = plot.Add.VerticalLine(0, 1.5f, Colors.Gray, LinePattern.Dashed);
                zero.LegendText = "";
                for (int c = 0; c < compared; c++)
                {
                    // Outcomes run down the panel, each with one row per compared variant.
                    double[] rows = outcomes.Select(o => -(int)o + 0.35 - 0.7 * (c + 0.5) / compared).ToArray();
                    var points = Enumerable.Range(0, outcomes.Length).Select(o => differences[s, c, o]).ToArray();
                    double[] estimates = points.Select(d => 100 * d.Estimate).ToArray();
                    var whiskers = new ErrorBar(
                        estimates, rows,
                        // ScottPlot takes the rightward (upper) errors before the leftward ones.
                        points.Select(d => 100 * (d.Upper - d.Estimate)).ToArray(), points.Select(d => 100 * (d.Estimate - d.Lower)).ToArray(),
                        new double[rows.Length], new double[rows.Length])
                    {
                        Color = Palette.GetColor(c + 1),
                        LineWidth = 2,
                    };
                    plot.Add.Plottable(whiskers);
                    var markers = plot.Add.Markers(estimates, rows, MarkerShapes[c % MarkerShapes.Length], 11, Palette.GetColor(c + 1));
                    markers.LegendText = variants[c + 1].Name;
                }
                plot.Axes.Left.SetTicks(
                    outcomes.Select(o => -(double)(int)o).ToArray(),
                    outcomes.Select(o => WrapInTwo(SimulationVocabulary.Describe(o))).ToArray());
                plot.Axes.SetLimits(left, right, -outcomes.Length + 0.5, 0.5);
            });
    }

    private static string WriteBands(ExperimentSummary summary, string folder, TrajectoryMeasure measure)
    {
        var variants = summary.Experiment.Variants;
        int scenarios = summary.Experiment.Scenarios.Count, horizon = summary.Experiment.Horizon;
        double[] months = Months(horizon + 1);
        double[] probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];
        var paths = new double[scenarios, variants.Count, probabilities.Length][];
        for (int s = 0; s < scenarios; s++)
            for (int v = 0; v < variants.Count; v++)
                for (int q = 0; q < probabilities.Length; q++)
                    paths[s, v, q] = summary.QuantilePath(s, v, measure, probabilities[q]);
        var (lowest, highest) = FittedRange(measure, paths.Cast<double[]>().SelectMany(p => p));
        string description = SimulationVocabulary.Describe(measure);
        string yLabel = measure == TrajectoryMeasure.AidLevel ? description : $"{description} (0 to 1)";

        return SavePanels(summary, folder, $"bands-{KebabCase(measure.ToString())}", 1,
            (_, _) => $"{char.ToUpperInvariant(description[0])}{description[1..]} by month",
            "thick line: median; shading: middle 50%; thin lines: 5th and 95th percentiles\n" +
            "of the replicates still running (a counter-coup ends a replicate)",
            MonthsAxis, yLabel,
            (plot, s, _) =>
            {
                // Every variant's spread first and the medians last, so that no median hides under another band; the
                // 90% range is an outline in the variant's own pattern, so that it tells which variant it belongs to.
                for (int v = 0; v < variants.Count; v++)
                {
                    var colour = Palette.GetColor(v);
                    var band = plot.Add.FillY(months, paths[s, v, 1], paths[s, v, 3]);
                    band.FillColor = colour.WithAlpha(0.15);
                    band.LineWidth = 0;
                    foreach (int tail in new[] { 0, 4 })
                    {
                        var edge = plot.Add.ScatterLine(months, paths[s, v, tail], colour);
                        edge.LineWidth = 1.2f;
                        edge.LinePattern = VariantPattern(v);
                    }
                }
                for (int v = 0; v < variants.Count; v++)
                {
                    var median = plot.Add.ScatterLine(months, paths[s, v, 2], Palette.GetColor(v));
                    median.LineWidth = 3f;
                    median.LinePattern = VariantPattern(v);
                    median.LegendText = string.Create(CultureInfo.InvariantCulture,
                        $"{variants[v].Name}\n{summary.RunningAt(s, v, horizon):N0} of {summary.Tally(s, v).Replicates:N0} running at month {horizon}");
                }
                plot.Axes.SetLimits(0, horizon, lowest, highest);
            });
    }

    // The span the bands of every panel need, outward to a tenth and within what the measure can take: net aid, which
    // can exceed its pre-UCG level, is not drawn up to 1.5 when it never passes 1.
    internal static (double Lowest, double Highest) FittedRange(TrajectoryMeasure measure, IEnumerable<double> values)
    {
        var (minimum, maximum) = TrajectoryHistogram.RangeOf(measure);
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(minimum).ToArray();
        double lowest = Math.Max(minimum, Math.Floor(10 * finite.Min() + 1e-9) / 10);
        double highest = Math.Min(maximum, Math.Ceiling(10 * finite.Max() - 1e-9) / 10);
        return highest - lowest < 0.1 ? (Math.Max(minimum, highest - 0.1), Math.Min(maximum, lowest + 0.1)) : (lowest, highest);
    }

    // Scenarios in rows and as many columns as the figure needs, then the PNG.
    private static string SavePanels(
        ExperimentSummary summary, string folder, string fileName, int columns, Func<int, int, string> title,
        string explanation, string xLabel, string yLabel, Action<Plot, int, int> drawPanel)
    {
        var scenarios = summary.Experiment.Scenarios;
        var figure = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Grid(scenarios.Count, columns) };
        while (figure.Subplots.Count < scenarios.Count * columns) figure.AddPlot();
        for (int s = 0; s < scenarios.Count; s++)
            for (int column = 0; column < columns; column++)
            {
                var plot = figure.GetPlot(s * columns + column);
                drawPanel(plot, s, column);
                string headline = title(s, column);
                Dress(plot, scenarios.Count == 1 ? headline : $"{headline} - scenario \"{scenarios[s].Name}\"", explanation, xLabel, yLabel);
            }
        string path = System.IO.Path.Combine(folder, fileName + ".png");
        figure.SavePng(path, Width * columns, PanelHeight * scenarios.Count);
        return path;
    }

    private static double[] Months(int count) => Enumerable.Range(0, count).Select(m => (double)m).ToArray();

    // The look every figure shares: a two-line title (what is shown, then how to read it), axis labels, readable font
    // sizes and a legend beside the data.
    internal static void Dress(Plot plot, string headline, string explanation, string xLabel, string yLabel)
    {
        plot.Title($"{headline}\n{explanation}", 20);
        plot.XLabel(xLabel, 17);
        plot.YLabel(yLabel, 17);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 15;
    }

    // Colour and pattern both tell variants apart, so that a figure printed in grey or seen by a colour-blind reader
    // still does.
    private static LinePattern VariantPattern(int variant) => Patterns[variant % Patterns.Length];

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] MarkerShapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleUp, MarkerShape.FilledTriangleDown];

    private static string KebabCase(string pascalCase) =>
        string.Concat(pascalCase.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
