using System.Globalization;
using ScottPlot;
using UcgSim.Exploration.Backtest;

namespace UcgSim.Results;

/// <summary>One forecast target of the backtest (a successful coup, or any attempt, within a window) and its forecasts.</summary>
public sealed record BacktestTarget(string Name, IReadOnlyList<Forecast> Model, IReadOnlyList<Forecast> Baseline);

/// <summary>A coup of the backtest as its file names it: where, when, and the earlier successful coups its scenario counts.</summary>
public sealed record BacktestCase(string Country, int Year, int Month, int EarlierCoups);

/// <summary>The scores of one target over one period: the model's and the base-rate baseline's, lower being better.</summary>
public sealed record BacktestScore(
    string Target, string Period, int Coups, int Happened, double ModelBrier, double BaselineBrier, double ModelLog, double BaselineLog);

/// <summary>
/// The backtest's files: <c>backtest.csv</c> (each coup with every target's model and baseline forecasts and whether it
/// happened), <c>backtest-scores.csv</c>, and a reliability diagram per target, model and baseline on the same axes.
/// </summary>
public static class BacktestResults
{
    public const string CasesFileName = "backtest.csv";
    public const string ScoresFileName = "backtest-scores.csv";
    public const string FigureFileName = "reliability.png";
    public const int Bins = 10;

    public static void WriteCases(string folder, IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestTarget> targets) =>
        CsvFields.WriteFile(Path.Combine(folder, CasesFileName), writer =>
        {
            string Column(string name) => name.Replace(' ', '_');
            CsvFields.WriteLine(writer, string.Join(',', ["country", "year", "month", "earlier_coups",
                .. targets.SelectMany(t => new[] { $"model_{Column(t.Name)}", $"baseline_{Column(t.Name)}", $"happened_{Column(t.Name)}" })]));
            for (int i = 0; i < cases.Count; i++)
                CsvFields.WriteLine(writer, CsvFields.Row([cases[i].Country, cases[i].Year, cases[i].Month, cases[i].EarlierCoups,
                    .. targets.SelectMany(t => new object[] { t.Model[i].Probability, t.Baseline[i].Probability, t.Model[i].Happened ? 1 : 0 })]));
        });

    public static void WriteScores(string folder, IReadOnlyList<BacktestScore> scores) =>
        CsvFields.WriteFile(Path.Combine(folder, ScoresFileName), writer =>
        {
            CsvFields.WriteLine(writer, "target,period,coups,happened,model_brier,baseline_brier,model_log_score,baseline_log_score");
            foreach (var s in scores)
                CsvFields.WriteLine(writer, CsvFields.Row(s.Target, s.Period, s.Coups, s.Happened, s.ModelBrier, s.BaselineBrier, s.ModelLog, s.BaselineLog));
        });

    public static string WriteFigure(string folder, IReadOnlyList<BacktestTarget> targets)
    {
        var figure = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Grid(2, (targets.Count + 1) / 2) };
        for (int t = 0; t < targets.Count; t++)
        {
            var plot = t == 0 ? figure.GetPlot(0) : figure.AddPlot();
            var binned = new[] { ForecastScores.Reliability(targets[t].Model, Bins), ForecastScores.Reliability(targets[t].Baseline, Bins) };
            // Coup forecasts stay well below 1: the axes end a tenth above the highest point, so the points are not crowded
            // into a corner of a unit square.
            double top = Math.Min(1, Math.Ceiling(10 * binned.SelectMany(b => b).Max(bin => Math.Max(bin.MeanForecast, bin.ObservedFrequency))) / 10 + 0.1);
            plot.Add.Line(0, 0, top, top).LinePattern = LinePattern.Dashed;
            for (int k = 0; k < binned.Length; k++)
            {
                var bins = binned[k];
                var line = plot.Add.ScatterLine(bins.Select(b => b.MeanForecast).ToArray(), bins.Select(b => b.ObservedFrequency).ToArray(),
                    OutcomePlots.Palette.GetColor(k));
                line.MarkerSize = 9;
                line.LegendText = k == 0 ? "model" : "base-rate baseline";
                foreach (var bin in bins)
                {
                    // The model's counts above their points, the baseline's below, so that two points close together stay readable.
                    var count = plot.Add.Text(bin.Forecasts.ToString(CultureInfo.InvariantCulture), bin.MeanForecast, bin.ObservedFrequency);
                    count.LabelFontSize = 13;
                    count.LabelFontColor = OutcomePlots.Palette.GetColor(k);
                    count.OffsetX = 6;
                    count.OffsetY = k == 0 ? -22 : 6;
                }
            }
            plot.Axes.SetLimits(0, top, 0, top);
            OutcomePlots.Dress(plot, targets[t].Name, "forecasts in bins of 0.1; count beside each point",
                "forecast probability", "observed frequency");
        }
        string path = Path.Combine(folder, FigureFileName);
        figure.SavePng(path, 1600, 1000);
        return path;
    }
}
