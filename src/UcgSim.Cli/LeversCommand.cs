using System.Diagnostics;
using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Cli;

// The choices of ucgsim levers beyond the experiment file; a null override keeps the file's value.
internal sealed record LeversOptions
{
    // Enough for a 95% half-width of about one percentage point on the larger paired differences, in seconds a scenario.
    public const long DefaultReplicates = 4000;

    public long Replicates { get; init; } = DefaultReplicates;
    public ulong? Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string? Scenario { get; init; }
    public string OutputRoot { get; init; } = "results";

    // The first value the command cannot go ahead with, said as the fix; null when all are usable.
    public string? Problem()
    {
        if (Threads < 1) return $"--threads must be at least 1 (got {Threads}).";
        if (Replicates < 1) return $"--replicates must be at least 1 (got {Replicates}).";
        return null;
    }
}

// ucgsim levers from the loaded experiment on: every lever and structural condition changed one at a time from the
// file's first variant and each scenario's values, ranked by effect, printed and written as lever-effects.csv.
internal static class LeversCommand
{
    private const string Indent = "  ";
    private const string Gap = "  ";
    private const int MinCellWidth = 11;

    public static int Execute(Experiment experiment, LeversOptions options, Terminal terminal)
    {
        if (options.Problem() is { } badOption)
        {
            terminal.Error.WriteLine($"ucgsim: {badOption}");
            return ExitCodes.UsageError;
        }
        experiment = experiment with { Replicates = options.Replicates, Seed = options.Seed ?? experiment.Seed };
        if (RunCommand.Problem(experiment) is { } badExperiment)
        {
            terminal.Error.WriteLine($"ucgsim: experiment \"{experiment.Name}\" {badExperiment}");
            return ExitCodes.UsageError;
        }
        var names = experiment.Scenarios.Select(scenario => scenario.Name).ToList();
        int[] chosen = options.Scenario is { } wanted ? [names.IndexOf(wanted)] : Enumerable.Range(0, names.Count).ToArray();
        if (chosen.Contains(-1))
        {
            terminal.Error.WriteLine(
                $"ucgsim: experiment \"{experiment.Name}\" has no scenario named '{options.Scenario}'. Its scenarios: {string.Join(", ", names.Select(name => $"'{name}'"))}. "
                + "Name one with --scenario, or leave --scenario out for all of them.");
            return ExitCodes.UsageError;
        }
        if (RunCommand.CreateResultsFolder(options.OutputRoot, experiment.Name + "-levers", terminal) is not { } folder)
            return ExitCodes.UsageError;
        folder.WriteResolvedExperiment(ConfigurationWriter.Write(experiment));

        var tables = new List<RankedLeverEffects>();
        foreach (int s in chosen)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Lever effects on \"{names[s]}\" against \"{experiment.Variants[0].Name}\": {experiment.Replicates:N0} paired replicates, {options.Threads} thread(s)."));
            var progress = new RunProgressLine(terminal);
            var estimate = LeverEffects.Estimate(experiment, s, options.Threads, progress);
            progress.Finish("Ran");
            var table = new RankedLeverEffects(names[s], experiment.Variants[0].Name, estimate.BaselineOutcomes, estimate.BaselineEvents,
                estimate.Effects.Select(Spell).ToList());
            WriteTable(terminal.Output, experiment, table);
            tables.Add(table);
        }
        LeverEffectsCsv.Write(folder.LeverEffectsPath, tables);
        terminal.Output.WriteLine($"Results: {folder.Path}");
        return ExitCodes.Success;
    }

    // In the words of the files, so that a row reads as the line to put in a variant or scenario file.
    private static SpelledLeverEffect Spell(LeverEffect effect) =>
        new(YamlSpelling.Name(effect.Change.Lever),
            YamlSpelling.Value(effect.Change.Value) ?? throw new UnreachableException($"{effect.Change.Lever} has no one-word value."),
            effect);

    private static void WriteTable(TextWriter writer, Experiment experiment, RankedLeverEffects table)
    {
        var effects = table.Effects;
        string[] measures = SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe)
            .Concat(LeverEffects.Events.Select(SimulationVocabulary.Describe)).ToArray();
        string[] labels = effects.Select(e => $"{e.Lever}: {e.Setting}{(e.Effect.Inert ? " *" : "")}").ToArray();
        string[] kinds = effects.Select(e => LeverEffects.Describe(e.Effect.Change.Kind)).ToArray();
        string[][] cells = effects.Select(e => e.Effect.Outcomes.Concat(e.Effect.Events).Select(Cell).ToArray()).ToArray();
        const string rankHeading = "rank", labelHeading = "lever or condition: setting", kindHeading = "kind";
        int rankWidth = rankHeading.Length;
        int labelWidth = labels.Append(labelHeading).Append($"baseline: {table.Baseline}").Max(label => label.Length);
        int kindWidth = kinds.Append(kindHeading).Max(kind => kind.Length);
        int cellWidth = cells.SelectMany(row => row).Append(new string(' ', MinCellWidth)).Max(cell => cell.Length);

        string Line(string rank, string label, string kind, IEnumerable<string> values) =>
            (Indent + rank.PadLeft(rankWidth) + Gap + label.PadRight(labelWidth) + Gap + kind.PadRight(kindWidth)
             + string.Concat(values.Select(value => Gap + value.PadLeft(cellWidth)))).TrimEnd();

        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario \"{table.Scenario}\", baseline variant \"{table.Baseline}\" (experiment \"{experiment.Name}\"): {experiment.Replicates:N0} paired replicates, {experiment.Horizon}-month horizon, seed {experiment.Seed}."));
        writer.WriteLine("Each row changes one lever of the baseline variant or one condition of the scenario. Cells: share under the");
        writer.WriteLine("change minus share under the baseline, in percentage points, +- the 95% half-width (paired by replicate).");
        writer.WriteLine("Rows are ranked by the largest absolute difference in an outcome share (the first five columns); the");
        writer.WriteLine("first line gives the baseline's own shares, in percent of replicates.");
        writer.WriteLine();
        var headingLines = ColumnHeadings.Stack(measures, cellWidth);
        for (int line = 0; line < headingLines.Count; line++)
        {
            bool last = line == headingLines.Count - 1;
            writer.WriteLine(Line(last ? rankHeading : "", last ? labelHeading : "", last ? kindHeading : "", headingLines[line]));
        }
        writer.WriteLine(Line(new string('-', rankWidth), new string('-', labelWidth), new string('-', kindWidth),
            measures.Select(_ => new string('-', cellWidth))));
        writer.WriteLine(Line("", $"baseline: {table.Baseline}", "share, %",
            table.BaselineOutcomes.Concat(table.BaselineEvents).Select(share => Percent(share.Estimate))));
        for (int row = 0; row < effects.Count; row++)
            writer.WriteLine(Line((row + 1).ToString(CultureInfo.InvariantCulture), labels[row], kinds[row], cells[row]));
        if (effects.Any(e => e.Effect.Inert))
            writer.WriteLine($"{Indent}* No replicate ended otherwise, nor saw either event otherwise: the change does not act here.");
        writer.WriteLine();
        writer.WriteLine(Indent + Comparison(effects.Select(e => e.Effect).ToList()));
        writer.WriteLine();
    }

    private static string Cell(PairedDifference difference) => string.Create(CultureInfo.InvariantCulture,
        $"{100 * difference.Estimate:+0.0;-0.0;0.0} +-{100 * (difference.Upper - difference.Estimate):0.0}");

    private static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture);

    // The one-line answer to "do the mission's own choices matter as much as the country's conditions?".
    private static string Comparison(IReadOnlyList<LeverEffect> effects)
    {
        string Median(LeverKind kind)
        {
            int rows = effects.Count(effect => effect.Change.Kind == kind);
            return LeverEffects.MedianLargestEffect(effects, kind) is { } median
                ? string.Create(CultureInfo.InvariantCulture, $"{100 * median:0.0} pts ({rows} rows)")
                : "none (0 rows)";
        }
        return $"Median largest |effect| of a row: mission levers {Median(LeverKind.MissionLever)}, "
               + $"structural conditions {Median(LeverKind.StructuralCondition)}; other actors' levers {Median(LeverKind.OtherActorsLever)}.";
    }
}
