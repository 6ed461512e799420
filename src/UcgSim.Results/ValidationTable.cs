using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// The console report of <c>ucgsim validate</c>: per case, each observed fact with the model's numbers and
/// whether it passed; then the base rates against the coup datasets; then the pass rules and the misses.
/// </summary>
public static class ValidationTable
{
    private const string Indent = "  ";

    public static void Write(TextWriter writer, Experiment experiment, IReadOnlyList<CaseVerdict> verdicts)
    {
        writer.WriteLine(Invariant(
            $"Validation \"{experiment.Name}\": {experiment.Replicates:N0} replicates per case, {experiment.Horizon}-month horizon, seed {experiment.Seed}."));
        writer.WriteLine("Each case is scenario i under variant i, its policy as it happened. Shares are over all replicates: a replicate");
        writer.WriteLine("in which the event never happened, including one ended early by a counter-coup, counts as later than the horizon.");
        writer.WriteLine("P(by month): share of replicates in which the event had happened by the observed month (for an outcome, its share");
        writer.WriteLine("at the horizon); percentile: where the observed month falls among the simulated months (mid-rank).");

        for (int c = 0; c < verdicts.Count; c++)
        {
            var verdict = verdicts[c];
            if (verdict.Facts.Count == 0) continue;
            writer.WriteLine();
            writer.WriteLine(Invariant($"Case {c + 1} of {verdicts.Count}: \"{verdict.Scenario.Name}\" under \"{verdict.Variant.Name}\""));
            // Sources are long, so the table cites them by number and lists them below it.
            var sources = verdict.Facts.Select(j => j.Fact.Source).Distinct().ToList();
            ConsoleTable.Write(writer,
                ["target", "observed", "P(by month)", "percentile", "simulated 5-95%", "result", "source"],
                verdict.Facts.Select(j => new[]
                {
                    j.Fact.Subject, j.Fact.Observation, Percent(j.Share),
                    j.Percentile is { } percentile ? Percent(percentile) : "-",
                    j.Central is { } central ? central.Describe(verdict.Tally.Horizon) : "-",
                    Result(j.Passed), Invariant($"[{sources.IndexOf(j.Fact.Source) + 1}]"),
                }).ToList());
            for (int i = 0; i < sources.Count; i++)
                writer.WriteLine(Invariant($"{Indent}[{i + 1}] {sources[i]}"));
        }

        foreach (var verdict in verdicts.Where(v => v.BaseRates.Count > 0))
        {
            writer.WriteLine();
            writer.WriteLine($"Base rates: \"{verdict.Scenario.Name}\" under \"{verdict.Variant.Name}\" against the coup datasets");
            foreach (string source in verdict.BaseRates.Select(j => j.Target.Source).Distinct())
                writer.WriteLine($"{Indent}Coups counted: {source}");
            ConsoleTable.Write(writer,
                ["model event", "within", "data: share of coups followed [95% interval] (coups)", Invariant($"accepted (+-{100 * BaseRateTarget.Tolerance:0} pts)"), "model", "result"],
                verdict.BaseRates.Select(j => new[]
                {
                    SimulationVocabulary.Describe(j.Target.Event), Invariant($"{j.Target.WithinMonths} months"),
                    Invariant($"{Percent(j.Target.Observed.Estimate)} [{Percent(j.Target.Observed.Lower)}-{Percent(j.Target.Observed.Upper)}] ({j.Target.Observed.Total})"),
                    $"{Percent(j.AcceptedFrom)}-{Percent(j.AcceptedTo)}", Percent(j.Simulated), Result(j.Passed),
                }).ToList());
        }

        writer.WriteLine();
        writer.WriteLine("Pass rules:");
        foreach (string rule in verdicts.SelectMany(v => v.Facts).Select(j => j.Fact.Rule).Distinct())
            writer.WriteLine($"{Indent}{rule}");
        if (verdicts.Any(v => v.BaseRates.Count > 0))
            writer.WriteLine(Invariant(
                $"{Indent}base rate: the model's P(event by the window) lies in the data's 95% Wilson interval widened by {100 * BaseRateTarget.Tolerance:0} points each side"));

        var misses = verdicts.SelectMany(v =>
            v.Facts.Where(j => !j.Passed).Select(j => $"{v.Scenario.Name}: {j.Fact.Subject}, {j.Fact.Observation}")
                .Concat(v.BaseRates.Where(j => !j.Passed).Select(j => Invariant($"{v.Scenario.Name}: {SimulationVocabulary.Describe(j.Target.Event)} within {j.Target.WithinMonths} months"))))
            .ToList();
        int targets = verdicts.Sum(v => v.Facts.Count + v.BaseRates.Count);
        writer.WriteLine();
        writer.WriteLine(Invariant($"{targets - misses.Count} of {targets} targets met."));
        if (misses.Count > 0)
            writer.WriteLine($"Missed: {string.Join("; ", misses)}.");
    }

    // A table with a column per heading, each as wide as its widest cell.
    private static string Percent(double share) => double.IsNaN(share) ? "n/a" : Invariant($"{100 * share:0.0}%");

    private static string Result(bool passed) => passed ? "pass" : "FAIL";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
