using UcgSim.Core.Numerics;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>Where the authorities stand on handing power back (brief §2: advance, stall or abandon).</summary>
public enum TransitionStage
{
    NoAgreement,
    /// <summary>A timeline with a civilian-led or joint administration is agreed (Mali 2020 within a month).</summary>
    Agreed,
    /// <summary>Elections held and power handed to civilians: the authorities are no longer in charge.</summary>
    HandedOver,
    /// <summary>Elections held and won by the junta's own leader: the authorities stay, now elected.</summary>
    LegitimizedByElection,
}

/// <summary>
/// The military junta or armed group holding power (brief §2) and its monthly choices: advance, stall or
/// abandon a transition; take an alternative security partner; contentious actions against the mission and
/// the regional body; leave the regional organization. Its declared commitment may be insincere, and its
/// openness, alignment and factional rivalry move with events.
/// </summary>
public sealed class DeFactoAuthorities
{
    private readonly double _opennessAtOnset;
    private readonly double _alignmentAtOnset;

    public DeFactoAuthorities(double openness, double declaredCommitment, bool sincere, double insincereShare, double rivalry,
        double alignment, double hostility)
    {
        Sincere = sincere;
        double trueCommitment = sincere ? declaredCommitment : declaredCommitment * insincereShare;
        Openness = _opennessAtOnset = openness;
        DeclaredCommitment = declaredCommitment;
        TransitionCommitment = trueCommitment;
        FactionRivalry = rivalry;
        Alignment = _alignmentAtOnset = alignment;
        Hostility = hostility;
    }

    /// <summary>Openness to working with the UN (mechanism 1): set by who they are, then moved by how they are treated.</summary>
    public double Openness { get; private set; }

    /// <summary>The commitment to a transition they proclaim, which is what agreements are struck on.</summary>
    public double DeclaredCommitment { get; private set; }

    /// <summary>The commitment they act on when it comes to abandoning a transition or running in its election.</summary>
    public double TransitionCommitment { get; private set; }

    /// <summary>Whether the declared commitment was sincere at the takeover; insincere agreements are hollow (brief §4, item 21).</summary>
    public bool Sincere { get; }

    public TransitionStage Stage { get; private set; } = TransitionStage.NoAgreement;
    public double TransitionProgress { get; private set; }

    /// <summary>Months to elections under the timeline agreed, drawn at the agreement.</summary>
    public double AgreedTimelineMonths { get; private set; }

    public bool TimelineSlipped { get; private set; }

    /// <summary>Rivalry between factions (Burhan vs Hemedti; Kabul vs Kandahar): 0 united, 1 armed rivals.</summary>
    public double FactionRivalry { get; private set; }

    /// <summary>0 aligned with Western partners, 1 with alternative partners.</summary>
    public double Alignment { get; private set; }

    /// <summary>Hostility toward the mission: the memory of everything that fed or eased it.</summary>
    public double Hostility { get; private set; }

    public bool HasAlternativePartner { get; private set; }
    public bool LeftRegionalOrganization { get; private set; }

    /// <summary>Steps taken on the escalation ladder (mechanism 13).</summary>
    public int ContentiousActions { get; private set; }

    /// <summary>False once power is handed to elected civilians; a junta legitimized by its own election stays.</summary>
    public bool InPower => Stage != TransitionStage.HandedOver;

    /// <summary>Whether a transition can still be agreed, advanced or abandoned.</summary>
    public bool TransitionOpen => Stage is TransitionStage.NoAgreement or TransitionStage.Agreed;

    /// <summary>The month's choices, in the order the report tells them. Called only while they hold power.</summary>
    public void Act(CountryAfterUcg country, int month)
    {
        if (TransitionOpen) DecideOnTransition(country, month);
        if (!InPower) return;
        SeekAlternativePartner(country, month);
        TakeContentiousActions(country, month);
        ConsiderLeavingRegionalBody(country, month);
        FeedHostility(country);
        EvolveFactions(country);
        EvolveOpennessAndAlignment(country);
    }

    // ---- Transition (mechanisms 3, 11; brief §4 item 21) -------------------------------------------------

    private void DecideOnTransition(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        double entrenchment = c.Entrenchment();
        double erosion = p.CommitmentErosion * (entrenchment - 1);
        TransitionCommitment = Math.Clamp(TransitionCommitment - erosion, 0, 1);
        DeclaredCommitment = Math.Clamp(DeclaredCommitment - erosion, 0, 1);
        // No election is organised, nor a transition agreed, while the country is at war.
        if (c.History.Happened(EventKind.CivilWar)) return;

        if (Stage == TransitionStage.NoAgreement)
        {
            if (!TimelineSlipped
                && c.Random.Occurs(month, DrawStream.TimelineSlips, p.TimelineSlipBase * (1 - TransitionCommitment)))
                TimelineSlipped = true;
            double pressure = c.TransitionPressure();
            double agreement = p.TransitionAgreementBase * DeterministicMath.Exp(p.CommitmentSlope * (DeclaredCommitment - 0.5))
                               * pressure / entrenchment;
            if (c.Random.Occurs(month, DrawStream.TransitionAgreed, agreement)) AgreeTransition(c, month, pressure);
            return;
        }

        double abandonment = p.TransitionAbandonBase * entrenchment * (1 - TransitionCommitment);
        if (c.Random.Occurs(month, DrawStream.TransitionAbandoned, abandonment))
        {
            c.History.Mark(EventKind.TransitionAbandoned, month);
            Stage = TransitionStage.NoAgreement;
            TransitionProgress = 0;
            TimelineSlipped = true;
            return;
        }
        bool stalls = c.Random.Occurs(month, DrawStream.TransitionStalls, p.TransitionStallBase * (entrenchment - 1) / entrenchment);
        if (stalls) return;
        TransitionProgress = Math.Min(1, TransitionProgress + 1 / AgreedTimelineMonths);
        if (TransitionProgress >= 1) HoldElections(c, month, entrenchment);
    }

    /// <summary>
    /// The timeline is what commitment and pressure make possible: from about six months for committed leaders
    /// under pressure to several years (brief §4 item 3: 2010s handovers within 16 months; Mali 2021's five years).
    /// </summary>
    private void AgreeTransition(CountryAfterUcg c, int month, double pressure)
    {
        var p = c.Parameters;
        Stage = TransitionStage.Agreed;
        TransitionProgress = 0;
        AgreedTimelineMonths = p.TimelineShortestMonths + p.TimelineSpanMonths
            * c.Random.Uniform(month, DrawStream.TransitionTimeline) * (1 - DeclaredCommitment) * 2 / (1 + pressure);
        c.History.Mark(EventKind.TransitionAgreed, month);
        if (!Sincere) c.AgreementIsHollow(month);
    }

    /// <summary>
    /// Whether the junta's leader runs is what separates a handover from a legitimized junta. The AU charter
    /// bars perpetrators of a UCG from the elections that restore order (ACDEG 2007, art. 25(4)), so a strong
    /// regional norm deters candidacies while the country stays a member.
    /// </summary>
    private void HoldElections(CountryAfterUcg c, int month, double entrenchment)
    {
        var p = c.Parameters;
        double deterrence = c.Region.Exists && !LeftRegionalOrganization ? p.CandidacyNormDeterrence * c.Region.NormStrength : 0;
        double candidacy = (1 - TransitionCommitment) * (p.CandidacyBase + p.CandidacyEntrenchment * (entrenchment - 1))
                           * (1 - deterrence);
        bool runs = c.Random.Occurs(month, DrawStream.LeaderRuns, candidacy);
        if (runs && c.Random.Occurs(month, DrawStream.LeaderWins, p.LeaderWinBase + (1 - p.LeaderWinBase) * c.Population.MandateSupport))
        {
            Stage = TransitionStage.LegitimizedByElection;
            c.History.Mark(EventKind.JuntaLeaderElected, month);
            return;
        }
        Stage = TransitionStage.HandedOver;
        c.History.Mark(EventKind.CivilianRuleRestored, month);
    }

    // ---- Partners, contentious actions and the regional body (mechanisms 2, 5, 8, 13) --------------------

    private void SeekAlternativePartner(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        if (!c.Scenario.AlternativePartnerAvailable || HasAlternativePartner) return;
        double russia = c.Council.Member(PermanentMemberName.Russia).Stance;
        double invitation = p.AlternativePartnerBase * c.EarlyRestraint(month)
                            * (1 + p.RussiaOfferFactor * Math.Max(0, russia))
                            * (1 + (c.UnderSanctions ? p.SanctionsPartnerFactor : 0))
                            * (0.5 + Alignment);
        if (!c.Random.Occurs(month, DrawStream.AlternativePartnerInvited, invitation)) return;
        HasAlternativePartner = true;
        Alignment = Math.Min(1, Alignment + p.AlternativePartnerAlignmentShift);
        TakeContentiousAction(p.EscalationHostilityStep);
        c.Council.Polarize(p.AlternativePartnerPolarization);
        c.History.Mark(EventKind.AlternativePartnerInvited, month);
    }

    /// <summary>
    /// The escalation ladder (mechanism 13), held back in the first months (mechanism 2) and emboldened by a
    /// divided Council (Lessons: polarization let coup leaders make conditions difficult for missions).
    /// </summary>
    private void TakeContentiousActions(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        double intensity = p.ContentionBase * c.EarlyRestraint(month)
                           * DeterministicMath.Exp(p.ContentionHostilitySlope * (Hostility - 0.5))
                           * (1 + p.EscalationLadderBonus * ContentiousActions)
                           * (1 + p.PolarizationEmboldening * c.Council.Polarization);
        if (TryContentiousAction(c, month, EventKind.EdictIssued, DrawStream.EdictIssued, intensity * p.EdictWeight))
            c.Mission.EdictDividesPresence(c, month);
        if (c.Mission.InCountry)
        {
            TryContentiousAction(c, month, EventKind.OfficialsExpelled, DrawStream.OfficialsExpelled,
                intensity * p.OfficialsExpulsionWeight);
            if (c.Mission.IsPeacekeeping)
                TryContentiousAction(c, month, EventKind.TroopRotationObstructed, DrawStream.TroopRotationObstructed,
                    intensity * p.RotationObstructionWeight * (1 + c.Region.Hardness));
            if (TryContentiousAction(c, month, EventKind.HeadOfMissionPersonaNonGrata, DrawStream.HeadOfMissionPersonaNonGrata,
                    intensity * p.PersonaNonGrataWeight))
                c.Mission.DeclareHeadPersonaNonGrata();
            if (TryContentiousAction(c, month, EventKind.MissionAskedToLeave, DrawStream.MissionAskedToLeave,
                    intensity * p.WithdrawalDemandWeight))
                c.Mission.Leave(month);
        }
        c.Region.ConsiderExpellingEnvoy(c, month, Hostility);
    }

    /// <summary>Each rung of the ladder is recorded once; taking it hardens positions further.</summary>
    private bool TryContentiousAction(CountryAfterUcg c, int month, EventKind kind, DrawStream stream, double probability)
    {
        if (c.History.Happened(kind) || !c.Random.Occurs(month, stream, probability)) return false;
        TakeContentiousAction(c.Parameters.EscalationHostilityStep);
        c.History.Mark(kind, month);
        return true;
    }

    public void TakeContentiousAction(double hostilityStep)
    {
        ContentiousActions++;
        ShiftHostility(hostilityStep);
    }

    private void ConsiderLeavingRegionalBody(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        var region = c.Region;
        if (!region.CanBeLeft || LeftRegionalOrganization || !(region.Suspended || region.Sanctions != SanctionsLevel.None)) return;
        double withdrawal = p.RegionalWithdrawalBase * c.EarlyRestraint(month)
                            * (1 + (region.Sanctions == SanctionsLevel.Harsh ? p.HarshSanctionsWithdrawalFactor : 0)
                                 + (region.InterventionThreatened ? p.InterventionThreatWithdrawalFactor : 0))
                            * (1 + (HasAlternativePartner ? p.AlternativePartnerWithdrawalFactor : 0))
                            * (1.5 - region.Relationship);
        if (!c.Random.Occurs(month, DrawStream.RegionalWithdrawal, withdrawal)) return;
        LeftRegionalOrganization = true;
        region.Left();
        c.History.Mark(EventKind.RegionalWithdrawal, month);
    }

    // ---- What moves the authorities' own state ------------------------------------------------------------

    /// <summary>Hostility toward the mission (mechanisms 7, 9, 11, 12): what the mission does and what it cannot deliver.</summary>
    private void FeedHostility(CountryAfterUcg c)
    {
        var p = c.Parameters;
        var mission = c.Mission;
        double change = -p.HostilityRelaxation * Hostility;
        if (HasAlternativePartner) change += p.AlternativePartnerHostility;
        if (mission.InCountry)
        {
            if (c.Variant.HumanRightsReporting == HumanRightsReporting.PublicReporting) change += p.PublicReportingHostility;
            change += p.MisfitHostility * mission.MandateFit.Misfit;
            if (mission.Tasks.HasFlag(MandateTasks.AidCoordination) && !mission.MandateRealigned)
                change += p.AidMobilizationTension * Math.Max(0, 1 - c.Donors.NetAid);
            if (!mission.StrategyAdapted) change += p.AssumptionMismatchHostility * (1 - TransitionCommitment);
            change -= p.PragmaticHostilityRelief * c.EffectiveEngagement * c.ContactProtocol;
            // Tied to a hard-line regional body, the mission shares its unpopularity with the authorities (mechanism 6).
            if (c.LinkedToRegionalBody) change += p.LinkingHostility * c.Region.Hardness;
        }
        ShiftHostility(change);
    }

    /// <summary>
    /// Rivalry grows on itself and on outside patrons' backing (brief §4 item 18), and falls as the dominant
    /// faction consolidates; a failed coup's purge cuts it at once (<see cref="PurgeAfterFailedCoup"/>).
    /// </summary>
    private void EvolveFactions(CountryAfterUcg c)
    {
        var p = c.Parameters;
        double change = p.RivalryGrowth * FactionRivalry * FactionRivalry * (1 + c.Population.Hardship)
                        + p.PatronRivalryGrowth * c.Scenario.RivalPatrons
                        - p.RivalryConsolidation * FactionRivalry;
        FactionRivalry = Math.Clamp(FactionRivalry + change, 0, 1);
    }

    /// <summary>
    /// After the first months, how the authorities are treated moves who they are (mechanism 1): engagement opens
    /// them, punishment closes them, and Western punishment and aid cuts pull them toward alternative partners.
    /// </summary>
    private void EvolveOpennessAndAlignment(CountryAfterUcg c)
    {
        var p = c.Parameters;
        double punishment = (c.Region.Hardness + (c.History.Happened(EventKind.UsTargetedSanctions) ? 0.5 : 0)) / 1.5;
        double opennessTarget = _opennessAtOnset + p.EngagementOpenness * (c.EffectiveEngagement - 0.5)
                                - p.PunishmentOpenness * punishment;
        Openness = Math.Clamp(Openness + p.OpennessDrift * (opennessTarget - Openness), 0, 1);

        double alignmentTarget = _alignmentAtOnset + (HasAlternativePartner ? p.AlternativePartnerAlignmentShift : 0)
                                 + p.PunishmentAlignment * Math.Max(0, -c.Council.WesternStance)
                                 + p.AidCutAlignment * c.Donors.TraditionalAidLost;
        Alignment = Math.Clamp(Alignment + p.AlignmentDrift * (alignmentTarget - Alignment), 0, 1);
    }

    public void ShiftHostility(double change) => Hostility = Math.Clamp(Hostility + change, 0, 1);

    /// <summary>
    /// A failed coup attempt (brief §6): the purge that follows weakens the rival faction, the leaders tighten
    /// their grip on the transition, and blame foreign hands.
    /// </summary>
    public void PurgeAfterFailedCoup(double rivalryCut, double commitmentLoss, double hostility)
    {
        FactionRivalry *= 1 - rivalryCut;
        TransitionCommitment = Math.Max(0, TransitionCommitment - commitmentLoss);
        ShiftHostility(hostility);
    }
}
