namespace UcgSim.Core.Simulation;

/// <summary>
/// Where a replicate ends (brief §6). A successful counter-coup ends a replicate. After the outbreak of a civil war
/// the replicate goes on with its outcome fixed as civil war: at war, power no longer changes hands by coup.
/// </summary>
public enum Outcome : byte
{
    /// <summary>Power handed to an elected civilian government (the junta's leader did not run, or ran and lost), still held at the horizon.</summary>
    TransitionToCivilianRule,
    /// <summary>
    /// The transition ended in an election the junta's own leader ran in and won (Chad 2024, Gabon 2025): the
    /// authorities stay, now legitimized, which is not a return to civilian rule.
    /// </summary>
    ElectionLegitimizedAuthorities,
    /// <summary>The de facto authorities still hold power at the horizon without an election.</summary>
    Entrenched,
    /// <summary>A further successful coup against the new authorities (the coup trap).</summary>
    CounterCoup,
    /// <summary>Armed conflict over the state: rivals inside the authorities, armed resistance, or an insurgency escalating.</summary>
    CivilWar,
}

/// <summary>The dated events every replicate records (brief §6). The month is that of the first occurrence.</summary>
public enum EventKind
{
    /// <summary>A timeline agreed and a civilian-led or joint transitional administration installed.</summary>
    TransitionAgreed,
    /// <summary>Power handed to elected civilians; the junta's leader did not run, or ran and lost.</summary>
    CivilianRuleRestored,
    /// <summary>The authorities abandoned an agreed transition (Mali 2021 did not meet the agreed timeline).</summary>
    TransitionAbandoned,
    /// <summary>The junta's leader won the election that closed the transition.</summary>
    JuntaLeaderElected,
    /// <summary>The first coup attempt against the authorities of the day, successful or not.</summary>
    CoupAttempt,
    FailedCoupAttempt,
    /// <summary>A successful coup against the authorities of the day (the coup trap); it ends the replicate.</summary>
    CounterCoup,
    CivilWar,
    MissionAskedToLeave,
    HeadOfMissionPersonaNonGrata,
    RegionalSuspension,
    RegionalSanctionsImposed,
    RegionalSanctionsLifted,
    RegionalWithdrawal,
    RegionalReadmission,
    MandateUpdated,
    /// <summary>A press or presidential statement calling for a return to constitutional order.</summary>
    CouncilStatement,
    AlternativePartnerInvited,
    EdictIssued,
    OfficialsExpelled,
    TroopRotationObstructed,
    UsTargetedSanctions,
    StrategicAssessment,
    /// <summary>The Secretariat threatened or proposed the mission's withdrawal (its own exit option).</summary>
    MissionExitThreatened,
    /// <summary>A contentious edict split the mission from the humanitarian agencies: the UN no longer speaks as one.</summary>
    UnPresenceDivided,
    /// <summary>An agreement by insincere authorities that the UN welcomed and civil society rejected.</summary>
    HollowAgreement,
    /// <summary>The regional organization's envoy declared persona non grata.</summary>
    RegionalEnvoyPersonaNonGrata,
}

/// <summary>Monthly quantities whose spread over replicates is reported as quantile bands (brief §6).</summary>
public enum TrajectoryMeasure
{
    PopularSupport,
    MissionRelationship,
    AidLevel,
    Hardship,
}

public static class SimulationVocabulary
{
    public static readonly Outcome[] Outcomes = Enum.GetValues<Outcome>();
    public static readonly EventKind[] Events = Enum.GetValues<EventKind>();
    public static readonly TrajectoryMeasure[] Measures = Enum.GetValues<TrajectoryMeasure>();

    /// <summary>Plain words for tables, CSV and plot legends.</summary>
    public static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.TransitionToCivilianRule => "transition to civilian rule",
        Outcome.ElectionLegitimizedAuthorities => "authorities legitimized by election",
        Outcome.Entrenched => "entrenched authorities",
        Outcome.CounterCoup => "counter-coup",
        _ => "civil war",
    };

    public static string Describe(EventKind kind) => kind switch
    {
        EventKind.TransitionAgreed => "transition agreed",
        EventKind.CivilianRuleRestored => "civilian rule restored",
        EventKind.TransitionAbandoned => "transition abandoned",
        EventKind.JuntaLeaderElected => "junta leader elected",
        EventKind.CoupAttempt => "coup attempt",
        EventKind.FailedCoupAttempt => "failed coup attempt",
        EventKind.CounterCoup => "counter-coup",
        EventKind.CivilWar => "civil war",
        EventKind.MissionAskedToLeave => "mission asked to leave",
        EventKind.HeadOfMissionPersonaNonGrata => "head of mission persona non grata",
        EventKind.RegionalSuspension => "regional suspension",
        EventKind.RegionalSanctionsImposed => "regional sanctions imposed",
        EventKind.RegionalSanctionsLifted => "regional sanctions lifted",
        EventKind.RegionalWithdrawal => "withdrawal from regional body",
        EventKind.RegionalReadmission => "readmission to regional body",
        EventKind.MandateUpdated => "mandate updated",
        EventKind.CouncilStatement => "Council statement",
        EventKind.AlternativePartnerInvited => "alternative partner invited",
        EventKind.EdictIssued => "contentious edict",
        EventKind.OfficialsExpelled => "mission officials expelled",
        EventKind.TroopRotationObstructed => "troop rotation obstructed",
        EventKind.UsTargetedSanctions => "US targeted sanctions",
        EventKind.StrategicAssessment => "strategic assessment",
        EventKind.MissionExitThreatened => "mission withdrawal threatened",
        EventKind.UnPresenceDivided => "UN presence divided",
        EventKind.HollowAgreement => "hollow agreement",
        _ => "regional envoy persona non grata",
    };

    public static string Describe(TrajectoryMeasure measure) => measure switch
    {
        TrajectoryMeasure.PopularSupport => "popular support for the authorities",
        TrajectoryMeasure.MissionRelationship => "mission's relationship with the authorities",
        TrajectoryMeasure.AidLevel => "net aid (share of pre-UCG level)",
        _ => "hardship",
    };
}
