namespace UcgSim.Core.Randomness;

/// <summary>
/// One stream per kind of stochastic event. A draw is addressed by (seed, replicate, month, stream),
/// so adding an event to the model never shifts the draws of the others, and a replicate sees the same
/// draws under every policy variant (common random numbers: variant comparisons are paired).
/// </summary>
public enum DrawStream : uint
{
    // Month-0 uncertainties: the conditions a scenario cannot pin down.
    OpennessAtOnset = 1,
    CommitmentAtOnset,
    CouncilLabelsCoup,
    RegionalSuspension,
    CredentialsDecision,

    // Monthly events.
    UsSanctionsActivated,
    RegionalSanctionsAdopted,
    RegionalSanctionsEndorsed,
    MandateDecision,
    TimelineSlips,
    TransitionAgreed,
    TransitionAbandoned,
    TransitionStalls,
    AlternativePartnerInvited,
    EdictIssued,
    OfficialsExpelled,
    TroopRotationObstructed,
    HeadOfMissionPersonaNonGrata,
    MissionAskedToLeave,
    RegionalWithdrawal,
    CoupAttempt,
    CivilWar,
    SupportShock,
    CouncilStatement,
    MissionAdaptsUnaided,

    // Added in model v2. Appended, so the streams above keep their numbers.
    CommitmentSincerity,
    TransitionTimeline,
    LeaderRuns,
    LeaderWins,
    CoupSucceeds,
    ArmedResistance,
    InsurgencyEscalates,
    MissionExitThreat,
    RegionalEnvoyExpelled,
}
