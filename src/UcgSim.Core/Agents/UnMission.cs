using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>
/// The UN peace operation (brief §2): its mandate and how well each task still fits, its relationship with
/// the authorities, the trust of civil society, its credibility and the coherence of the UN presence. Its
/// choices (posture, assessment, linking, reporting, task freezes, the exit option) are the variant's levers.
/// </summary>
public sealed class UnMission
{
    private static readonly MandateTasks[] AllTasks = Enum.GetValues<MandateTasks>();
    private readonly double _baseCoherence;

    public UnMission(UnPresence presence, int personnel, MandateTasks tasks, double civilSocietyTrust, double coherence)
    {
        CivilSocietyTrust = civilSocietyTrust;
        Presence = presence;
        Personnel = personnel;
        Tasks = tasks;
        InCountry = presence != UnPresence.None;
        Coherence = _baseCoherence = coherence;
    }

    public UnPresence Presence { get; }
    public int Personnel { get; }
    public MandateTasks Tasks { get; }

    /// <summary>Whether a mission was in the field at the UCG, which puts the country on the Council's agenda.</summary>
    public bool PresentAtOnset => Presence != UnPresence.None;

    /// <summary>False with no field presence, or once the authorities have made the mission leave.</summary>
    public bool InCountry { get; private set; }

    /// <summary>The month the mission was made to leave, or null.</summary>
    public int? MonthLeft { get; private set; }

    public double Relationship { get; set; } = 0.5;
    public double CivilSocietyTrust { get; private set; }
    public double Credibility { get; private set; } = 1;
    public bool MandateRealigned { get; private set; }
    public bool StrategyAdapted { get; private set; }
    public bool HeadOfMissionPersonaNonGrata { get; private set; }
    public bool ExitThreatened { get; private set; }

    /// <summary>Share of the UN's leverage kept by how far it speaks as one (mechanism 15, brief §4 item 20).</summary>
    public double Coherence { get; private set; }

    /// <summary>How the mandate fits this month; assessed in <see cref="Acts"/>.</summary>
    public MandateFit MandateFit { get; private set; }

    public bool IsPeacekeeping => Presence == UnPresence.PeacekeepingOperation;

    /// <summary>The month's choices and the state they move (mechanisms 6, 7, 10, 11, 12, 15; brief §4 item 17).</summary>
    public void Acts(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        var variant = c.Variant;
        if (variant.StrategicAssessmentMonth is int assessmentMonth && month >= Math.Max(1, assessmentMonth)
            && !c.History.Happened(EventKind.StrategicAssessment) && InCountry)
        {
            c.History.Mark(EventKind.StrategicAssessment, month);
            StrategyAdapted = true;
        }
        if (!StrategyAdapted && c.Random.Occurs(month, DrawStream.MissionAdaptsUnaided, 1 / p.UnaidedAdaptationMonths))
            StrategyAdapted = true;

        MandateFit = InCountry
            ? AssessMandate(p, c.Scenario.UcgType, c.Authorities.TransitionCommitment, c.Donors.NetAid, variant.MandateTaskHandling)
            : default;
        double support = c.Population.Support;
        double engagement = c.EffectiveEngagement;

        // Refusing to engage popular authorities costs the mission its own legitimacy (mechanism 10).
        Credibility = Math.Clamp(Credibility + p.CredibilityRecovery * (1 - Credibility)
            - p.MisfitCredibilityErosion * MandateFit.Misfit
            - p.RefusalLegitimacyCost * (1 - engagement) * Math.Max(0, 2 * support - 1), 0, 1);

        // Engaging unpopular authorities costs civil society's trust, the more so in a divided society
        // (UNITAMS, caught between the resistance committees and the generals); local engagement softens it.
        bool local = variant.EngagementLevel == EngagementLevel.Local;
        double trustCost = p.EngagementTrustCost * engagement * (1 - support) * (0.5 + c.Population.Polarization)
                           * (local ? 1 - p.LocalEngagementRelief : 1);
        double trustTarget = p.CivilSocietyTrustAtOnset - trustCost
                             + (c.LinkedToRegionalBody ? p.LinkingTrustGain : 0)
                             + (variant.HumanRightsReporting == HumanRightsReporting.PublicReporting ? p.PublicReportingTrustGain : 0);
        CivilSocietyTrust += p.AdjustmentRate * (Math.Clamp(trustTarget, 0, 1) - CivilSocietyTrust);

        // An edict's split heals as the agencies find a common line again.
        Coherence += p.CoherenceRecovery * (_baseCoherence - Coherence);
        ConsiderExitThreat(c, month);
    }

    /// <summary>
    /// The mission's own exit option (brief §4 item 17; 'Does Engaging Risk Legitimizing?'): once the authorities
    /// have crossed several lines, the Secretariat may threaten or propose withdrawal. Authorities who still need
    /// the mission are restrained by it; those with an alternative partner call the bluff.
    /// </summary>
    private void ConsiderExitThreat(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        if (!InCountry || ExitThreatened || c.Variant.ExitOption != MissionExitOption.ThreatenWhenTransgressed
            || !c.Authorities.InPower || c.Authorities.ContentiousActions < p.ExitThreatActions
            || !c.Random.Occurs(month, DrawStream.MissionExitThreat, p.ExitThreatBase))
            return;
        ExitThreatened = true;
        c.History.Mark(EventKind.MissionExitThreatened, month);
        c.Authorities.ShiftHostility(c.Authorities.HasAlternativePartner ? p.ExitThreatBackfire : -p.ExitThreatRestraint);
    }

    /// <summary>
    /// A contentious edict splits the mission from the humanitarian agencies (brief §4 item 20; 'Internal
    /// Divisions over How to Engage'); One UN integration absorbs part of the split.
    /// </summary>
    public void EdictDividesPresence(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        Coherence = Math.Max(0, Coherence - p.EdictDivision * (c.Variant.OneUnIntegration ? 1 - p.OneUnEdictResilience : 1));
        if (Coherence < p.DividedUnLeverage + 1e-12) c.History.Mark(EventKind.UnPresenceDivided, month);
    }

    /// <summary>
    /// A hollow agreement (brief §4 item 21; 'Legal and Political Guidance'): welcoming it costs civil society's
    /// trust, the more the mission engages the authorities.
    /// </summary>
    public void WelcomeHollowAgreement(double trustCost, double engagement) =>
        CivilSocietyTrust = Math.Max(0, CivilSocietyTrust - trustCost * engagement);

    /// <summary>
    /// How badly the mandate fits the situation (mechanisms 7, 9, 12): the mean shortfall in fit over its tasks,
    /// and the share of tasks the context has made irrelevant (fit below one half). A Council update realigns
    /// the mandate; freezing or shifting the irrelevant tasks relieves part of their misfit.
    /// </summary>
    public MandateFit AssessMandate(BehaviouralParameters p, UcgType ucgType, double commitment, double netAid,
        MandateTaskHandling handling)
    {
        if (MandateRealigned || Tasks == MandateTasks.None) return new MandateFit(0, 0);
        double statePartnership = ucgType switch
        {
            UcgType.ArmedGroupTakeover => p.StatePartnershipFitArmedTakeover,
            UcgType.MilitaryCoup => p.StatePartnershipFitMilitaryCoup,
            _ => p.StatePartnershipFitDemocraticCoup,
        };
        double shortfall = 0;
        int count = 0, irrelevant = 0;
        foreach (var task in AllTasks)
        {
            if (task == MandateTasks.None || !Tasks.HasFlag(task)) continue;
            double fit = task switch
            {
                MandateTasks.ElectionSupport => commitment,
                MandateTasks.RuleOfLaw or MandateTasks.StateAuthority => statePartnership,
                MandateTasks.ProtectionOfCivilians => 0.5 + 0.5 * statePartnership,
                MandateTasks.AidCoordination => Math.Min(1, netAid),
                _ => 1.0,
            };
            double taskShortfall = 1 - fit;
            // Only the tasks the context has made irrelevant are frozen or shifted; good offices and rights work go on.
            if (fit < 0.5)
            {
                irrelevant++;
                if (handling != MandateTaskHandling.ContinueAll) taskShortfall *= 1 - p.FreezeRelief;
            }
            shortfall += taskShortfall;
            count++;
        }
        return new MandateFit(shortfall / count, (double)irrelevant / count);
    }

    public void RealignMandate() => MandateRealigned = true;

    public void DeclareHeadPersonaNonGrata() => HeadOfMissionPersonaNonGrata = true;

    public void Leave(int month)
    {
        InCountry = false;
        MonthLeft = month;
    }
}

/// <summary>How the mandate fits: mean shortfall over its tasks, and the share of tasks made irrelevant.</summary>
public readonly record struct MandateFit(double Misfit, double IrrelevantShare);
