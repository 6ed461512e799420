using System.Globalization;
using UcgSim.Exploration.Robustness;
using UcgSim.Exploration.ScenarioDiscovery;
using UcgSim.Exploration.Sensitivity;

namespace UcgSim.Results;

/// <summary>The analysis of an exploratory run as CSV files beside its <c>points.csv</c>, in the invariant culture.</summary>
public static class ExplorationCsv
{
    public const string SobolIndicesFileName = "sobol-indices.csv";
    public const string MorrisEffectsFileName = "morris-effects.csv";
    public const string RobustnessFileName = "robustness.csv";
    public const string PrimFileName = "prim.csv";

    /// <summary>One row per measure and input: first- and total-order indices with their 95% bootstrap bounds.</summary>
    public static void WriteSobolIndices(string path, IReadOnlyList<string> measures, IReadOnlyList<IReadOnlyList<SobolIndex>> indices) =>
        CsvFields.WriteFile(path, writer =>
        {
            CsvFields.WriteLine(writer, "measure,input,first_order,first_order_lower_95,first_order_upper_95,total_order,total_order_lower_95,total_order_upper_95");
            for (int m = 0; m < measures.Count; m++)
                foreach (var index in indices[m])
                    CsvFields.WriteLine(writer, CsvFields.Row(measures[m], index.Input, index.FirstOrder.Value, index.FirstOrder.Lower, index.FirstOrder.Upper,
                        index.TotalOrder.Value, index.TotalOrder.Lower, index.TotalOrder.Upper));
        });

    /// <summary>One row per measure and input: mu, mu* with its 95% bootstrap bounds, sigma and the number of elementary effects.</summary>
    public static void WriteMorrisEffects(string path, IReadOnlyList<string> measures, IReadOnlyList<IReadOnlyList<MorrisEffect>> effects) =>
        CsvFields.WriteFile(path, writer =>
        {
            CsvFields.WriteLine(writer, "measure,input,mu,mu_star,mu_star_lower_95,mu_star_upper_95,sigma,effects");
            for (int m = 0; m < measures.Count; m++)
                foreach (var effect in effects[m])
                    CsvFields.WriteLine(writer, CsvFields.Row(measures[m], effect.Input, effect.Mu, effect.MuStar, effect.MuStarInterval.Lower,
                        effect.MuStarInterval.Upper, effect.Sigma, effect.Effects));
        });

    /// <summary>One row per scenario, outcome and variant: the share's distribution over the points, regret and points best.</summary>
    public static void WriteRobustness(string path, IReadOnlyList<(string Scenario, string Outcome, bool HigherIsBetter, IReadOnlyList<VariantRobustness> Variants)> robustness) =>
        CsvFields.WriteFile(path, writer =>
        {
            CsvFields.WriteLine(writer, "scenario,outcome,higher_is_better,variant,mean,minimum,percentile_5,median,percentile_95,maximum,mean_regret,percentile_90_regret,maximum_regret,points_best");
            foreach (var (scenario, outcome, higher, variants) in robustness)
                foreach (var v in variants)
                    CsvFields.WriteLine(writer, CsvFields.Row(scenario, outcome, higher ? "true" : "false", v.Variant, v.Mean, v.Minimum, v.Percentile5, v.Median,
                        v.Percentile95, v.Maximum, v.MeanRegret, v.Percentile90Regret, v.MaximumRegret, v.PointsBest));
        });

    /// <summary>
    /// The peeling trajectory, one row per box (coverage, density, mass, points, cases, and each input's limits), then the
    /// chosen box's restrictions with their quasi-p-values (rows whose <c>row_kind</c> is <c>restriction</c>).
    /// </summary>
    public static void WritePrim(string path, IReadOnlyList<string> inputs, PrimResult result) =>
        CsvFields.WriteFile(path, writer =>
        {
            CsvFields.WriteLine(writer, string.Join(",", new[] { "row_kind", "step", "coverage", "density", "mass", "points", "cases", "chosen" }
                .Concat(inputs.SelectMany(input => new[] { input + " lower", input + " upper" })).Select(CsvFields.Quote)));
            foreach (var box in result.Trajectory)
                CsvFields.WriteLine(writer, CsvFields.Row(new object[] { "box", box.Step, box.Coverage, box.Density, box.Mass, box.Points, box.Cases, box == result.Chosen ? "true" : "false" }
                    .Concat(box.Limits.SelectMany(limit => new object[] { limit.Lower, limit.Upper })).ToArray()));
            CsvFields.WriteLine(writer, "row_kind,input,lower,upper,quasi_p_value");
            foreach (var restriction in result.Restrictions)
                CsvFields.WriteLine(writer, CsvFields.Row("restriction", inputs[restriction.Input], restriction.Limit.Lower, restriction.Limit.Upper, restriction.QuasiPValue));
        });
}
