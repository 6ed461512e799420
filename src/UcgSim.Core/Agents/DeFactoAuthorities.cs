namespace UcgSim.Core.Agents;

/// <summary>Where the authorities stand on handing power back (brief §2: advance, stall or abandon).</summary>
public enum TransitionStage
{
    NoAgreement,
    /// <summary>A timeline with a civilian-led or joint administration is agreed (Mali 2020 within a month).</summary>
    Agreed,
    /// <summary>Elections held and power handed over: the authorities are no longer in charge.</summary>
    CivilianRule,
}

/// <summary>
/// The military junta or armed group holding power (brief §2). Its traits set at month 0 (openness,
/// commitment) and its accumulated hostility drive what it does; its choices are drawn in
/// <see cref="Simulation.CountryAfterUcg"/>, one uniform draw per choice per month.
/// </summary>
public sealed class DeFactoAuthorities
{
    public DeFactoAuthorities(double openness, double commitment, double rivalry, double alignment, double hostility)
    {
        Openness = openness;
        TransitionCommitment = commitment;
        FactionRivalry = rivalry;
        Alignment = alignment;
        Hostility = hostility;
    }

    /// <summary>Openness to working with the UN, fixed at onset (mechanism 1: who they are).</summary>
    public double Openness { get; }

    public double TransitionCommitment { get; private set; }
    public TransitionStage Stage { get; private set; } = TransitionStage.NoAgreement;
    public double TransitionProgress { get; private set; }
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

    public bool InPower => Stage != TransitionStage.CivilianRule;

    public void ShiftHostility(double change) => Hostility = Math.Clamp(Hostility + change, 0, 1);

    public void ErodeCommitment(double erosion) =>
        TransitionCommitment = Math.Clamp(TransitionCommitment - erosion, 0, 1);

    public void GrowRivalry(double growth) => FactionRivalry = Math.Clamp(FactionRivalry + growth, 0, 1);

    public void TakeContentiousAction(double hostilityStep)
    {
        ContentiousActions++;
        ShiftHostility(hostilityStep);
    }

    public void InviteAlternativePartner(double alignmentShift)
    {
        HasAlternativePartner = true;
        Alignment = Math.Min(1, Alignment + alignmentShift);
    }

    public void LeaveRegionalOrganization() => LeftRegionalOrganization = true;

    public void AgreeTransition() => Stage = TransitionStage.Agreed;

    public void AbandonTransition()
    {
        Stage = TransitionStage.NoAgreement;
        TransitionProgress = 0;
        TimelineSlipped = true;
    }

    public void RecognizeSlip() => TimelineSlipped = true;

    /// <returns>True when the transition reaches its end this month.</returns>
    public bool AdvanceTransition(double progress)
    {
        TransitionProgress = Math.Min(1, TransitionProgress + progress);
        if (TransitionProgress < 1) return false;
        Stage = TransitionStage.CivilianRule;
        return true;
    }
}
