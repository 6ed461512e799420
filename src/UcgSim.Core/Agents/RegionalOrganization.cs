using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>
/// The regional organization(s): the AU, possibly with an ECOWAS-like community, or a body with no anti-UCG
/// norm (brief §2, Box 4). Its choices (suspend, sanction, escalate, threaten, lift, dialogue, readmit) follow
/// the variant's lever settings, adopted with a chance that rises with the strength of its norm.
/// </summary>
public sealed class RegionalOrganization
{
    public RegionalOrganization(RegionalSetting setting, BehaviouralParameters p)
    {
        Setting = setting;
        NormStrength = setting switch
        {
            RegionalSetting.None => 0,
            RegionalSetting.NoAntiUcgNorm => p.NoNormBodyStrength,
            RegionalSetting.AfricanUnionOnly => p.AfricanUnionNormStrength,
            _ => p.StrongCommunityNormStrength,
        };
    }

    public RegionalSetting Setting { get; }
    public double NormStrength { get; }
    public bool Exists => Setting != RegionalSetting.None;

    /// <summary>Only a community with a strong norm has ever been left over sanctions (Box 4).</summary>
    public bool CanBeLeft => Setting == RegionalSetting.AfricanUnionAndStrongCommunity;

    /// <summary>Only a community with a strong norm has threatened intervention (ECOWAS in Niger, Box 4).</summary>
    public bool CanThreatenIntervention => Setting == RegionalSetting.AfricanUnionAndStrongCommunity;

    public bool Suspended { get; private set; }
    public SanctionsLevel Sanctions { get; private set; } = SanctionsLevel.None;
    public bool SanctionsEverImposed { get; private set; }
    public int MonthImposed { get; private set; }
    public bool SanctionsEndorsed { get; private set; }
    public bool InterventionThreatened { get; private set; }

    /// <summary>Whether the body's envoy has been declared persona non grata (brief §4 item 22).</summary>
    public bool EnvoyExpelled { get; private set; }

    /// <summary>Relations with the authorities, 0 broken to 1 close.</summary>
    public double Relationship { get; private set; } = 0.6;

    /// <summary>How hard-line the body currently is toward the authorities, 0 to 1 (mechanism 6).</summary>
    public double Hardness =>
        Math.Min(1, (Suspended ? 0.3 : 0)
                    + Sanctions switch { SanctionsLevel.Harsh => 0.6, SanctionsLevel.Targeted => 0.3, _ => 0 }
                    + (InterventionThreatened ? 0.2 : 0));

    /// <summary>Month 0: the AU suspends at once, with a chance that rises with its norm (Box 4).</summary>
    public void ConsiderSuspension(CountryAfterUcg c)
    {
        if (!c.Variant.RegionalSuspension || !Exists || !c.Random.Occurs(0, DrawStream.RegionalSuspension, NormStrength)) return;
        Suspended = true;
        ShiftRelationship(-c.Parameters.SuspensionRelationshipCost);
        c.History.Mark(EventKind.RegionalSuspension, 0);
    }

    /// <summary>The month's choices: reward, sanction, escalate, and mend relations (mechanisms 5 and 6).</summary>
    public void Acts(CountryAfterUcg c, int month)
    {
        if (!Exists || c.Authorities.LeftRegionalOrganization) return;
        var p = c.Parameters;
        var variant = c.Variant;
        var authorities = c.Authorities;

        // An agreement (under the lifting rule) or an election that closes the transition ends sanctions and
        // suspension (Mali 2020: lifted and readmitted within 1.5 months of the agreement).
        bool reward = !authorities.TransitionOpen
                      || (authorities.Stage == TransitionStage.Agreed && variant.SanctionsLifting == SanctionsLifting.OnTransitionAgreement);
        if (reward && Sanctions != SanctionsLevel.None)
        {
            Lift();
            c.History.Mark(EventKind.RegionalSanctionsLifted, month);
        }
        if (reward && Suspended)
        {
            Suspended = false;
            c.History.Mark(EventKind.RegionalReadmission, month);
        }

        bool triggerOpen = variant.SanctionsTrigger switch
        {
            SanctionsTrigger.AtOnset => true,
            SanctionsTrigger.AtMonth => month >= variant.SanctionsMonth,
            _ => authorities.TimelineSlipped,
        };
        // Sanctions can come back after an abandoned transition: the trigger reopens once no agreement stands.
        if (variant.RegionalSanctions != SanctionsLevel.None && triggerOpen && Sanctions == SanctionsLevel.None
            && !reward && authorities.Stage == TransitionStage.NoAgreement)
        {
            double adoption = NormStrength * (variant.RegionalSanctions == SanctionsLevel.Harsh
                ? p.HarshSanctionsAdoption : p.TargetedSanctionsAdoption);
            if (c.Random.Occurs(month, DrawStream.RegionalSanctionsAdopted, adoption))
            {
                bool endorsed = !c.Council.BlocksEndorsement(p)
                                && c.Random.Occurs(month, DrawStream.RegionalSanctionsEndorsed, 1 - c.Council.Polarization);
                Impose(variant.RegionalSanctions, month, endorsed, variant.InterventionThreat);
                ShiftRelationship(-Hardness / 2);
                c.History.Mark(EventKind.RegionalSanctionsImposed, month);
            }
        }
        if (variant.SanctionsEscalation && Sanctions == SanctionsLevel.Targeted
            && authorities.Stage == TransitionStage.NoAgreement && month - MonthImposed >= p.SanctionsEscalationMonths)
        {
            Impose(SanctionsLevel.Harsh, month, SanctionsEndorsed, variant.InterventionThreat);
            ShiftRelationship(-Hardness / 2);
        }

        if (Sanctions != SanctionsLevel.None)
            ShiftRelationship(-p.SanctionsRelationshipErosion * Hardness);
        else if (SanctionsEverImposed)
            ShiftRelationship(p.SanctionsLiftingRecovery * (1 - Relationship));
        if (variant.RegionalDialogue && Suspended)
            ShiftRelationship(p.RegionalDialogueRecovery);
    }

    /// <summary>
    /// The authorities may declare the body's envoy persona non grata (Mali: the first ECOWAS representative;
    /// 'Coordinating with Regional Organizations'), the likelier the harder the body's line; the replacement is
    /// more cautious, so the body mediates less.
    /// </summary>
    public void ConsiderExpellingEnvoy(CountryAfterUcg c, int month, double hostility)
    {
        if (!Exists || EnvoyExpelled || c.Authorities.LeftRegionalOrganization) return;
        double chance = c.Parameters.EnvoyExpulsionBase * Hardness * (0.5 + hostility) * c.EarlyRestraint(month);
        if (!c.Random.Occurs(month, DrawStream.RegionalEnvoyExpelled, chance)) return;
        EnvoyExpelled = true;
        ShiftRelationship(-c.Parameters.SuspensionRelationshipCost);
        c.History.Mark(EventKind.RegionalEnvoyPersonaNonGrata, month);
    }

    /// <summary>
    /// The coercive pull of the body's measures toward an agreement (mechanism 5). Sanctions coerce mostly
    /// through the promise of lifting them on an agreement (Mali 2020); without that promise they only punish.
    /// Unendorsed sanctions bite less (Box 4).
    /// </summary>
    public double CoercivePressure(BehaviouralParameters p, SanctionsLifting lifting)
    {
        double sanctions = Sanctions switch
        {
            SanctionsLevel.Harsh => p.HarshSanctionsPressure,
            SanctionsLevel.Targeted => p.TargetedSanctionsPressure,
            _ => 0,
        } * (SanctionsEndorsed ? 1 : p.UnendorsedSanctionsBite);
        double measures = sanctions + (Suspended ? p.SuspensionPressure : 0);
        return measures * (lifting == SanctionsLifting.OnTransitionAgreement ? 1 : p.UnconditionalSanctionsCoercion);
    }

    public void Impose(SanctionsLevel level, int month, bool endorsed, bool threatenIntervention)
    {
        if (Sanctions == SanctionsLevel.None) MonthImposed = month;
        Sanctions = level;
        SanctionsEverImposed = true;
        SanctionsEndorsed = endorsed;
        InterventionThreatened = threatenIntervention && CanThreatenIntervention;
    }

    public void Lift()
    {
        Sanctions = SanctionsLevel.None;
        InterventionThreatened = false;
    }

    /// <summary>
    /// The authorities left the body: its sanctions lapse with membership (ECOWAS, 2024), which is not a lifting as a
    /// reward, and a suspension means nothing any more.
    /// </summary>
    public void Left()
    {
        Lift();
        Suspended = false;
    }

    public void ShiftRelationship(double change) => Relationship = Math.Clamp(Relationship + change, 0, 1);
}
