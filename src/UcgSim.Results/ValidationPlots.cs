using ScottPlot;
using ScottPlot.Plottables;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// One PNG per validated case: the cumulative incidence curve of every event a target names, over all
/// replicates, with what was observed marked on it, so that a reader sees how far inside or outside the
/// simulated bulk each observation lies.
/// </summary>
public static class ValidationPlots
{
    private const float MarkerSize = 14;
    private const double BaseRateSpacing = 0.8;

    /// <summary>Writes the figure of each case that has a dated target; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<CaseVerdict> verdicts, string folder) =>
        verdicts.Where(verdict => EventsOf(verdict).Count > 0).Select(verdict => WriteCase(verdict, folder)).ToList();

    private static string WriteCase(CaseVerdict verdict, string folder)
    {
        var plot = new Plot();
        var events = EventsOf(verdict);
        for (int e = 0; e < events.Count; e++)
        {
            var colour = OutcomePlots.Palette.GetColor(e);
            var curve = OutcomePlots.AddIncidenceCurve(plot, new EventTiming(verdict.Tally, events[e]).ShareByMonth(), colour);
            curve.LegendText = SimulationVocabulary.Describe(events[e]);
            foreach (var judgment in verdict.Facts.Where(j => j.Fact is ObservedEvent dated && dated.Event == events[e]))
                MarkObservation(plot, (ObservedEvent)judgment.Fact, judgment, colour);
            // Events compared at the same windows are set a little apart so that their bars do not hide each other.
            double offset = BaseRateSpacing * (e - (events.Count - 1) / 2.0);
            foreach (var rate in verdict.BaseRates.Where(r => r.Target.Event == events[e]))
                MarkBaseRate(plot, rate, rate.Target.WithinMonths + offset, colour);
        }
        OutcomePlots.Dress(plot, $"Case \"{verdict.Scenario.Name}\" under \"{verdict.Variant.Name}\"", Explanation(verdict),
            OutcomePlots.MonthsAxis, OutcomePlots.ShareAxis);
        // Up to four lines of title at the shared size would squeeze the panel.
        plot.Axes.Title.Label.FontSize = 15;
        // A little room past the horizon for the markers and bars drawn at it.
        plot.Axes.SetLimits(0, verdict.Tally.Horizon + 2, 0, 100);
        string path = Path.Combine(folder, $"validation-{ResultsFolder.FileNameFor(verdict.Scenario.Name)}.png");
        plot.SavePng(path, OutcomePlots.Width, OutcomePlots.PanelHeight);
        return path;
    }

    // How to read the figure, naming only the kinds of mark it holds.
    private static string Explanation(CaseVerdict verdict)
    {
        var facts = verdict.Facts.Select(judgment => judgment.Fact).ToList();
        var marks = new[]
            {
                (Shown: facts.OfType<EventAtMonth>().Any(), Text: "circle: happened that month"),
                (Shown: facts.OfType<EventAbsentBy>().Any(), Text: "triangle: not by then"),
                (Shown: facts.OfType<EventInMostCasesBy>().Any(), Text: "diamond: by then in most cases"),
            }
            .Where(mark => mark.Shown).Select(mark => mark.Text).ToList();
        var lines = new List<string> { "steps: share of all replicates in which the event has happened" + (marks.Count > 0 ? "; dotted: observed months" : "") };
        if (marks.Count > 0) lines.Add(string.Join("; ", marks));
        if (verdict.BaseRates.Count > 0) lines.Add("bars: coup datasets' rate with its 95% interval; square: the model's share at that window");
        lines.Add("filled marker: target met; open marker: missed");
        return string.Join("\n", lines);
    }

    private static void MarkObservation(Plot plot, ObservedEvent fact, FactJudgment judgment, Color colour)
    {
        plot.Add.VerticalLine(fact.Month, 1.5f, colour, LinePattern.Dotted);
        var (filled, open) = fact switch
        {
            EventAtMonth => (MarkerShape.FilledCircle, MarkerShape.OpenCircle),
            EventAbsentBy => (MarkerShape.FilledTriangleDown, MarkerShape.OpenTriangleDown),
            _ => (MarkerShape.FilledDiamond, MarkerShape.OpenDiamond),
        };
        plot.Add.Marker(fact.Month, 100 * judgment.Share, judgment.Passed ? filled : open, MarkerSize, colour);
    }

    private static void MarkBaseRate(Plot plot, BaseRateJudgment rate, double x, Color colour)
    {
        var observed = rate.Target.Observed;
        plot.Add.Plottable(new ErrorBar(
            [x], [100 * observed.Estimate], [0], [0],
            [100 * (observed.Upper - observed.Estimate)], [100 * (observed.Estimate - observed.Lower)])
        {
            Color = colour,
            LineWidth = 2,
        });
        plot.Add.Marker(x, 100 * observed.Estimate, MarkerShape.HorizontalBar, MarkerSize, colour);
        plot.Add.Marker(x, 100 * rate.Simulated, rate.Passed ? MarkerShape.FilledSquare : MarkerShape.OpenSquare, MarkerSize, colour);
    }

    // Every event named by a dated target or a base rate, once, in the order first named.
    private static List<EventKind> EventsOf(CaseVerdict verdict) =>
        verdict.Facts.Select(judgment => judgment.Fact).OfType<ObservedEvent>().Select(fact => fact.Event)
            .Concat(verdict.BaseRates.Select(rate => rate.Target.Event))
            .Distinct().ToList();
}
