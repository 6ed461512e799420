using System.Globalization;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// One piece of a case's observed history that the model is judged against (brief §7). A case is one draw
/// of a stochastic world, so each rule asks whether the observation lies inside the bulk of the simulated
/// distribution over all replicates, not whether the model hits it on the median.
/// </summary>
/// <param name="Source">Where the observation comes from: the report section or the dataset.</param>
public abstract record ObservedFact(string Source)
{
    /// <summary>Share of replicates below which an observed absence or outcome would be a rare draw.</summary>
    public const double NotRare = 0.10;

    /// <summary>What was observed, in plain words: "mission asked to leave".</summary>
    public abstract string Subject { get; }

    /// <summary>When or how it was observed: "month 25", "not by month 48".</summary>
    public abstract string Observation { get; }

    /// <summary>The pass rule, in plain words, for the table's legend.</summary>
    public abstract string Rule { get; }

    /// <summary>Judges the observation against every replicate of one case under its historical policy.</summary>
    public abstract FactJudgment Judge(VariantTally tally);
}

/// <summary>An observation about the month of an event, judged on the distribution of that event's month.</summary>
public abstract record ObservedEvent(EventKind Event, int Month, string Source) : ObservedFact(Source)
{
    public override string Subject => SimulationVocabulary.Describe(Event);

    public override FactJudgment Judge(VariantTally tally)
    {
        var timing = new EventTiming(tally, Event);
        var range = new SimulatedMonths(timing.Quantile(EventAtMonth.CentralLow), timing.Quantile(EventAtMonth.CentralHigh));
        return new FactJudgment(this, timing.ShareBy(Month), timing.Percentile(Month), range, Passes(timing, range));
    }

    private protected abstract bool Passes(EventTiming timing, SimulatedMonths central);
}

/// <summary>The event first happened at <paramref name="Month"/> (a single case's dated history).</summary>
public sealed record EventAtMonth(EventKind Event, int Month, string Source) : ObservedEvent(Event, Month, Source)
{
    // The central 90% of event months: an observation outside it is one the model would produce less than one
    // time in ten, too rare to call the observed history typical of the model.
    public const double CentralLow = 0.05, CentralHigh = 0.95;

    public override string Observation => $"month {Month}";

    public override string Rule => "month m: 5% quantile of simulated months <= m <= 95% quantile (no event counts as later than the horizon)";

    private protected override bool Passes(EventTiming timing, SimulatedMonths central) => central.Contains(Month);
}

/// <summary>The event had not happened by <paramref name="Month"/>.</summary>
public sealed record EventAbsentBy(EventKind Event, int Month, string Source) : ObservedEvent(Event, Month, Source)
{
    public override string Observation => $"not by month {Month}";

    public override string Rule => FormattableString.Invariant($"not by month m: P(not by m) >= {100 * NotRare:0}%");

    private protected override bool Passes(EventTiming timing, SimulatedMonths central) => timing.ShareNotBy(Month) >= NotRare;
}

/// <summary>
/// The event happened by <paramref name="Month"/> in most cases of the class a scenario stands for (the
/// 2010s democratic coups). The class holds several draws, so their majority, not one draw, is the
/// observation, and the model must reproduce it as a majority.
/// </summary>
public sealed record EventInMostCasesBy(EventKind Event, int Month, string Source) : ObservedEvent(Event, Month, Source)
{
    public const double Most = 0.5;

    public override string Observation => $"by month {Month} in most cases";

    public override string Rule => FormattableString.Invariant($"by month m in most cases: P(by m) > {100 * Most:0}%");

    private protected override bool Passes(EventTiming timing, SimulatedMonths central) => timing.ShareBy(Month) > Most;
}

/// <summary>The case stood at <paramref name="Outcome"/> at the end of its observation, compared with the outcome at the horizon.</summary>
public sealed record OutcomeAtHorizon(Outcome Outcome, string Source) : ObservedFact(Source)
{
    public override string Subject => $"outcome: {SimulationVocabulary.Describe(Outcome)}";

    public override string Observation => "at the horizon";

    public override string Rule => FormattableString.Invariant($"outcome at the horizon: P(outcome) >= {100 * NotRare:0}%");

    public override FactJudgment Judge(VariantTally tally)
    {
        double share = tally.Replicates == 0 ? double.NaN : (double)tally.OutcomeCounts[(int)Outcome] / tally.Replicates;
        return new FactJudgment(this, share, null, null, share >= NotRare);
    }
}

/// <summary>
/// A span of simulated event months from the 5% to the 95% quantile; a null end lies later than the horizon
/// (fewer replicates than that quantile saw the event at all).
/// </summary>
public readonly record struct SimulatedMonths(int? Low, int? High)
{
    public bool Contains(int month) => Low is { } low && low <= month && (High is null || month <= High);

    /// <summary>"3 to 41", "3 to &gt;60", or "&gt;60" when even the 5% quantile lies later than the horizon.</summary>
    public string Describe(int horizon)
    {
        string later = FormattableString.Invariant($">{horizon}");
        return Low is not { } low ? later : FormattableString.Invariant($"{low} to {(High is { } high ? high.ToString(CultureInfo.InvariantCulture) : later)}");
    }
}

/// <summary>How the model fared on one observation.</summary>
/// <param name="Fact">The observation judged.</param>
/// <param name="Share">P(event by the observed month), or P(outcome) at the horizon, over all replicates.</param>
/// <param name="Percentile">Where the observed month falls among simulated event months, 0 to 1; null for an outcome.</param>
/// <param name="Central">The central 90% of simulated event months; null for an outcome.</param>
/// <param name="Passed">Whether the observation meets its rule (<see cref="ObservedFact.Rule"/>).</param>
public sealed record FactJudgment(ObservedFact Fact, double Share, double? Percentile, SimulatedMonths? Central, bool Passed);
