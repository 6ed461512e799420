using System.Globalization;
using ScottPlot;
using UcgSim.Exploration.Backtest;

namespace UcgSim.Results;

/// <summary>One forecast target of the backtest (a successful coup, or any attempt, within a window) and its forecasts.</summary>
public sealed record BacktestTarget(string Name, IReadOnlyList<Forecast> Model, IReadOnlyList<Forecast> Baseline);

/// <summary>The backtest's figure: a reliability diagram per target, model and base-rate baseline on the same axes.</summary>
public static class BacktestResults
{
    public const string CasesFileName = "backtest.csv";
    public const string ScoresFileName = "backtest-scores.csv";
    public const string FigureFileName = "reliability.png";
    public const int Bins = 10;

    public static string WriteFigure(string folder, IReadOnlyList<BacktestTarget> targets)
    {
        var figure = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Grid(2, (targets.Count + 1) / 2) };
        for (int t = 0; t < targets.Count; t++)
        {
            var plot = t == 0 ? figure.GetPlot(0) : figure.AddPlot();
            plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
            foreach (var (forecasts, label, k) in new[] { (targets[t].Model, "model", 0), (targets[t].Baseline, "base-rate baseline", 1) })
            {
                var bins = ForecastScores.Reliability(forecasts, Bins);
                var line = plot.Add.ScatterLine(bins.Select(b => b.MeanForecast).ToArray(), bins.Select(b => b.ObservedFrequency).ToArray(),
                    OutcomePlots.Palette.GetColor(k));
                line.MarkerSize = 9;
                line.LegendText = label;
                foreach (var bin in bins)
                    plot.Add.Text(bin.Forecasts.ToString(CultureInfo.InvariantCulture), bin.MeanForecast, bin.ObservedFrequency).LabelFontSize = 12;
            }
            plot.Axes.SetLimits(0, 1, 0, 1);
            OutcomePlots.Dress(plot, targets[t].Name, "forecasts in bins of 0.1; count beside each point",
                "forecast probability", "observed frequency");
        }
        string path = Path.Combine(folder, FigureFileName);
        figure.SavePng(path, 1600, 1000);
        return path;
    }
}
