using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Agents;

/// <summary>
/// The regional organization(s): the AU, possibly with an ECOWAS-like community, or a body with no anti-UCG
/// norm (brief §2, Box 4). Its choices (suspend, sanction, threaten, lift, dialogue, readmit) follow the
/// variant's lever settings, adopted with a chance that rises with the strength of its norm.
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

    public bool Suspended { get; set; }
    public SanctionsLevel Sanctions { get; private set; } = SanctionsLevel.None;
    public bool SanctionsEverImposed { get; private set; }
    public int MonthImposed { get; private set; }
    public bool SanctionsEndorsed { get; private set; }
    public bool InterventionThreatened { get; private set; }

    /// <summary>Relations with the authorities, 0 broken to 1 close.</summary>
    public double Relationship { get; private set; } = 0.6;

    /// <summary>How hard-line the body currently is toward the authorities, 0 to 1 (mechanism 6).</summary>
    public double Hardness =>
        Math.Min(1, (Suspended ? 0.3 : 0)
                    + Sanctions switch { SanctionsLevel.Harsh => 0.6, SanctionsLevel.Targeted => 0.3, _ => 0 }
                    + (InterventionThreatened ? 0.2 : 0));

    public void Impose(SanctionsLevel level, int month, bool endorsed, bool threatenIntervention)
    {
        if (Sanctions == SanctionsLevel.None) MonthImposed = month;
        Sanctions = level;
        SanctionsEverImposed = true;
        SanctionsEndorsed = endorsed;
        InterventionThreatened = threatenIntervention && Setting == RegionalSetting.AfricanUnionAndStrongCommunity;
    }

    public void Lift()
    {
        Sanctions = SanctionsLevel.None;
        InterventionThreatened = false;
    }

    public void ShiftRelationship(double change) => Relationship = Math.Clamp(Relationship + change, 0, 1);
}
