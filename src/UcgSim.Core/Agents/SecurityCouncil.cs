using UcgSim.Core.Numerics;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>A permanent member of the Security Council and its stance toward the new authorities.</summary>
public sealed class PermanentMember(PermanentMemberName name, double stance, bool isPenholder)
{
    public PermanentMemberName Name { get; } = name;

    /// <summary>-1 punish ... +1 embrace (brief §2).</summary>
    public double Stance { get; private set; } = Math.Clamp(stance, -1, 1);

    public bool IsPenholder { get; } = isPenholder;

    public bool IsWestern => Name is PermanentMemberName.UnitedStates or PermanentMemberName.UnitedKingdom or PermanentMemberName.France;

    /// <summary>Stances move part of the way each month toward what events call for.</summary>
    public void MoveToward(double target, double rate) => Stance = Math.Clamp(Stance + rate * (target - Stance), -1, 1);
}

/// <summary>Where the mandate stands after the UCG (brief §2: update, roll over, or leave unchanged).</summary>
public enum MandateState { Original, RolledOver, Updated }

/// <summary>
/// The Security Council: the five permanent members as agents, its polarization, whether it labels the
/// event a coup, its statements and its mandate decisions (mechanisms 7 and 8).
/// </summary>
public sealed class SecurityCouncil
{
    private static readonly PermanentMemberName[] MemberNames = Enum.GetValues<PermanentMemberName>();
    private readonly ScenarioConditions _scenario;
    private readonly double _divergenceAtOnset;
    private double _globalPolarization;

    public SecurityCouncil(ScenarioConditions scenario, BehaviouralParameters p, bool labelledCoup)
    {
        _scenario = scenario;
        _globalPolarization = scenario.CouncilPolarization;
        Polarization = scenario.CouncilPolarization;
        LabelledCoup = labelledCoup;
        MonthOfNextRenewal = scenario.MonthsToMandateRenewal;
        Members = new PermanentMember[MemberNames.Length];
        foreach (var name in MemberNames)
            Members[(int)name] = new PermanentMember(name, BaseStance(name, p, labelledCoup), scenario.Penholder == name);
        _divergenceAtOnset = Divergence;
    }

    public PermanentMember[] Members { get; }
    public double Polarization { get; private set; }
    public bool LabelledCoup { get; }
    public MandateState Mandate { get; private set; } = MandateState.Original;
    public int MonthOfNextRenewal { get; private set; }

    public PermanentMember Member(PermanentMemberName name) => Members[(int)name];

    public PermanentMember? Penholder => _scenario.Penholder is { } name ? Member(name) : null;

    /// <summary>Mean stance of the three Western members.</summary>
    public double WesternStance =>
        (Member(PermanentMemberName.UnitedStates).Stance + Member(PermanentMemberName.UnitedKingdom).Stance
         + Member(PermanentMemberName.France).Stance) / 3;

    /// <summary>How far Russia and China stand from the Western members on this country.</summary>
    private double Divergence =>
        Math.Max(0, (Member(PermanentMemberName.Russia).Stance + Member(PermanentMemberName.China).Stance) / 2 - WesternStance);

    /// <summary>Russia and China block endorsement or condemnation when either embraces the authorities enough (Box 3, Box 4).</summary>
    public bool BlocksEndorsement(BehaviouralParameters p) =>
        Member(PermanentMemberName.Russia).Stance > p.EndorsementBlockStance
        || Member(PermanentMemberName.China).Stance > p.EndorsementBlockStance;

    public void Polarize(double change) => _globalPolarization = Math.Clamp(_globalPolarization + change, 0, 1);

    /// <summary>The month's choices: stances, polarization, the US protocol, statements, and the mandate at renewal.</summary>
    public void Acts(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        if (month == _scenario.CouncilPolarizationShockMonth) Polarize(_scenario.CouncilPolarizationShock);
        foreach (var member in Members) member.MoveToward(TargetStance(member, c), p.StanceAdjustmentRate);
        // A Council divided on this country is more divided overall: the members' gap adds to the global level.
        Polarization = Math.Clamp(_globalPolarization + p.StanceDivergencePolarization * (Divergence - _divergenceAtOnset), 0, 1);

        ApplyUsProtocol(c, month);
        ConsiderStatement(c, month);
        if (c.Mission.InCountry && month == MonthOfNextRenewal && Mandate != MandateState.Updated) RenewMandate(c, month);
    }

    /// <summary>
    /// What each member's stance moves toward (mechanism 8): the West punishes a labelled coup, contentious
    /// actions and an alternative partner, and rewards an agreed transition; Russia embraces juntas the more they
    /// turn to it; China follows alignment pragmatically. Handing power back restores every prior relationship.
    /// </summary>
    private double TargetStance(PermanentMember member, CountryAfterUcg c)
    {
        var p = c.Parameters;
        var a = c.Authorities;
        double prior = 0.5 * _scenario.RelationshipOf(member.Name);
        if (!a.InPower) return prior;
        double alignmentPull = a.Alignment - 0.5;
        return member.Name switch
        {
            PermanentMemberName.Russia => p.RussiaEmbrace + prior + (a.HasAlternativePartner ? p.RussiaPartnerEmbrace : 0)
                                          + p.RussiaAlignmentEmbrace * alignmentPull,
            PermanentMemberName.China => p.ChinaPragmatism + prior + p.ChinaAlignmentDrift * alignmentPull,
            _ => prior - (LabelledCoup ? p.WesternPunishment : 0)
                 - p.ContentionWesternPunishment * Math.Min(1, a.ContentiousActions / 4.0)
                 - (a.HasAlternativePartner ? (member.IsPenholder ? p.PenholderAnimus : p.WesternPartnerCost) : 0)
                 + (a.Stage != TransitionStage.NoAgreement ? p.TransitionReward : 0),
        };
    }

    private void ApplyUsProtocol(CountryAfterUcg c, int month)
    {
        bool applies = c.Variant.P5TargetedSanctions switch
        {
            P5TargetedSanctions.Impose => true,
            P5TargetedSanctions.Withhold => false,
            _ => LabelledCoup,
        };
        if (applies && c.Authorities.InPower && !c.History.Happened(EventKind.UsTargetedSanctions)
            && c.Random.Occurs(month, DrawStream.UsSanctionsActivated, c.Parameters.UsSanctionsActivation))
            c.History.Mark(EventKind.UsTargetedSanctions, month);
    }

    /// <summary>
    /// A press statement can come in any month, likeliest while the UCG is fresh; it needs a Council not too
    /// divided and no member embracing the authorities, and countries off the Council's agenda mostly draw
    /// silence (Chad, Guinea, Gabon; 'Navigating Geopolitics').
    /// </summary>
    private void ConsiderStatement(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        if (c.History.Happened(EventKind.CouncilStatement) || !c.Authorities.InPower || BlocksEndorsement(p)) return;
        double chance = p.CouncilStatementBase * DeterministicMath.Exp(-(month - 1) / p.StatementSalienceMonths) * (1 - Polarization)
                        * (c.Mission.PresentAtOnset ? 1 : p.OffAgendaStatementFactor);
        if (c.Random.Occurs(month, DrawStream.CouncilStatement, chance)) c.History.Mark(EventKind.CouncilStatement, month);
    }

    private void RenewMandate(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        if (c.Variant.CouncilResponse == CouncilResponse.RolloverThenUpdate && Mandate == MandateState.Original)
        {
            Mandate = MandateState.RolledOver;
            MonthOfNextRenewal = month + p.RolloverMonths;
            return;
        }
        if (c.Variant.CouncilResponse != CouncilResponse.Unchanged
            && c.Random.Occurs(month, DrawStream.MandateDecision, UpdateChance(p)))
        {
            Mandate = MandateState.Updated;
            c.Mission.RealignMandate();
            c.History.Mark(EventKind.MandateUpdated, month);
            return;
        }
        MonthOfNextRenewal = month + p.MandateRenewalMonths;
    }

    /// <summary>Chance the Council agrees an update at a renewal (MINUSMA and UNAMA yes, UNITAMS no).</summary>
    public double UpdateChance(BehaviouralParameters p) =>
        Math.Clamp(p.MandateUpdateBase - p.MandateUpdatePolarizationSlope * Polarization
                   + (Mandate == MandateState.RolledOver ? p.RolloverReportBonus : 0), 0, 1);

    private double BaseStance(PermanentMemberName name, BehaviouralParameters p, bool labelled)
    {
        double prior = 0.5 * _scenario.RelationshipOf(name);
        return name switch
        {
            PermanentMemberName.Russia => p.RussiaEmbrace + prior,
            PermanentMemberName.China => p.ChinaPragmatism + prior,
            _ => prior - (labelled ? p.WesternPunishment : 0),
        };
    }
}
