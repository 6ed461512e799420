using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Agents;

/// <summary>
/// The UN peace operation (brief §2): its mandate and how well each task still fits, its relationship with
/// the authorities, the trust of civil society and its credibility. Its choices (posture, assessment,
/// linking, reporting, task freezes) are the levers of the policy variant.
/// </summary>
public sealed class UnMission
{
    public UnMission(UnPresence presence, int personnel, MandateTasks tasks, double civilSocietyTrust)
    {
        CivilSocietyTrust = civilSocietyTrust;
        Presence = presence;
        Personnel = personnel;
        Tasks = tasks;
        InCountry = presence != UnPresence.None;
    }

    public UnPresence Presence { get; }
    public int Personnel { get; }
    public MandateTasks Tasks { get; }

    /// <summary>False with no field presence, or once the authorities have made the mission leave.</summary>
    public bool InCountry { get; private set; }

    public double Relationship { get; set; } = 0.5;
    public double CivilSocietyTrust { get; private set; }
    public double Credibility { get; private set; } = 1;
    public bool MandateRealigned { get; private set; }
    public bool StrategyAdapted { get; private set; }
    public bool HeadOfMissionPersonaNonGrata { get; private set; }

    public bool IsPeacekeeping => Presence == UnPresence.PeacekeepingOperation;

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
        foreach (var task in Enum.GetValues<MandateTasks>())
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

    public void AdaptStrategy() => StrategyAdapted = true;

    public void DeclareHeadPersonaNonGrata() => HeadOfMissionPersonaNonGrata = true;

    public void Leave() => InCountry = false;

    public void UpdateTrust(BehaviouralParameters p, double target) =>
        CivilSocietyTrust += p.AdjustmentRate * (Math.Clamp(target, 0, 1) - CivilSocietyTrust);

    public void UpdateCredibility(double change) => Credibility = Math.Clamp(Credibility + change, 0, 1);
}

/// <summary>How the mandate fits: mean shortfall over its tasks, and the share of tasks made irrelevant.</summary>
public readonly record struct MandateFit(double Misfit, double IrrelevantShare);
