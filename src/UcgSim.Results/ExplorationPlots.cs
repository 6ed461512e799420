using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using UcgSim.Exploration;
using UcgSim.Exploration.ScenarioDiscovery;
using UcgSim.Exploration.Sensitivity;

namespace UcgSim.Results;

/// <summary>
/// PNG figures of an exploratory run's analysis: Sobol' indices with their intervals, Morris's mu* against sigma, the
/// outcome shares of each variant across the design's points, and PRIM's peeling trajectory with the chosen box.
/// </summary>
public static class ExplorationPlots
{
    public const string SobolIndicesFileName = "sobol-indices.png";
    public const string MorrisFileName = "morris.png";
    public const string DistributionsFileName = "outcomes-across-points.png";
    public const string PairedDifferencesFileName = "paired-differences-across-points.png";
    public const string PrimFileName = "prim.png";

    private const int Width = OutcomePlots.Width;

    /// <summary>The quasi-p-value up to which a restriction of a PRIM box is drawn.</summary>
    public const double SignificantQuasiP = 0.05;
    private const int RowHeight = 34;

    /// <summary>Forest plot of first- and total-order indices of <paramref name="indices"/> (in the order given, top down) for one measure.</summary>
    public static string WriteSobolIndices(string folder, string measure, IReadOnlyList<SobolIndex> indices)
    {
        var plot = new Plot();
        double[] rows = [.. indices.Select((_, i) => -(double)i)];
        (string Label, Func<SobolIndex, Estimate> Of, double Offset)[] kinds =
            [("total order (Jansen)", index => index.TotalOrder, 0.15), ("first order (Saltelli 2010)", index => index.FirstOrder, -0.15)];
        for (int k = 0; k < kinds.Length; k++)
        {
            var (label, of, offset) = kinds[k];
            double[] y = [.. rows.Select(row => row + offset)];
            double[] x = [.. indices.Select(index => of(index).Value)];
            // ErrorBar takes the errors to the right (positive) before those to the left; bootstrap intervals are not symmetric.
            plot.Add.Plottable(new ErrorBar(x, y,
                [.. indices.Select(index => of(index).Upper - of(index).Value)], [.. indices.Select(index => of(index).Value - of(index).Lower)],
                new double[y.Length], new double[y.Length]) { Color = OutcomePlots.Palette.GetColor(k), LineWidth = 2 });
            plot.Add.Markers(x, y, k == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare, 10, OutcomePlots.Palette.GetColor(k)).LegendText = label;
        }
        plot.Add.VerticalLine(0, 1.5f, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Left.SetTicks(rows, [.. indices.Select(index => index.Input)]);
        OutcomePlots.Dress(plot, $"Sobol' indices for \"{measure}\", inputs ranked by total-order influence",
            "markers: estimate; whiskers: 95% bootstrap interval", "share of the variance of the outcome share", "");
        return Save(plot, folder, SobolIndicesFileName, Math.Max(OutcomePlots.PanelHeight, 160 + RowHeight * indices.Count));
    }

    /// <summary>Each input's mu* against its sigma for one measure, the ten largest mu* labelled.</summary>
    public static string WriteMorris(string folder, string measure, IReadOnlyList<MorrisEffect> effects)
    {
        var plot = new Plot();
        double[] muStars = effects.Select(e => e.MuStar).ToArray(), sigmas = effects.Select(e => e.Sigma).ToArray();
        // Right-hand (positive) errors first, as ErrorBar takes them.
        plot.Add.Plottable(new ErrorBar(muStars, sigmas,
            [.. effects.Select(e => e.MuStarInterval.Upper - e.MuStar)], [.. effects.Select(e => e.MuStar - e.MuStarInterval.Lower)],
            new double[sigmas.Length], new double[sigmas.Length]) { Color = OutcomePlots.Palette.GetColor(0), LineWidth = 1.5f, LegendText = "mu*'s 95% bootstrap interval" });
        plot.Add.Markers(muStars, sigmas, MarkerShape.FilledCircle, 9, OutcomePlots.Palette.GetColor(0)).LegendText = "input";
        foreach (var effect in effects.OrderByDescending(e => e.MuStar).Take(10))
            plot.Add.Text(effect.Input, effect.MuStar, effect.Sigma).LabelFontSize = 14;
        OutcomePlots.Dress(plot, $"Morris screening for \"{measure}\"",
            "mu*: mean |elementary effect|; sigma: their spread (interactions)", "mu* (change in share per unit step)", "sigma");
        return Save(plot, folder, MorrisFileName, OutcomePlots.PanelHeight);
    }

    /// <summary>For each outcome, each variant's share across the design's points: median, 25-75% and 5-95%.</summary>
    public static string WriteDistributions(string folder, string scenario, IReadOnlyList<(string Outcome, IReadOnlyList<string> Variants, IReadOnlyList<double[]> Shares)> distributions) =>
        WriteSpread(folder, DistributionsFileName, distributions, firstColour: 0,
            $"Outcome shares across the design's points - scenario \"{scenario}\"", OutcomePlots.ShareAxis, zeroLine: false);

    /// <summary>
    /// Forest plot of each variant minus the baseline in each outcome's share, paired by replicate at every point, spread
    /// across the design's points (median, 25-75%, 5-95%); <paramref name="differences"/> holds one series per compared variant.
    /// </summary>
    public static string WritePairedDifferences(string folder, string scenario, string baseline, IReadOnlyList<(string Outcome, IReadOnlyList<string> Variants, IReadOnlyList<double[]> Shares)> differences) =>
        WriteSpread(folder, PairedDifferencesFileName, differences, firstColour: 1,
            $"Difference from the baseline \"{baseline}\" across the design's points - scenario \"{scenario}\"",
            "difference in the share of replicates (percentage points), paired by replicate at each point", zeroLine: true);

    // Outcomes run down the panel, each with one row per series; the series' colours start at firstColour, so that a
    // variant keeps its colour from figure to figure.
    private static string WriteSpread(string folder, string fileName, IReadOnlyList<(string Outcome, IReadOnlyList<string> Variants, IReadOnlyList<double[]> Shares)> rowsOf,
        int firstColour, string headline, string axis, bool zeroLine)
    {
        var plot = new Plot();
        if (zeroLine) plot.Add.VerticalLine(0, 1.5f, Colors.Gray, LinePattern.Dashed).LegendText = "";
        int series = rowsOf[0].Variants.Count;
        for (int v = 0; v < series; v++)
        {
            double[] rows = [.. rowsOf.Select((_, o) => -o + 0.35 - 0.7 * (v + 0.5) / series)];
            var quantiles = rowsOf.Select(d => Quantiles(d.Shares[v])).ToList();
            double[] medians = [.. quantiles.Select(q => 100 * q[2])];
            foreach (var (low, high, width) in new[] { (0, 4, 1.5f), (1, 3, 5f) })
                plot.Add.Plottable(new ErrorBar(medians, rows,
                    [.. quantiles.Select(q => 100 * (q[high] - q[2]))], [.. quantiles.Select(q => 100 * (q[2] - q[low]))],
                    new double[rows.Length], new double[rows.Length])
                {
                    Color = OutcomePlots.Palette.GetColor(firstColour + v),
                    LineWidth = width,
                    LegendText = width > 2 ? rowsOf[0].Variants[v] : "",
                });
            plot.Add.Markers(medians, rows, MarkerShape.FilledCircle, 10, Colors.Black).LegendText = v == 0 ? "median" : "";
        }
        plot.Axes.Left.SetTicks([.. rowsOf.Select((_, o) => -(double)o)], [.. rowsOf.Select(d => d.Outcome)]);
        OutcomePlots.Dress(plot, headline, "thin whisker: 5-95% of points; thick: 25-75%; dot: median", axis, "");
        return Save(plot, folder, fileName, OutcomePlots.PanelHeight);
    }

    /// <summary>
    /// PRIM's trade-off (coverage against density, chosen box marked) beside the chosen box's limits, scaled to each input's
    /// range; <paramref name="limit"/> says an input's value in words (a choice or a yes-or-no by name), as the console does.
    /// </summary>
    public static string WritePrim(string folder, string condition, PrimResult result, IReadOnlyList<string> inputs, Func<int, double, string> limit)
    {
        var figure = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2) };
        figure.AddPlot();
        var tradeOff = figure.GetPlot(0);
        var line = tradeOff.Add.ScatterLine(result.Trajectory.Select(b => 100 * b.Coverage).ToArray(), result.Trajectory.Select(b => 100 * b.Density).ToArray(), OutcomePlots.Palette.GetColor(0));
        line.MarkerSize = 6;
        line.LegendText = "peeling trajectory";
        tradeOff.Add.Markers(new[] { 100 * result.Chosen.Coverage }, new[] { 100 * result.Chosen.Density }, MarkerShape.FilledDiamond, 18, OutcomePlots.Palette.GetColor(3))
            .LegendText = $"chosen box (step {result.Chosen.Step})";
        OutcomePlots.Dress(tradeOff, $"PRIM for {condition}", "each point a box: peeling trades coverage for density",
            "coverage (% of the cases in the box)", "density (% of the box's points that are cases)");

        var box = figure.GetPlot(1);
        var full = result.Trajectory[0].Limits;
        // A restriction PRIM could have drawn by chance (quasi-p above 0.05) would only crowd out those that matter.
        var restrictions = result.Restrictions.Where(r => r.QuasiPValue <= SignificantQuasiP).OrderBy(r => r.QuasiPValue).Take(12).ToList();
        double[] rows = [.. restrictions.Select((_, i) => -(double)i)];
        double Scaled(int input, double value) => full[input].Upper > full[input].Lower ? (value - full[input].Lower) / (full[input].Upper - full[input].Lower) : 0.5;
        double[] middles = [.. restrictions.Select(r => (Scaled(r.Input, r.Limit.Lower) + Scaled(r.Input, r.Limit.Upper)) / 2)];
        double[] halves = [.. restrictions.Select(r => (Scaled(r.Input, r.Limit.Upper) - Scaled(r.Input, r.Limit.Lower)) / 2)];
        box.Add.Plottable(new ErrorBar(middles, rows, halves, halves, new double[rows.Length], new double[rows.Length])
            { Color = OutcomePlots.Palette.GetColor(3), LineWidth = 8 });
        // A yes-or-no or choice kept at one value is a range of no width, so each range also has a mark at its middle.
        box.Add.Markers(middles, rows, MarkerShape.FilledSquare, 12, OutcomePlots.Palette.GetColor(3)).LegendText = "kept range";
        box.Axes.Left.SetTicks(rows, [.. restrictions.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{inputs[r.Input]}\n{limit(r.Input, r.Limit.Lower)} to {limit(r.Input, r.Limit.Upper)} (p {r.QuasiPValue:0.#E+0})"))]);
        box.Axes.SetLimits(0, 1, -Math.Max(1, restrictions.Count) + 0.5, 0.5);
        OutcomePlots.Dress(box, "The chosen box", "restrictions with quasi-p up to 0.05, each scaled to its input's range",
            "position within the input's range over the design", "");
        string path = Path.Combine(folder, PrimFileName);
        figure.SavePng(path, 2 * Width, OutcomePlots.PanelHeight);
        return path;
    }

    private static double[] Quantiles(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return [.. TrajectoryRow.Quantiles.Select(p => SampleQuantile.Of(sorted, p))];
    }

    private static string Save(Plot plot, string folder, string fileName, int height)
    {
        string path = Path.Combine(folder, fileName);
        plot.SavePng(path, Width, height);
        return path;
    }
}
