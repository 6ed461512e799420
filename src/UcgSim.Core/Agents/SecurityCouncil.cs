using UcgSim.Core.Parameters;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Agents;

/// <summary>A permanent member of the Security Council and its stance toward the new authorities.</summary>
public sealed class PermanentMember(PermanentMemberName name, double stance, bool isPenholder)
{
    public PermanentMemberName Name { get; } = name;

    /// <summary>-1 punish ... +1 embrace (brief §2).</summary>
    public double Stance { get; private set; } = Math.Clamp(stance, -1, 1);

    public bool IsPenholder { get; } = isPenholder;

    public bool IsWestern => Name is PermanentMemberName.UnitedStates or PermanentMemberName.UnitedKingdom or PermanentMemberName.France;

    public void ShiftStance(double change) => Stance = Math.Clamp(Stance + change, -1, 1);
}

/// <summary>Where the mandate stands after the UCG (brief §2: update, roll over, or leave unchanged).</summary>
public enum MandateState { Original, RolledOver, Updated }

/// <summary>
/// The Security Council: the five permanent members as agents, its polarization, whether it labels the
/// event a coup, and its mandate decisions (mechanisms 7 and 8).
/// </summary>
public sealed class SecurityCouncil
{
    public SecurityCouncil(ScenarioConditions scenario, BehaviouralParameters p, bool labelledCoup)
    {
        Polarization = scenario.CouncilPolarization;
        LabelledCoup = labelledCoup;
        MonthOfNextRenewal = scenario.MonthsToMandateRenewal;
        Members = Enum.GetValues<PermanentMemberName>()
            .Select(name => new PermanentMember(name, InitialStance(name, scenario, p, labelledCoup), scenario.Penholder == name))
            .ToArray();
    }

    public PermanentMember[] Members { get; }
    public double Polarization { get; private set; }
    public bool LabelledCoup { get; }
    public MandateState Mandate { get; set; } = MandateState.Original;
    public int MonthOfNextRenewal { get; set; }

    public PermanentMember Member(PermanentMemberName name) => Members[(int)name];

    public PermanentMember? Penholder => Members.FirstOrDefault(m => m.IsPenholder);

    /// <summary>Russia and China block endorsement or condemnation when either embraces the authorities enough (Box 3, Box 4).</summary>
    public bool BlocksEndorsement(BehaviouralParameters p) =>
        Member(PermanentMemberName.Russia).Stance > p.EndorsementBlockStance
        || Member(PermanentMemberName.China).Stance > p.EndorsementBlockStance;

    public void Polarize(double change) => Polarization = Math.Clamp(Polarization + change, 0, 1);

    /// <summary>Chance the Council agrees an update at a renewal (MINUSMA and UNAMA yes, UNITAMS no).</summary>
    public double UpdateChance(BehaviouralParameters p) =>
        Math.Clamp(p.MandateUpdateBase - p.MandateUpdatePolarizationSlope * Polarization
                   + (Mandate == MandateState.RolledOver ? p.RolloverReportBonus : 0), 0, 1);

    private static double InitialStance(PermanentMemberName name, ScenarioConditions scenario, BehaviouralParameters p, bool labelled)
    {
        double prior = 0.5 * scenario.RelationshipOf(name);
        return name switch
        {
            PermanentMemberName.Russia => p.RussiaEmbrace + prior,
            PermanentMemberName.China => p.ChinaPragmatism + prior,
            _ => prior - (labelled ? p.WesternPunishment : 0),
        };
    }
}
