using ScottPlot;
using ScottPlot.Plottables;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// PNG figures of a run, each with one panel per scenario and one colour per variant: outcome shares,
/// time to the key events as cumulative incidence curves, and quantile bands of the monthly measures.
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

        return SavePanels(summary, folder, "outcome-shares",
            "Outcome at the horizon by policy variant", "bars: share of replicates; whiskers: 95% interval",
            "outcome at the horizon", ShareAxis,
            (plot, s) =>
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
        double[] months = Enumerable.Range(0, summary.Experiment.Horizon + 1).Select(m => (double)m).ToArray();
        string explanation = events.Length == 1
            ? "cumulative share of replicates in which it has happened"
            : string.Join("; ", events.Select((kind, i) => $"{PatternName(i)}: {SimulationVocabulary.Describe(kind)}"));

        return SavePanels(summary, folder, fileName, title, explanation, MonthsAxis, ShareAxis,
            (plot, s) =>
            {
                double highest = 0;
                for (int v = 0; v < variants.Count; v++)
                {
                    for (int e = 0; e < events.Length; e++)
                    {
                        double[] shares = summary.CumulativeIncidence(s, v, events[e]);
                        var line = AddIncidenceCurve(plot, shares, Palette.GetColor(v));
                        line.LinePattern = Pattern(e);
                        line.LegendText = events.Length == 1
                            ? variants[v].Name
                            : $"{variants[v].Name}: {SimulationVocabulary.Describe(events[e])}";
                        highest = Math.Max(highest, 100 * shares.Where(double.IsFinite).DefaultIfEmpty(0).Max());
                    }
                }
                // Rare events would be a flat line on a 0-100 scale, so the axis follows the data.
                plot.Axes.SetLimits(0, months[^1], 0, Math.Min(100, Math.Max(5, highest * 1.1)));
            });
    }

    // A cumulative incidence curve in percent, drawn as steps because the share changes only at whole months.
    internal static Scatter AddIncidenceCurve(Plot plot, double[] shares, Color color)
    {
        double[] months = Enumerable.Range(0, shares.Length).Select(m => (double)m).ToArray();
        var line = plot.Add.ScatterLine(months, shares.Select(p => 100 * p).ToArray(), color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2.5f;
        return line;
    }

    private static string WriteBands(ExperimentSummary summary, string folder, TrajectoryMeasure measure)
    {
        var variants = summary.Experiment.Variants;
        double[] months = Enumerable.Range(0, summary.Experiment.Horizon + 1).Select(m => (double)m).ToArray();
        var (minimum, maximum) = TrajectoryHistogram.RangeOf(measure);
        string description = SimulationVocabulary.Describe(measure);
        string yLabel = measure == TrajectoryMeasure.AidLevel ? description : $"{description} (0 to 1)";

        return SavePanels(summary, folder, $"bands-{KebabCase(measure.ToString())}",
            $"{char.ToUpperInvariant(description[0])}{description[1..]} by month",
            "line: median; shading: middle 50% of replicates; dashed: 5th and 95th percentiles",
            MonthsAxis, yLabel,
            (plot, s) =>
            {
                // Every variant's spread first and the medians last, so that no median hides under another band.
                for (int v = 0; v < variants.Count; v++)
                {
                    var colour = Palette.GetColor(v);
                    var band = plot.Add.FillY(months, summary.QuantilePath(s, v, measure, 0.25), summary.QuantilePath(s, v, measure, 0.75));
                    band.FillColor = colour.WithAlpha(0.2);
                    band.LineWidth = 0;
                    foreach (double tail in new[] { 0.05, 0.95 })
                    {
                        var edge = plot.Add.ScatterLine(months, summary.QuantilePath(s, v, measure, tail), colour.WithAlpha(0.7));
                        edge.LineWidth = 1;
                        edge.LinePattern = LinePattern.Dashed;
                    }
                }
                for (int v = 0; v < variants.Count; v++)
                {
                    var median = plot.Add.ScatterLine(months, summary.QuantilePath(s, v, measure, 0.5), Palette.GetColor(v));
                    median.LineWidth = 2.5f;
                    median.LegendText = variants[v].Name;
                }
                plot.Axes.SetLimits(0, months[^1], minimum, maximum);
            });
    }

    // One panel per scenario stacked in rows, then the PNG.
    private static string SavePanels(
        ExperimentSummary summary, string folder, string fileName, string title, string explanation,
        string xLabel, string yLabel, Action<Plot, int> drawScenario)
    {
        var scenarios = summary.Experiment.Scenarios;
        var figure = new Multiplot();
        while (figure.Subplots.Count < scenarios.Count) figure.AddPlot();
        for (int s = 0; s < scenarios.Count; s++)
        {
            var plot = figure.GetPlot(s);
            drawScenario(plot, s);
            Dress(plot, scenarios.Count == 1 ? title : $"{title} - scenario \"{scenarios[s].Name}\"", explanation, xLabel, yLabel);
        }
        string path = System.IO.Path.Combine(folder, fileName + ".png");
        figure.SavePng(path, Width, PanelHeight * scenarios.Count);
        return path;
    }

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

    private static LinePattern Pattern(int index) => index == 0 ? LinePattern.Solid : LinePattern.Dashed;

    private static string PatternName(int index) => index == 0 ? "solid" : "dashed";

    private static string KebabCase(string pascalCase) =>
        string.Concat(pascalCase.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
