using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>The ranked lever effects of one scenario against one baseline variant, with each change as the files spell it.</summary>
public sealed record RankedLeverEffects(string Scenario, string Baseline, IReadOnlyList<SpelledLeverEffect> Effects);

/// <summary>One effect with its lever or condition and setting as a user writes them (<c>regionalSanctions</c>, <c>harsh</c>).</summary>
public sealed record SpelledLeverEffect(string Lever, string Setting, LeverEffect Effect);

/// <summary>
/// <c>lever-effects.csv</c>: the table <c>ucgsim levers</c> prints, in long format, one row per scenario, change and
/// measure, in rank order. Differences are fractions (0.025, not 2.5 points) with their 95% paired interval.
/// </summary>
public static class LeverEffectsCsv
{
    public const string Header = "scenario,baseline,rank,lever,setting,kind,measure_kind,measure,estimate,lower_95,upper_95,pairs";
    public const string OutcomeKind = "outcome_share_difference";
    public const string EventKind = "event_share_difference";

    public static void Write(string path, IEnumerable<RankedLeverEffects> tables) => CsvFields.WriteFile(path, writer => Write(writer, tables));

    public static void Write(TextWriter writer, IEnumerable<RankedLeverEffects> tables)
    {
        CsvFields.WriteLine(writer, Header);
        foreach (var table in tables)
            for (int rank = 1; rank <= table.Effects.Count; rank++)
            {
                var (lever, setting, effect) = table.Effects[rank - 1];
                string prefix = string.Join(',', CsvFields.Quote(table.Scenario), CsvFields.Quote(table.Baseline),
                    rank.ToString(CultureInfo.InvariantCulture), CsvFields.Quote(lever), CsvFields.Quote(setting),
                    CsvFields.Quote(LeverEffects.Describe(effect.Change.Kind)));
                for (int o = 0; o < effect.Outcomes.Count; o++)
                    WriteRow(writer, prefix, OutcomeKind, SimulationVocabulary.Describe(SimulationVocabulary.Outcomes[o]), effect.Outcomes[o]);
                for (int e = 0; e < effect.Events.Count; e++)
                    WriteRow(writer, prefix, EventKind, SimulationVocabulary.Describe(LeverEffects.Events[e]), effect.Events[e]);
            }
    }

    private static void WriteRow(TextWriter writer, string prefix, string kind, string measure, PairedDifference difference) =>
        CsvFields.WriteLine(writer, string.Join(',', prefix, kind, CsvFields.Quote(measure), CsvFields.Number(difference.Estimate),
            CsvFields.Number(difference.Lower), CsvFields.Number(difference.Upper), difference.Pairs.ToString(CultureInfo.InvariantCulture)));
}
