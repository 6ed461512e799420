using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary><see cref="UnMission"/> for four replicates.</summary>
internal sealed class UnMissionLanes
{
    // The mandate's tasks in the order AssessMandate visits them, None left out.
    private readonly MandateTasks[] _tasks;
    private readonly double _baseCoherence;

    public Vector256<double> InCountry;
    /// <summary>The month the mission was made to leave; -1 while it has not.</summary>
    public Vector256<double> MonthLeft;
    public Vector256<double> Relationship;
    public Vector256<double> CivilSocietyTrust;
    public Vector256<double> Credibility;
    public Vector256<double> MandateRealigned;
    public Vector256<double> StrategyAdapted;
    public Vector256<double> HeadOfMissionPersonaNonGrata;
    public Vector256<double> ExitThreatened;
    public Vector256<double> Coherence;
    /// <summary><see cref="MandateFit.Misfit"/> this month.</summary>
    public Vector256<double> Misfit;
    /// <summary><see cref="MandateFit.IrrelevantShare"/> this month.</summary>
    public Vector256<double> IrrelevantShare;

    public UnMissionLanes(ScenarioConditions scenario, PolicyVariant variant, BehaviouralParameters p)
    {
        Presence = scenario.UnPresence;
        Personnel = scenario.MissionPersonnel;
        Tasks = scenario.MandateTasks;
        _tasks = Enum.GetValues<MandateTasks>().Where(task => task != MandateTasks.None && Tasks.HasFlag(task)).ToArray();
        _baseCoherence = variant.OneUnIntegration ? 1 : p.DividedUnLeverage;
    }

    public UnPresence Presence { get; }
    public int Personnel { get; }
    public MandateTasks Tasks { get; }
    public bool PresentAtOnset => Presence != UnPresence.None;
    public bool IsPeacekeeping => Presence == UnPresence.PeacekeepingOperation;

    /// <summary>The <see cref="UnMission"/> constructor.</summary>
    public void Start(double civilSocietyTrust)
    {
        CivilSocietyTrust = Of(civilSocietyTrust);
        InCountry = Of(Presence != UnPresence.None);
        MonthLeft = Of(-1.0);
        Relationship = Of(0.5);
        Credibility = Of(1.0);
        MandateRealigned = False;
        StrategyAdapted = False;
        HeadOfMissionPersonaNonGrata = False;
        ExitThreatened = False;
        Coherence = Of(_baseCoherence);
        Misfit = False;
        IrrelevantShare = False;
    }

    /// <summary><see cref="UnMission.Acts"/>.</summary>
    public void Acts(CountryLanes c, int month)
    {
        var p = c.Parameters;
        var variant = c.Variant;
        if (variant.StrategicAssessmentMonth is int assessmentMonth && month >= Math.Max(1, assessmentMonth))
        {
            var assessed = c.Active & Not(c.History.Happened(EventKind.StrategicAssessment)) & InCountry;
            c.History.Mark(EventKind.StrategicAssessment, assessed, month);
            StrategyAdapted |= assessed;
        }
        StrategyAdapted |= c.Draws.Occurs(c.Active & Not(StrategyAdapted), DrawStream.MissionAdaptsUnaided, 1 / p.UnaidedAdaptationMonths);

        AssessMandate(p, c.Scenario.UcgType, c.Authorities.TransitionCommitment, c.Donors.NetAid, variant.MandateTaskHandling);
        Misfit = Select(InCountry, Misfit, 0);
        IrrelevantShare = Select(InCountry, IrrelevantShare, 0);
        var support = c.Population.Support;
        var engagement = c.EffectiveEngagement;

        Credibility = Clamp(Credibility + p.CredibilityRecovery * (Of(1) - Credibility)
            - p.MisfitCredibilityErosion * Misfit
            - p.RefusalLegitimacyCost * (Of(1) - engagement) * Max(0, 2 * support - Of(1)), 0, 1);

        bool local = variant.EngagementLevel == EngagementLevel.Local;
        var trustCost = p.EngagementTrustCost * engagement * (Of(1) - support) * (Of(0.5) + c.Population.Polarization)
                        * (local ? 1 - p.LocalEngagementRelief : 1);
        var trustTarget = Of(p.CivilSocietyTrustAtOnset) - trustCost
                          + Select(c.LinkedToRegionalBody, p.LinkingTrustGain, 0)
                          + Of(variant.HumanRightsReporting == HumanRightsReporting.PublicReporting ? p.PublicReportingTrustGain : 0);
        CivilSocietyTrust += p.AdjustmentRate * (Clamp(trustTarget, 0, 1) - CivilSocietyTrust);

        Coherence += p.CoherenceRecovery * (Of(_baseCoherence) - Coherence);
        ConsiderExitThreat(c, month);
    }

    /// <summary><see cref="UnMission"/>.ConsiderExitThreat.</summary>
    private void ConsiderExitThreat(CountryLanes c, int month)
    {
        var p = c.Parameters;
        if (c.Variant.ExitOption != MissionExitOption.ThreatenWhenTransgressed) return;
        var a = c.Authorities;
        var asked = c.Active & InCountry & Not(ExitThreatened) & a.InPower
                    & GreaterOrEqual(a.ContentiousActions, p.ExitThreatActions);
        var threatened = c.Draws.Occurs(asked, DrawStream.MissionExitThreat, p.ExitThreatBase);
        if (!Any(threatened)) return;
        ExitThreatened |= threatened;
        c.History.Mark(EventKind.MissionExitThreatened, threatened, month);
        a.ShiftHostility(threatened, Select(a.HasAlternativePartner, p.ExitThreatBackfire, -p.ExitThreatRestraint));
    }

    /// <summary><see cref="UnMission.EdictDividesPresence"/>.</summary>
    public void EdictDividesPresence(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        Coherence = Select(lanes,
            Max(0, Coherence - Of(p.EdictDivision * (c.Variant.OneUnIntegration ? 1 - p.OneUnEdictResilience : 1))), Coherence);
        c.History.Mark(EventKind.UnPresenceDivided, lanes & Less(Coherence, p.DividedUnLeverage + 1e-12), month);
    }

    /// <summary><see cref="UnMission.WelcomeHollowAgreement"/>.</summary>
    public void WelcomeHollowAgreement(Vector256<double> lanes, double trustCost, Vector256<double> engagement) =>
        CivilSocietyTrust = Select(lanes, Max(0, CivilSocietyTrust - trustCost * engagement), CivilSocietyTrust);

    /// <summary>
    /// <see cref="UnMission.AssessMandate"/> into <see cref="Misfit"/> and <see cref="IrrelevantShare"/>: the tasks in the
    /// same order, so that the shortfalls are summed in the same order.
    /// </summary>
    private void AssessMandate(BehaviouralParameters p, UcgType ucgType, Vector256<double> commitment, Vector256<double> netAid,
        MandateTaskHandling handling)
    {
        if (_tasks.Length == 0)
        {
            Misfit = IrrelevantShare = False;
            return;
        }
        double statePartnership = ucgType switch
        {
            UcgType.ArmedGroupTakeover => p.StatePartnershipFitArmedTakeover,
            UcgType.MilitaryCoup => p.StatePartnershipFitMilitaryCoup,
            _ => p.StatePartnershipFitDemocraticCoup,
        };
        var shortfall = False;
        var irrelevant = False;
        foreach (var task in _tasks)
        {
            var fit = task switch
            {
                MandateTasks.ElectionSupport => commitment,
                MandateTasks.RuleOfLaw or MandateTasks.StateAuthority => Of(statePartnership),
                MandateTasks.ProtectionOfCivilians => Of(0.5 + 0.5 * statePartnership),
                MandateTasks.AidCoordination => Min(1, netAid),
                _ => Of(1.0),
            };
            var taskShortfall = Of(1) - fit;
            var isIrrelevant = Less(fit, 0.5);
            irrelevant += Select(isIrrelevant, 1, 0);
            if (handling != MandateTaskHandling.ContinueAll)
                taskShortfall = Select(isIrrelevant, taskShortfall * (1 - p.FreezeRelief), taskShortfall);
            shortfall += taskShortfall;
        }
        Misfit = Select(MandateRealigned, 0, shortfall / _tasks.Length);
        IrrelevantShare = Select(MandateRealigned, 0, irrelevant / _tasks.Length);
    }

    public void RealignMandate(Vector256<double> lanes) => MandateRealigned |= lanes;

    /// <summary><see cref="UnMission.Leave"/>.</summary>
    public void Leave(Vector256<double> lanes, int month)
    {
        InCountry &= Not(lanes);
        MonthLeft = Select(lanes, month, MonthLeft);
    }
}
