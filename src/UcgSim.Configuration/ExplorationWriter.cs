using System.Globalization;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Configuration;

/// <summary>Writes an experiment's exploration sections so that <see cref="ExperimentFile.Load"/> reads back the same plan.</summary>
public static class ExplorationWriter
{
    /// <summary>
    /// <paramref name="resolvedExperiment"/> (from <see cref="ConfigurationWriter.Write"/>) followed by the plan's
    /// <c>uncertainties:</c> and <c>design:</c> sections: one self-contained file that repeats the exploratory run.
    /// </summary>
    public static string Write(string resolvedExperiment, ExplorationPlan plan)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.Write(resolvedExperiment);
        if (!resolvedExperiment.EndsWith('\n')) text.WriteLine();
        text.WriteLine($"{ExplorationSection.UncertaintiesKey}:");
        foreach (var uncertainty in plan.Uncertainties)
            text.WriteLine($"  {uncertainty.Input.Name}: {Distribution(uncertainty)}");
        if (plan.Correlations.Count > 0)
        {
            text.WriteLine($"{ExplorationSection.CorrelationsKey}:");
            foreach (var c in plan.Correlations)
                text.WriteLine($"  - [{plan.Uncertainties[c.First].Input.Name}, {plan.Uncertainties[c.Second].Input.Name}, {Number(c.RankCorrelation)}]");
        }
        var design = plan.Design;
        text.WriteLine($"{ExplorationSection.DesignKey}:");
        text.WriteLine($"  kind: {YamlSpelling.Value(design.Kind)}");
        text.WriteLine($"  points: {Number(design.Points)}");
        text.WriteLine($"  levels: {Number(design.Levels)}");
        text.WriteLine($"  scramble: {YamlSpelling.Value(design.Scramble)}");
        text.WriteLine($"  seed: {YamlSpelling.Value(design.Seed)}");
        return text.ToString();
    }

    private static string Distribution(UncertainSetting uncertainty) => uncertainty.Input.Distribution switch
    {
        UniformUncertainty u => $"{{uniform: [{Number(u.Lower)}, {Number(u.Upper)}]}}",
        TriangularUncertainty t => $"{{triangular: [{Number(t.Lower)}, {Number(t.Mode)}, {Number(t.Upper)}]}}",
        TruncatedNormalUncertainty n => $"{{normal: [{Number(n.Mean)}, {Number(n.StandardDeviation)}], within: [{Number(n.Lower)}, {Number(n.Upper)}]}}",
        DiscreteUncertainty d => $"{{values: [{string.Join(", ", d.Values.Select(uncertainty.Spell))}]}}",
        var other => throw new ArgumentException($"No way to write {other.GetType().Name}.", nameof(uncertainty)),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
