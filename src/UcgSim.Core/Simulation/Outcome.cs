namespace UcgSim.Core.Simulation;

/// <summary>Where a replicate ends (brief §6). A counter-coup ends a replicate; after the outbreak of a civil war the replicate goes on, its outcome fixed as civil war unless a counter-coup follows.</summary>
public enum Outcome : byte
{
    /// <summary>Power handed to an elected civilian government and still held at the horizon.</summary>
    TransitionToCivilianRule,
    /// <summary>The de facto authorities still hold power at the horizon.</summary>
    Entrenched,
    /// <summary>A further successful coup against the new authorities (the coup trap).</summary>
    CounterCoup,
    /// <summary>Factional rivalry turned into armed conflict.</summary>
    CivilWar,
}

/// <summary>The dated events every replicate records (brief §6). The month is that of the first occurrence.</summary>
public enum EventKind
{
    TransitionAgreed,
    CivilianRuleRestored,
    CounterCoup,
    /// <summary>The first coup attempt against the new authorities, successful or failed.</summary>
    CoupAttempt,
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
        Outcome.Entrenched => "entrenched authorities",
        Outcome.CounterCoup => "counter-coup",
        _ => "civil war",
    };

    public static string Describe(EventKind kind) => kind switch
    {
        EventKind.TransitionAgreed => "transition agreed",
        EventKind.CivilianRuleRestored => "civilian rule restored",
        EventKind.CounterCoup => "counter-coup",
        EventKind.CoupAttempt => "coup attempt",
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
        _ => "strategic assessment",
    };

    public static string Describe(TrajectoryMeasure measure) => measure switch
    {
        TrajectoryMeasure.PopularSupport => "popular support for the authorities",
        TrajectoryMeasure.MissionRelationship => "mission's relationship with the authorities",
        TrajectoryMeasure.AidLevel => "net aid (share of pre-UCG level)",
        _ => "hardship",
    };
}
