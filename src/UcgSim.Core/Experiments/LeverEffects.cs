using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>Who holds a lever of the brief (§5), or that it is no one's lever but a condition of the country (§3).</summary>
public enum LeverKind
{
    /// <summary>A choice of the mission or the Secretariat: posture, engagement, assessment, linking, One UN, reporting, tasks, exit.</summary>
    MissionLever,
    /// <summary>A choice of another actor: the regional body, the Council, donors, the P5, the General Assembly's credentials.</summary>
    OtherActorsLever,
    /// <summary>A month-0 condition of the scenario, which no actor chooses.</summary>
    StructuralCondition,
}

/// <summary>
/// One change compared with the baseline: one lever of the baseline variant set another way, or one condition of
/// the scenario changed, everything else as the baseline has it.
/// </summary>
/// <param name="Lever">The <see cref="PolicyVariant"/> or <see cref="ScenarioConditions"/> property changed.</param>
/// <param name="Value">Its value in this change; null for none (no strategic assessment).</param>
/// <param name="Kind">Whose lever it is.</param>
/// <param name="Scenario">The scenario the change runs on.</param>
/// <param name="Variant">The variant the change runs under.</param>
public sealed record LeverChange(string Lever, object? Value, LeverKind Kind, ScenarioConditions Scenario, PolicyVariant Variant);

/// <summary>
/// What one change does: the paired difference from the baseline (change minus baseline, same replicate indices) in
/// each outcome's share at the horizon, and in the share of replicates in which each of
/// <see cref="LeverEffects.Events"/> happened.
/// </summary>
public sealed record LeverEffect(LeverChange Change, IReadOnlyList<PairedDifference> Outcomes, IReadOnlyList<PairedDifference> Events)
{
    /// <summary>The largest absolute difference in any outcome's share: the key the effects are ranked by.</summary>
    public double LargestOutcomeEffect => Outcomes.Max(difference => Math.Abs(difference.Estimate));

    /// <summary>
    /// True when no replicate ended otherwise, nor saw either event otherwise, than under the baseline: the change
    /// does not act in this scenario and baseline (intervention threats where no body can threaten them).
    /// </summary>
    public bool Inert => Outcomes.Concat(Events).All(difference => difference is { Estimate: 0, Lower: 0, Upper: 0 });
}

/// <summary>The baseline's shares (each outcome at the horizon, and each of <see cref="LeverEffects.Events"/>) and the ranked effects.</summary>
public sealed record LeverEffectsTable(
    IReadOnlyList<Proportion> BaselineOutcomes, IReadOnlyList<Proportion> BaselineEvents, IReadOnlyList<LeverEffect> Effects);

/// <summary>
/// Which levers matter: every lever of the brief (§5) changed one at a time from a baseline variant, and the
/// structural conditions of the scenario changed one at a time from the scenario's values, each run over the same
/// replicate indices as the baseline (common random numbers), so that each difference is paired.
/// </summary>
public static class LeverEffects
{
    /// <summary>The events reported beside the outcomes: whether a transition was agreed, and the mission asked to leave.</summary>
    public static readonly IReadOnlyList<EventKind> Events = [EventKind.TransitionAgreed, EventKind.MissionAskedToLeave];

    // The strategic assessment compared with none comes at month 3, as in the pragmatic-engagement variant; sanctions
    // under the atMonth trigger move to month 3 (from the default 7), or to a year where the baseline has month 3.
    private const int EarlyMonth = 3;
    private const int LateMonth = 12;

    /// <summary>Plain words for tables and CSV files.</summary>
    public static string Describe(LeverKind kind) => kind switch
    {
        LeverKind.MissionLever => "mission lever",
        LeverKind.OtherActorsLever => "other actors' lever",
        _ => "structural condition",
    };

    /// <summary>
    /// The changes compared with <paramref name="baseline"/> on <paramref name="scenario"/>: for a lever with
    /// choices, each choice the baseline does not make; for a yes-or-no lever, the other answer; for the strategic
    /// assessment, month 3 instead of none (or none instead of the baseline's month); for the month of sanctions under
    /// the atMonth trigger, month 3 (or 12 instead of 3); for the conditions, the values the report's argument turns
    /// on, leaving out any the scenario already has.
    /// </summary>
    public static IReadOnlyList<LeverChange> ChangesFrom(ScenarioConditions scenario, PolicyVariant baseline)
    {
        const LeverKind mission = LeverKind.MissionLever, others = LeverKind.OtherActorsLever;
        var b = baseline;
        var s = scenario;
        var changes = new List<LeverChange>();

        void Lever<T>(string name, LeverKind kind, T current, IEnumerable<T> values, Func<PolicyVariant, T, PolicyVariant> set) =>
            changes.AddRange(values.Where(value => !EqualityComparer<T>.Default.Equals(value, current))
                .Select(value => new LeverChange(name, value, kind, s, set(b, value))));
        void Choice<T>(string name, LeverKind kind, T current, Func<PolicyVariant, T, PolicyVariant> set) where T : struct, Enum =>
            Lever(name, kind, current, Enum.GetValues<T>(), set);
        void Flip(string name, LeverKind kind, bool current, Func<PolicyVariant, bool, PolicyVariant> set) =>
            Lever(name, kind, current, [!current], set);
        void Condition<T>(string name, T current, IEnumerable<T> values, Func<ScenarioConditions, T, ScenarioConditions> set) =>
            changes.AddRange(values.Where(value => !EqualityComparer<T>.Default.Equals(value, current))
                .Select(value => new LeverChange(name, value, LeverKind.StructuralCondition, set(s, value), b)));

        Choice(nameof(PolicyVariant.MissionPosture), mission, b.MissionPosture, (v, x) => v with { MissionPosture = x });
        Choice(nameof(PolicyVariant.EngagementLevel), mission, b.EngagementLevel, (v, x) => v with { EngagementLevel = x });
        Lever<int?>(nameof(PolicyVariant.StrategicAssessmentMonth), mission, b.StrategicAssessmentMonth,
            [b.StrategicAssessmentMonth is null ? EarlyMonth : null], (v, x) => v with { StrategicAssessmentMonth = x });
        Choice(nameof(PolicyVariant.RegionalLinking), mission, b.RegionalLinking, (v, x) => v with { RegionalLinking = x });
        Flip(nameof(PolicyVariant.OneUnIntegration), mission, b.OneUnIntegration, (v, x) => v with { OneUnIntegration = x });
        Choice(nameof(PolicyVariant.HumanRightsReporting), mission, b.HumanRightsReporting, (v, x) => v with { HumanRightsReporting = x });
        Choice(nameof(PolicyVariant.MandateTaskHandling), mission, b.MandateTaskHandling, (v, x) => v with { MandateTaskHandling = x });
        Choice(nameof(PolicyVariant.ExitOption), mission, b.ExitOption, (v, x) => v with { ExitOption = x });

        Flip(nameof(PolicyVariant.RegionalSuspension), others, b.RegionalSuspension, (v, x) => v with { RegionalSuspension = x });
        Choice(nameof(PolicyVariant.RegionalSanctions), others, b.RegionalSanctions, (v, x) => v with { RegionalSanctions = x });
        Choice(nameof(PolicyVariant.SanctionsTrigger), others, b.SanctionsTrigger, (v, x) => v with { SanctionsTrigger = x });
        Lever(nameof(PolicyVariant.SanctionsMonth), others, b.SanctionsMonth,
            [b.SanctionsMonth == EarlyMonth ? LateMonth : EarlyMonth], (v, x) => v with { SanctionsMonth = x });
        Choice(nameof(PolicyVariant.SanctionsLifting), others, b.SanctionsLifting, (v, x) => v with { SanctionsLifting = x });
        Flip(nameof(PolicyVariant.SanctionsEscalation), others, b.SanctionsEscalation, (v, x) => v with { SanctionsEscalation = x });
        Flip(nameof(PolicyVariant.InterventionThreat), others, b.InterventionThreat, (v, x) => v with { InterventionThreat = x });
        Flip(nameof(PolicyVariant.RegionalDialogue), others, b.RegionalDialogue, (v, x) => v with { RegionalDialogue = x });
        Choice(nameof(PolicyVariant.CouncilResponse), others, b.CouncilResponse, (v, x) => v with { CouncilResponse = x });
        Choice(nameof(PolicyVariant.DonorResponse), others, b.DonorResponse, (v, x) => v with { DonorResponse = x });
        Choice(nameof(PolicyVariant.P5TargetedSanctions), others, b.P5TargetedSanctions, (v, x) => v with { P5TargetedSanctions = x });
        Choice(nameof(PolicyVariant.Credentials), others, b.Credentials, (v, x) => v with { Credentials = x });

        // The conditions the report's argument turns on: alternative partners and popular support (entrenchment,
        // 'Recent Trends'), the regional norm (Box 4), Council polarization before and after February 2022
        // ('Navigating Geopolitics'), rivalry (Sudan), an insurgency (the Sahel) and patrons of rival factions (Lessons).
        Condition(nameof(ScenarioConditions.AlternativePartnerAvailable), s.AlternativePartnerAvailable, [!s.AlternativePartnerAvailable],
            (c, x) => c with { AlternativePartnerAvailable = x });
        Condition(nameof(ScenarioConditions.PopularSupport), s.PopularSupport, [0.2, 0.8], (c, x) => c with { PopularSupport = x });
        Condition(nameof(ScenarioConditions.RegionalSetting), s.RegionalSetting,
            [RegionalSetting.None, RegionalSetting.AfricanUnionAndStrongCommunity], (c, x) => c with { RegionalSetting = x });
        Condition(nameof(ScenarioConditions.CouncilPolarization), s.CouncilPolarization, [0.3, 0.9], (c, x) => c with { CouncilPolarization = x });
        Condition(nameof(ScenarioConditions.FactionRivalry), s.FactionRivalry, [0.6], (c, x) => c with { FactionRivalry = x });
        Condition(nameof(ScenarioConditions.InsurgencyActive), s.InsurgencyActive, [!s.InsurgencyActive], (c, x) => c with { InsurgencyActive = x });
        Condition(nameof(ScenarioConditions.RivalPatrons), s.RivalPatrons, [0.7], (c, x) => c with { RivalPatrons = x });
        return changes;
    }

    /// <summary>
    /// Runs every change of <see cref="ChangesFrom"/> for scenario <paramref name="scenarioIndex"/> of
    /// <paramref name="experiment"/> against its first variant, over the experiment's replicates, seed, horizon and
    /// parameters, and returns the baseline's shares and the effects ranked by
    /// <see cref="LeverEffect.LargestOutcomeEffect"/>, largest first (ties in the order of <see cref="ChangesFrom"/>).
    /// Totals are integer sums merged in block order, so they do not depend on the number of threads.
    /// </summary>
    public static LeverEffectsTable Estimate(Experiment experiment, int scenarioIndex, int threads,
        IProgress<RunProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(experiment.Replicates, 1);
        var scenario = experiment.Scenarios[scenarioIndex];
        var changes = ChangesFrom(scenario, experiment.Variants[0]);
        var totals = new PairedTotals(changes.Count);
        long blocks = (experiment.Replicates + ExperimentRunner.BlockSize - 1) / ExperimentRunner.BlockSize;
        long histories = experiment.Replicates * (changes.Count + 1);
        long done = 0;
        int wave = threads * 4;

        for (long first = 0; first < blocks; first += wave)
        {
            int count = (int)Math.Min(wave, blocks - first);
            var results = new PairedTotals[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads },
                i => results[i] = RunBlock(experiment, scenario, changes, first + i));
            foreach (var block in results)
            {
                totals.Add(block);
                done += block.Pairs * (changes.Count + 1);
            }
            progress?.Report(new RunProgress(done, histories));
        }

        int outcomes = SimulationVocabulary.Outcomes.Length;
        var effects = changes
            .Select((change, row) => new LeverEffect(change,
                Enumerable.Range(0, outcomes).Select(measure => totals.Difference(row, measure)).ToList(),
                Enumerable.Range(outcomes, Events.Count).Select(measure => totals.Difference(row, measure)).ToList()))
            .OrderByDescending(effect => effect.LargestOutcomeEffect)
            .ToList();
        return new LeverEffectsTable(
            Enumerable.Range(0, outcomes).Select(totals.BaselineShare).ToList(),
            Enumerable.Range(outcomes, Events.Count).Select(totals.BaselineShare).ToList(),
            effects);
    }

    /// <summary>The median of <see cref="LeverEffect.LargestOutcomeEffect"/> over the effects of one kind; null if there are none.</summary>
    public static double? MedianLargestEffect(IEnumerable<LeverEffect> effects, LeverKind kind)
    {
        double[] sizes = effects.Where(effect => effect.Change.Kind == kind).Select(effect => effect.LargestOutcomeEffect).Order().ToArray();
        if (sizes.Length == 0) return null;
        int middle = sizes.Length / 2;
        return sizes.Length % 2 == 1 ? sizes[middle] : (sizes[middle - 1] + sizes[middle]) / 2;
    }

    private static PairedTotals RunBlock(Experiment experiment, ScenarioConditions scenario, IReadOnlyList<LeverChange> changes, long block)
    {
        long start = experiment.FirstReplicate + block * ExperimentRunner.BlockSize;
        long end = Math.Min(start + ExperimentRunner.BlockSize, experiment.FirstReplicate + experiment.Replicates);
        var totals = new PairedTotals(changes.Count);
        for (long replicate = start; replicate < end; replicate++)
        {
            // The replicate index alone keys the draws, so the baseline and every change see the same stream.
            var random = new ReplicateRandom(experiment.Seed, replicate);
            var baseline = CountryAfterUcg.Simulate(scenario, experiment.Variants[0], experiment.Parameters, random, experiment.Horizon);
            totals.AddBaseline(baseline);
            for (int row = 0; row < changes.Count; row++)
                totals.AddPair(row, CountryAfterUcg.Simulate(changes[row].Scenario, changes[row].Variant, experiment.Parameters, random,
                    experiment.Horizon), baseline);
        }
        return totals;
    }

    // Per measure (the outcomes, then Events), the baseline's count; per change and measure, the sum of
    // (change - baseline) indicators and of their squares.
    private sealed class PairedTotals(int changes)
    {
        private static readonly int Measures = SimulationVocabulary.Outcomes.Length + Events.Count;
        private readonly long[] _baseline = new long[Measures];
        private readonly long[] _sums = new long[changes * Measures];
        private readonly long[] _squares = new long[changes * Measures];

        public long Pairs { get; private set; }

        public void AddBaseline(ReplicateHistory baseline)
        {
            Pairs++;
            for (int measure = 0; measure < Measures; measure++) _baseline[measure] += Indicator(baseline, measure);
        }

        public void AddPair(int row, ReplicateHistory changed, ReplicateHistory baseline)
        {
            for (int measure = 0; measure < Measures; measure++)
            {
                int difference = Indicator(changed, measure) - Indicator(baseline, measure);
                _sums[row * Measures + measure] += difference;
                _squares[row * Measures + measure] += difference * difference;
            }
        }

        public void Add(PairedTotals other)
        {
            Pairs += other.Pairs;
            for (int measure = 0; measure < Measures; measure++) _baseline[measure] += other._baseline[measure];
            for (int i = 0; i < _sums.Length; i++)
            {
                _sums[i] += other._sums[i];
                _squares[i] += other._squares[i];
            }
        }

        public Proportion BaselineShare(int measure) => Proportion.Wilson(_baseline[measure], Pairs);

        public PairedDifference Difference(int row, int measure) =>
            PairedDifference.FromSums(Pairs, _sums[row * Measures + measure], _squares[row * Measures + measure]);

        private static int Indicator(ReplicateHistory history, int measure)
        {
            int outcomes = SimulationVocabulary.Outcomes.Length;
            bool happened = measure < outcomes
                ? history.Outcome == (Outcome)measure
                : history.Happened(Events[measure - outcomes]);
            return happened ? 1 : 0;
        }
    }
}
