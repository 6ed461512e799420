using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// The ranked lever effects of one scenario against one baseline variant, with each change as the files spell it, and
/// the baseline's own shares.
/// </summary>
public sealed record RankedLeverEffects(string Scenario, string Baseline, IReadOnlyList<Proportion> BaselineOutcomes,
    IReadOnlyList<Proportion> BaselineEvents, IReadOnlyList<SpelledLeverEffect> Effects);

/// <summary>One effect with its lever or condition and setting as a user writes them (<c>regionalSanctions</c>, <c>harsh</c>).</summary>
public sealed record SpelledLeverEffect(string Lever, string Setting, LeverEffect Effect);

/// <summary>
/// <c>lever-effects.csv</c>: the table <c>ucgsim levers</c> prints, in long format, one row per scenario, change and
/// measure, in rank order, after the baseline's own shares (rank 0, kind "baseline"). Shares and differences are
/// fractions (0.025, not 2.5 points); shares carry a 95% Wilson interval, differences a 95% paired one.
/// </summary>
public static class LeverEffectsCsv
{
    public const string Header = "scenario,baseline,rank,lever,setting,kind,measure_kind,measure,estimate,lower_95,upper_95,replicates";
    public const string BaselineKind = "baseline";
    public const string OutcomeShareKind = "outcome_share";
    public const string EventShareKind = "event_share";
    public const string OutcomeKind = "outcome_share_difference";
    public const string EventKind = "event_share_difference";

    public static void Write(string path, IEnumerable<RankedLeverEffects> tables) => CsvFields.WriteFile(path, writer => Write(writer, tables));

    public static void Write(TextWriter writer, IEnumerable<RankedLeverEffects> tables)
    {
        CsvFields.WriteLine(writer, Header);
        foreach (var table in tables)
        {
            string baseline = string.Join(',', CsvFields.Quote(table.Scenario), CsvFields.Quote(table.Baseline), "0", "", "", BaselineKind);
            for (int o = 0; o < table.BaselineOutcomes.Count; o++)
                WriteShare(writer, baseline, OutcomeShareKind, SimulationVocabulary.Describe(SimulationVocabulary.Outcomes[o]), table.BaselineOutcomes[o]);
            for (int e = 0; e < table.BaselineEvents.Count; e++)
                WriteShare(writer, baseline, EventShareKind, SimulationVocabulary.Describe(LeverEffects.Events[e]), table.BaselineEvents[e]);
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
    }

    private static void WriteShare(TextWriter writer, string prefix, string kind, string measure, Proportion share) =>
        WriteRow(writer, prefix, kind, measure, share.Estimate, share.Lower, share.Upper, share.Total);

    private static void WriteRow(TextWriter writer, string prefix, string kind, string measure, PairedDifference difference) =>
        WriteRow(writer, prefix, kind, measure, difference.Estimate, difference.Lower, difference.Upper, difference.Pairs);

    private static void WriteRow(TextWriter writer, string prefix, string kind, string measure, double estimate, double lower,
        double upper, long replicates) =>
        CsvFields.WriteLine(writer, string.Join(',', prefix, kind, CsvFields.Quote(measure), CsvFields.Number(estimate),
            CsvFields.Number(lower), CsvFields.Number(upper), replicates.ToString(CultureInfo.InvariantCulture)));
}
