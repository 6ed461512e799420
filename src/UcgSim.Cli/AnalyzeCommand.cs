using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Simulation;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Robustness;
using UcgSim.Exploration.ScenarioDiscovery;
using UcgSim.Exploration.Sensitivity;
using UcgSim.Exploration.Uncertainties;
using UcgSim.Results;

namespace UcgSim.Cli;

// The choices of ucgsim analyze.
internal sealed record AnalyzeOptions
{
    // The measure whose indices rank the inputs first, and the ones reported beside it: the outcomes, then whether a
    // transition was agreed and whether the mission was asked to leave.
    public static readonly IReadOnlyList<string> MainMeasures =
    [
        .. SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe),
        SimulationVocabulary.Describe(EventKind.TransitionAgreed),
        SimulationVocabulary.Describe(EventKind.MissionAskedToLeave),
    ];

    public string? Scenario { get; init; }
    public string? Variant { get; init; }
    public string? Prim { get; init; }
    public bool Plots { get; init; } = true;
}

// ucgsim analyze: Sobol' indices or Morris effects (by the design's kind), policy robustness across the points, and PRIM
// for a condition the user names, from one run folder or the folders of the parts of a split run.
internal static class AnalyzeCommand
{
    private const string Indent = "  ";

    public static int Execute(IReadOnlyList<string> folders, AnalyzeOptions options, Terminal terminal)
    {
        string[] resolved = [.. folders.Select(folder => Path.Combine(folder, ResultsFolder.ResolvedExperimentFileName))];
        string[] pointFiles = [.. folders.Select(folder => Path.Combine(folder, DesignPointsCsv.FileName))];
        if (resolved.Concat(pointFiles).FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            terminal.Error.WriteLine($"ucgsim: {missing} does not exist. Name the results folder of an exploratory run (it holds {ResultsFolder.ResolvedExperimentFileName} and {DesignPointsCsv.FileName}).");
            return ExitCodes.UsageError;
        }
        if (resolved.Skip(1).FirstOrDefault(file => File.ReadAllText(file) != File.ReadAllText(resolved[0])) is { } other)
        {
            terminal.Error.WriteLine($"ucgsim: {other} differs from {resolved[0]}: these folders are not parts of one exploratory run. Analyse each run on its own.");
            return ExitCodes.UsageError;
        }
        var loaded = ExperimentFile.Load(resolved[0]);
        if (loaded.Exploration is not { } plan)
        {
            terminal.Error.WriteLine($"ucgsim: {resolved[0]} has no 'uncertainties:' and 'design:' sections: {folders[0]} holds an ordinary run, which 'ucgsim run' has already summarized.");
            return ExitCodes.UsageError;
        }
        var experiment = loaded.Experiment;
        var design = plan.CreateDesign(experiment);
        DesignPoints points;
        try
        {
            points = DesignPointsCsv.Read(pointFiles, [.. plan.Inputs.Select(input => input.Name)], experiment);
        }
        catch (Exception bad) when (bad is InvalidDataException or FormatException)
        {
            terminal.Error.WriteLine($"ucgsim: {bad.Message}");
            return ExitCodes.UsageError;
        }
        int scenario = options.Scenario is null ? 0 : experiment.Scenarios.ToList().FindIndex(s => s.Name == options.Scenario);
        int variant = options.Variant is null ? 0 : experiment.Variants.ToList().FindIndex(v => v.Name == options.Variant);
        if (scenario < 0 || variant < 0)
        {
            terminal.Error.WriteLine(scenario < 0
                ? $"ucgsim: no scenario named '{options.Scenario}'. Its scenarios: {string.Join(", ", experiment.Scenarios.Select(s => $"'{s.Name}'"))}."
                : $"ucgsim: no variant named '{options.Variant}'. Its variants: {string.Join(", ", experiment.Variants.Select(v => $"'{v.Name}'"))}.");
            return ExitCodes.UsageError;
        }
        string scenarioName = experiment.Scenarios[scenario].Name, variantName = experiment.Variants[variant].Name;
        string Column(string scenarioColumn, string variantColumn, string measure) => $"{scenarioColumn}/{variantColumn}/{measure}";
        PrimCondition? condition = null;
        if (options.Prim is { } primText && (condition = PrimCondition.Parse(primText, points.Measures, scenarioName, variantName, out string? primProblem)) is null)
        {
            terminal.Error.WriteLine($"ucgsim: {primProblem}");
            return ExitCodes.UsageError;
        }

        string folder = folders[0];
        var figures = new List<string>();
        bool complete = points.Points.Count == design.Count;
        terminal.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Analysis of \"{experiment.Name}\": {YamlSpelling.Value(plan.Design.Kind)} design, {points.Points.Count:N0} of {design.Count:N0} points, {plan.Uncertainties.Count} uncertain inputs, {experiment.Replicates:N0} replicates per point and variant (common random numbers)."));
        var measures = AnalyzeOptions.MainMeasures.Select(measure => Column(scenarioName, variantName, measure)).ToList();

        if (design is SaltelliDesign or MorrisDesign && !complete)
            terminal.Output.WriteLine($"{Indent}The design's indices need every point; {design.Count - points.Points.Count:N0} are missing (run the remaining parts and name every part's folder).");
        else if (design is SaltelliDesign)
        {
            var indices = measures.Select(measure => SobolIndices.Estimate(points.Inputs, points.Column(measure), seed: experiment.Seed)).ToList();
            ExplorationCsv.WriteSobolIndices(Path.Combine(folder, ExplorationCsv.SobolIndicesFileName), AnalyzeOptions.MainMeasures, indices);
            WriteSobolTable(terminal.Output, plan, scenarioName, variantName, indices);
            // The figure ranks the inputs by the first measure's own total-order index, the one it draws.
            if (options.Plots)
                figures.Add(ExplorationPlots.WriteSobolIndices(folder, AnalyzeOptions.MainMeasures[0], [.. indices[0].OrderByDescending(index => index.TotalOrder.Value).Take(20)]));
        }
        else if (design is MorrisDesign morris)
        {
            var effects = measures.Select(measure => MorrisScreening.Estimate(morris, points.Column(measure), seed: experiment.Seed)).ToList();
            ExplorationCsv.WriteMorrisEffects(Path.Combine(folder, ExplorationCsv.MorrisEffectsFileName), AnalyzeOptions.MainMeasures, effects);
            WriteMorrisTable(terminal.Output, plan, scenarioName, variantName, effects);
            if (options.Plots) figures.Add(ExplorationPlots.WriteMorris(folder, AnalyzeOptions.MainMeasures[0], effects[0]));
        }

        var robustness = new List<(string Scenario, string Outcome, bool HigherIsBetter, IReadOnlyList<VariantRobustness> Variants)>();
        var distributions = new List<(string Outcome, IReadOnlyList<string> Variants, IReadOnlyList<double[]> Shares)>();
        foreach (var s in experiment.Scenarios)
            foreach (var outcome in SimulationVocabulary.Outcomes)
            {
                string measure = SimulationVocabulary.Describe(outcome);
                var columns = experiment.Variants.Select(v => points.Column(Column(s.Name, v.Name, measure))).ToList();
                double[][] byPoint = [.. Enumerable.Range(0, points.Points.Count).Select(p => columns.Select(c => c[p]).ToArray())];
                bool higherIsBetter = outcome == Outcome.TransitionToCivilianRule;
                robustness.Add((s.Name, measure, higherIsBetter, PolicyRobustness.Assess([.. experiment.Variants.Select(v => v.Name)], byPoint, higherIsBetter)));
                if (s.Name == scenarioName) distributions.Add((measure, [.. experiment.Variants.Select(v => v.Name)], columns));
            }
        ExplorationCsv.WriteRobustness(Path.Combine(folder, ExplorationCsv.RobustnessFileName), robustness);
        WriteRobustnessTable(terminal.Output, robustness.Where(r => r.Scenario == scenarioName).ToList(), scenarioName);
        if (options.Plots)
        {
            figures.Add(ExplorationPlots.WriteDistributions(folder, scenarioName, distributions));
            // Every variant minus the baseline at the same point, over the same replicates: what a policy changes,
            // wherever the uncertain inputs lie.
            if (experiment.Variants.Count > 1)
                figures.Add(ExplorationPlots.WritePairedDifferences(folder, scenarioName, experiment.Variants[0].Name, [.. distributions.Select(d =>
                    (d.Outcome, (IReadOnlyList<string>)[.. d.Variants.Skip(1)],
                     (IReadOnlyList<double[]>)[.. d.Shares.Skip(1).Select(shares => shares.Select((share, p) => share - d.Shares[0][p]).ToArray())]))]));
        }

        if (condition is { } wanted)
        {
            double[] shares = points.Column(wanted.Column);
            var result = Prim.Discover(points.InputValues, [.. shares.Select(wanted.Holds)]);
            ExplorationCsv.WritePrim(Path.Combine(folder, ExplorationCsv.PrimFileName), points.Inputs, result);
            WritePrim(terminal.Output, plan, wanted, result, design is SaltelliDesign or MorrisDesign);
            if (options.Plots) figures.Add(ExplorationPlots.WritePrim(folder, wanted.Describe(), result, points.Inputs,
                (input, value) => Value(plan.Uncertainties[input], value)));
        }
        foreach (string figure in figures) terminal.Output.WriteLine($"Figure: {figure}");
        terminal.Output.WriteLine($"Analysis written to {folder}");
        return ExitCodes.Success;
    }

    private static void WriteSobolTable(TextWriter writer, ExplorationPlan plan, string scenario, string variant, IReadOnlyList<IReadOnlyList<SobolIndex>> indices)
    {
        writer.WriteLine();
        writer.WriteLine($"Total-order Sobol' indices (Jansen) on \"{scenario}\" under \"{variant}\", with 95% bootstrap intervals; inputs ranked by");
        writer.WriteLine("their largest total-order index over the five outcomes. First-order indices are in sobol-indices.csv.");
        writer.WriteLine();
        int[] ranked = WriteRankedInputs(writer, plan, indices, index => index.TotalOrder.Value, index => Interval(index.TotalOrder));
        int aboveZero = ranked.Take(5).Count(i => indices.Take(SimulationVocabulary.Outcomes.Length).All(measure => measure[i].TotalOrder.AboveZero));
        writer.WriteLine();
        writer.WriteLine($"{Indent}Top five inputs whose total-order intervals lie above zero for every outcome: {aboveZero} of {Math.Min(5, ranked.Length)}.");
    }

    private static void WriteMorrisTable(TextWriter writer, ExplorationPlan plan, string scenario, string variant, IReadOnlyList<IReadOnlyList<MorrisEffect>> effects)
    {
        writer.WriteLine();
        writer.WriteLine($"Morris elementary effects on \"{scenario}\" under \"{variant}\": mu* [95% bootstrap interval] (sigma), the change in");
        writer.WriteLine("share per step, scaled to the input's whole range; inputs ranked by their largest mu* over the five outcomes.");
        writer.WriteLine();
        WriteRankedInputs(writer, plan, effects, effect => effect.MuStar,
            effect => string.Create(CultureInfo.InvariantCulture, $"{Interval(effect.MuStarInterval)} ({effect.Sigma:0.000})"));
    }

    // One row per input, ranked by the largest of its measures over the outcomes (the first five measures), one column per
    // outcome; returns the inputs' indices in the order written.
    private static int[] WriteRankedInputs<T>(TextWriter writer, ExplorationPlan plan, IReadOnlyList<IReadOnlyList<T>> perMeasure,
        Func<T, double> rankBy, Func<T, string> cell)
    {
        int outcomes = SimulationVocabulary.Outcomes.Length;
        int[] ranked = [.. Enumerable.Range(0, plan.Uncertainties.Count).OrderByDescending(i => perMeasure.Take(outcomes).Max(measure => rankBy(measure[i])))];
        var header = new[] { "rank", "input", "kind" }.Concat(AnalyzeOptions.MainMeasures.Take(outcomes)).ToList();
        var rows = ranked.Select((i, rank) => new[]
        {
            (rank + 1).ToString(CultureInfo.InvariantCulture), plan.Uncertainties[i].Input.Name, Kind(plan.Uncertainties[i].Kind),
        }.Concat(perMeasure.Take(outcomes).Select(measure => cell(measure[i]))).ToList()).ToList();
        // The rank and the measures are numbers; the input and its kind read left to right.
        ConsoleTable.Write(writer, header, rows, column => column == 0 || column > 2);
        return ranked;
    }

    private static void WriteRobustnessTable(TextWriter writer, IReadOnlyList<(string Scenario, string Outcome, bool HigherIsBetter, IReadOnlyList<VariantRobustness> Variants)> robustness, string scenario)
    {
        writer.WriteLine();
        writer.WriteLine($"Policy robustness on \"{scenario}\" across the design's points: each variant's share (%) over the points, and its");
        writer.WriteLine("regret (points behind the best variant at the same point; lower is better except for transitions).");
        // With one variant there is nothing to be behind: its regret is 0 and it is best everywhere by construction.
        if (robustness.All(entry => entry.Variants.Count < 2))
            writer.WriteLine("The design ran one variant, so regret is 0 and 'best at' counts every point; add variants to compare policies.");
        writer.WriteLine();
        var header = new List<string> { "outcome", "variant", "mean", "5%", "median", "95%", "mean regret", "90% regret", "max regret", "best at" };
        var rows = robustness.SelectMany(entry => entry.Variants.Select(v => new List<string>
        {
            entry.Outcome + (entry.HigherIsBetter ? " (higher better)" : ""), v.Variant, Percent(v.Mean), Percent(v.Percentile5), Percent(v.Median), Percent(v.Percentile95),
            Percent(v.MeanRegret), Percent(v.Percentile90Regret), Percent(v.MaximumRegret), v.PointsBest.ToString("N0", CultureInfo.InvariantCulture),
        })).ToList();
        ConsoleTable.Write(writer, header, rows, column => column > 1);
    }

    private static void WritePrim(TextWriter writer, ExplorationPlan plan, PrimCondition condition, PrimResult result, bool pointsCluster)
    {
        var chosen = result.Chosen;
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario discovery (PRIM) for {condition.Describe()}: {result.Trajectory[0].Cases:N0} of {result.Trajectory[0].Points:N0} points; {result.Trajectory.Count} boxes on the peeling trajectory (prim.csv)."));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chosen box (step {chosen.Step}): coverage {chosen.Coverage:P1}, density {chosen.Density:P1}, mass {chosen.Mass:P1}."));
        writer.WriteLine();
        if (pointsCluster)
            writer.WriteLine($"{Indent}Note: a Saltelli or Morris design's points cluster around its base points, so PRIM's boxes fit the clusters; for scenario discovery use a latinHypercube, sobol or monteCarlo design.");
        writer.WriteLine($"{Indent}Restrictions by quasi-p-value; one above {ExplorationPlots.SignificantQuasiP} may be chance (and is not drawn in prim.png).");
        var rows = result.Restrictions.OrderBy(r => r.QuasiPValue).Select(r => new List<string>
        {
            plan.Uncertainties[r.Input].Input.Name, Value(plan.Uncertainties[r.Input], r.Limit.Lower), Value(plan.Uncertainties[r.Input], r.Limit.Upper),
            r.QuasiPValue.ToString("0.##E+0", CultureInfo.InvariantCulture),
        }).ToList();
        if (rows.Count == 0) writer.WriteLine($"{Indent}The chosen box restricts no input.");
        // The limits may be choices in words, so only the quasi-p-values line up on the right.
        else ConsoleTable.Write(writer, ["input", "from", "to", "quasi-p"], rows, column => column == 3);
    }

    // A choice or yes-or-no in its own words; a number to four decimals.
    private static string Value(UncertainSetting uncertainty, double value) => uncertainty.Input.Distribution is DiscreteUncertainty
        ? uncertainty.Spell(value)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Kind(UncertainInputKind kind) => kind == UncertainInputKind.BehaviouralParameter ? "parameter" : "condition";

    private static string Interval(Estimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.Value:0.000} [{estimate.Lower:0.000}, {estimate.Upper:0.000}]");

    private static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture);

}

// A condition on one share column for PRIM: 'measure>0.2' or 'measure<0.1', the measure an outcome or event of the
// analysed scenario and variant (or a full 'scenario/variant/measure' column).
internal sealed record PrimCondition(string Column, bool Above, double Threshold)
{
    public bool Holds(double share) => Above ? share > Threshold : share < Threshold;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"'{Column}' {(Above ? ">" : "<")} {Threshold:R}");

    public static PrimCondition? Parse(string text, IReadOnlyList<string> columns, string scenario, string variant, out string? problem)
    {
        problem = null;
        int at = text.IndexOfAny(['>', '<']);
        if (at > 0 && double.TryParse(text[(at + 1)..].Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double threshold))
        {
            string measure = text[..at].Trim();
            if (text.TrimEnd().EndsWith('%')) threshold /= 100;
            string column = measure.Contains('/', StringComparison.Ordinal) ? measure : $"{scenario}/{variant}/{measure}";
            // A share lies in [0, 1]: '>20' would hold at no point and leave PRIM nothing to find.
            if (threshold is < 0 or > 1)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"--prim compares a share, from 0 to 1, and {threshold:R} is outside it: did you mean '{measure}{text[at]}{threshold:R}%'?");
                return null;
            }
            if (columns.Contains(column)) return new PrimCondition(column, text[at] == '>', threshold);
            problem = $"--prim names '{measure}', which is not a share in the points file. Name an outcome or event such as 'transition to civilian rule', or a full column such as '{columns[0]}'.";
            return null;
        }
        problem = $"--prim expects MEASURE>SHARE or MEASURE<SHARE, such as 'transition to civilian rule>0.2' (or >20%), not '{text}'.";
        return null;
    }
}
