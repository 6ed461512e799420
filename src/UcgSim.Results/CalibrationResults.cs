using System.Globalization;
using ScottPlot;
using UcgSim.Exploration.Calibration;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Results;

/// <summary>What one calibrated parameter became: its prior, its default and its weighted posterior.</summary>
public sealed record CalibratedParameter(string Name, Uncertainty Prior, double Default, double Mean, double Lower90, double Upper90)
{
    /// <summary>The weighted mean and 5% and 95% weighted quantiles of input <paramref name="input"/> over a generation's particles.</summary>
    public static CalibratedParameter Of(string name, Uncertainty prior, double defaultValue, AbcGeneration posterior, int input)
    {
        var ordered = posterior.Particles.Select(p => (Value: p.Values[input], p.Weight)).OrderBy(p => p.Value).ToArray();
        double Quantile(double probability)
        {
            double cumulative = 0;
            foreach (var (value, weight) in ordered)
                if ((cumulative += weight) >= probability) return value;
            return ordered[^1].Value;
        }
        return new CalibratedParameter(name, prior, defaultValue, ordered.Sum(p => p.Value * p.Weight), Quantile(0.05), Quantile(0.95));
    }
}

/// <summary>
/// The files of a calibration: <c>generations.csv</c> (tolerance, proposals, acceptance rate and effective sample size
/// of each generation), <c>posterior.csv</c> (every particle of every generation with its weight and distance),
/// <c>posterior-predictive.csv</c> (each target under every particle of the posterior) and <c>posterior.png</c>.
/// </summary>
public static class CalibrationResults
{
    public const string GenerationsFileName = "generations.csv";
    public const string PosteriorFileName = "posterior.csv";
    public const string PredictiveFileName = "posterior-predictive.csv";
    public const string CalibratedParametersFileName = "calibrated-parameters.yaml";
    public const string FigureFileName = "posterior.png";
    public const string LeaveOneCaseOutFileName = "leave-one-case-out.csv";

    public static void WriteGenerations(string folder, IReadOnlyList<AbcGeneration> generations) =>
        CsvFields.WriteFile(Path.Combine(folder, GenerationsFileName), writer =>
        {
            CsvFields.WriteLine(writer, "generation,tolerance,particles,proposals,acceptance_rate,effective_sample_size");
            foreach (var g in generations)
                CsvFields.WriteLine(writer, CsvFields.Row(g.Index, g.Tolerance, g.Particles.Count, g.Proposals, g.AcceptanceRate, g.EffectiveSampleSize));
        });

    public static void WritePosterior(string folder, IReadOnlyList<string> inputs, IReadOnlyList<AbcGeneration> generations) =>
        CsvFields.WriteFile(Path.Combine(folder, PosteriorFileName), writer =>
        {
            CsvFields.WriteLine(writer, string.Join(',', ["generation", "particle", "weight", "distance", .. inputs.Select(CsvFields.Quote)]));
            foreach (var g in generations)
                for (int i = 0; i < g.Particles.Count; i++)
                {
                    var p = g.Particles[i];
                    CsvFields.WriteLine(writer, CsvFields.Row([g.Index, i, p.Weight, p.Distance, .. p.Values.Cast<object>()]));
                }
        });

    /// <summary>One row per target and posterior particle: the simulated share the target judges, whether it was met, and the particle's weight.</summary>
    public static void WritePredictive(string folder, IReadOnlyList<(int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)> checks) =>
        CsvFields.WriteFile(Path.Combine(folder, PredictiveFileName), writer =>
        {
            CsvFields.WriteLine(writer, "case,target,particle,weight,simulated,met,distance");
            foreach (var (particle, weight, targets) in checks)
                foreach (var t in targets)
                    CsvFields.WriteLine(writer, CsvFields.Row(t.Case, t.Target, particle, weight, t.Simulated, t.Passed ? "true" : "false", t.Distance));
        });

    /// <summary>Each held-out case's targets under the calibration without them: at the posterior mean, and the posterior share that meets each.</summary>
    public static void WriteLeaveOneCaseOut(string folder, IReadOnlyList<(string HeldOut, TargetDistance Target, double PosteriorShareMet)> rows) =>
        CsvFields.WriteFile(Path.Combine(folder, LeaveOneCaseOutFileName), writer =>
        {
            CsvFields.WriteLine(writer, "held_out_case,target,simulated_at_posterior_mean,met_at_posterior_mean,posterior_share_met");
            foreach (var (heldOut, target, share) in rows)
                CsvFields.WriteLine(writer, CsvFields.Row(heldOut, target.Target, target.Simulated, target.Passed ? "true" : "false", share));
        });

    /// <summary>One panel per parameter: the posterior's weighted histogram over the prior's range, with the default and the posterior mean marked.</summary>
    public static string WriteFigure(string folder, IReadOnlyList<CalibratedParameter> parameters, AbcGeneration posterior)
    {
        const int Bins = 20;
        var figure = new Multiplot();
        int columns = Math.Min(3, parameters.Count), rows = (parameters.Count + columns - 1) / columns;
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (int k = 0; k < parameters.Count; k++)
        {
            var parameter = parameters[k];
            var plot = k == 0 ? figure.GetPlot(0) : figure.AddPlot();
            var (lower, upper) = parameter.Prior.Support;
            double width = (upper - lower) / Bins;
            double[] mass = new double[Bins];
            foreach (var particle in posterior.Particles)
                mass[Math.Clamp((int)((particle.Values[k] - lower) / width), 0, Bins - 1)] += particle.Weight;
            var bars = plot.Add.Bars([.. Enumerable.Range(0, Bins).Select(b => lower + (b + 0.5) * width)], mass);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
                bar.FillColor = OutcomePlots.Palette.GetColor(0).WithAlpha(0.6);
                bar.LineWidth = 0;
            }
            plot.Add.VerticalLine(parameter.Default, 2, Colors.Black, LinePattern.Dashed).LegendText = "default";
            plot.Add.VerticalLine(parameter.Mean, 2, OutcomePlots.Palette.GetColor(3)).LegendText = "posterior mean";
            plot.Axes.SetLimitsX(lower, upper);
            OutcomePlots.Dress(plot, parameter.Name, "over its prior's range", "value", "posterior mass");
        }
        string path = Path.Combine(folder, FigureFileName);
        figure.SavePng(path, columns * 560, rows * 400);
        return path;
    }

}
