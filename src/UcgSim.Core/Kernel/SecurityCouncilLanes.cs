using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary><see cref="SecurityCouncil"/> for four replicates; the permanent members' stances indexed by <see cref="PermanentMemberName"/>.</summary>
internal sealed class SecurityCouncilLanes(ScenarioConditions scenario)
{
    private static readonly PermanentMemberName[] MemberNames = Enum.GetValues<PermanentMemberName>();

    private readonly Vector256<double>[] _stances = new Vector256<double>[MemberNames.Length];
    // Half each member's prior relationship with the country, the stance its target starts from.
    private readonly double[] _priors = MemberNames.Select(name => 0.5 * scenario.RelationshipOf(name)).ToArray();
    private Vector256<double> _globalPolarization;
    private Vector256<double> _divergenceAtOnset;

    public Vector256<double> Polarization;
    public Vector256<double> LabelledCoup;
    /// <summary><see cref="MandateState"/> as a number.</summary>
    public Vector256<double> Mandate;
    public Vector256<double> MonthOfNextRenewal;

    public Vector256<double> Stance(PermanentMemberName name) => _stances[(int)name];

    /// <summary>The <see cref="SecurityCouncil"/> constructor.</summary>
    public void Start(BehaviouralParameters p, Vector256<double> labelledCoup)
    {
        _globalPolarization = Of(scenario.CouncilPolarization);
        Polarization = Of(scenario.CouncilPolarization);
        LabelledCoup = labelledCoup;
        Mandate = Of((double)MandateState.Original);
        MonthOfNextRenewal = Of(scenario.MonthsToMandateRenewal);
        foreach (var name in MemberNames) _stances[(int)name] = Clamp(BaseStance(name, p, labelledCoup), -1, 1);
        _divergenceAtOnset = Divergence;
    }

    /// <summary><see cref="SecurityCouncil.WesternStance"/>.</summary>
    public Vector256<double> WesternStance =>
        (Stance(PermanentMemberName.UnitedStates) + Stance(PermanentMemberName.UnitedKingdom) + Stance(PermanentMemberName.France)) / 3;

    private Vector256<double> Divergence =>
        Max(0, (Stance(PermanentMemberName.Russia) + Stance(PermanentMemberName.China)) * 0.5 - WesternStance);

    /// <summary><see cref="SecurityCouncil.BlocksEndorsement"/>.</summary>
    public Vector256<double> BlocksEndorsement(BehaviouralParameters p) =>
        Greater(Stance(PermanentMemberName.Russia), p.EndorsementBlockStance) | Greater(Stance(PermanentMemberName.China), p.EndorsementBlockStance);

    /// <summary><see cref="SecurityCouncil.Polarize"/> in the lanes of <paramref name="lanes"/>.</summary>
    public void Polarize(Vector256<double> lanes, double change) =>
        _globalPolarization = Select(lanes, Clamp(_globalPolarization + Of(change), 0, 1), _globalPolarization);

    /// <summary><see cref="SecurityCouncil.Acts"/>.</summary>
    public void Acts(CountryLanes c, int month)
    {
        var p = c.Parameters;
        if (month == scenario.CouncilPolarizationShockMonth) Polarize(True, scenario.CouncilPolarizationShock);
        foreach (var name in MemberNames)
        {
            var stance = _stances[(int)name];
            _stances[(int)name] = Clamp(stance + p.StanceAdjustmentRate * (TargetStance(name, c) - stance), -1, 1);
        }
        Polarization = Clamp(_globalPolarization + p.StanceDivergencePolarization * (Divergence - _divergenceAtOnset), 0, 1);

        ApplyUsProtocol(c, month);
        ConsiderStatement(c, month);
        var renewal = c.Active & c.Mission.InCountry & Equal(MonthOfNextRenewal, month)
                      & NotEqual(Mandate, (double)MandateState.Updated);
        if (Any(renewal)) RenewMandate(c, month, renewal);
    }

    /// <summary><see cref="SecurityCouncil"/>.TargetStance.</summary>
    private Vector256<double> TargetStance(PermanentMemberName name, CountryLanes c)
    {
        var p = c.Parameters;
        var a = c.Authorities;
        double prior = _priors[(int)name];
        var alignmentPull = a.Alignment - Of(0.5);
        var target = name switch
        {
            PermanentMemberName.Russia => Of(p.RussiaEmbrace + prior) + Select(a.HasAlternativePartner, p.RussiaPartnerEmbrace, 0)
                                          + p.RussiaAlignmentEmbrace * alignmentPull,
            PermanentMemberName.China => Of(p.ChinaPragmatism + prior) + p.ChinaAlignmentDrift * alignmentPull,
            _ => Of(prior) - Select(LabelledCoup, p.WesternPunishment, 0)
                 - p.ContentionWesternPunishment * Min(1, a.ContentiousActions * 0.25)
                 - Select(a.HasAlternativePartner, scenario.Penholder == name ? p.PenholderAnimus : p.WesternPartnerCost, 0)
                 + Select(a.StageIs(TransitionStage.NoAgreement), 0, p.TransitionReward),
        };
        return Select(a.InPower, target, prior);
    }

    /// <summary><see cref="SecurityCouncil"/>.ApplyUsProtocol.</summary>
    private void ApplyUsProtocol(CountryLanes c, int month)
    {
        var applies = c.Variant.P5TargetedSanctions switch
        {
            P5TargetedSanctions.Impose => True,
            P5TargetedSanctions.Withhold => False,
            _ => LabelledCoup,
        };
        var asked = c.Active & applies & c.Authorities.InPower & Not(c.History.Happened(EventKind.UsTargetedSanctions));
        c.History.Mark(EventKind.UsTargetedSanctions,
            c.Draws.Occurs(asked, DrawStream.UsSanctionsActivated, c.Parameters.UsSanctionsActivation), month);
    }

    /// <summary><see cref="SecurityCouncil"/>.ConsiderStatement.</summary>
    private void ConsiderStatement(CountryLanes c, int month)
    {
        var p = c.Parameters;
        var asked = c.Active & Not(c.History.Happened(EventKind.CouncilStatement)) & c.Authorities.InPower
                    & Not(BlocksEndorsement(p));
        if (!Any(asked)) return;
        var chance = p.CouncilStatementBase * c.Constants.StatementSalience[month] * (Of(1) - Polarization)
                     * (c.Mission.PresentAtOnset ? 1 : p.OffAgendaStatementFactor);
        c.History.Mark(EventKind.CouncilStatement, c.Draws.Occurs(asked, DrawStream.CouncilStatement, chance), month);
    }

    /// <summary><see cref="SecurityCouncil"/>.RenewMandate, in the lanes whose mandate comes up for renewal.</summary>
    private void RenewMandate(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        if (c.Variant.CouncilResponse == CouncilResponse.RolloverThenUpdate)
        {
            var rolledOver = lanes & Equal(Mandate, (double)MandateState.Original);
            Mandate = Select(rolledOver, (double)MandateState.RolledOver, Mandate);
            MonthOfNextRenewal = Select(rolledOver, month + p.RolloverMonths, MonthOfNextRenewal);
            lanes &= Not(rolledOver);
        }
        if (c.Variant.CouncilResponse != CouncilResponse.Unchanged)
        {
            var updated = c.Draws.Occurs(lanes, DrawStream.MandateDecision, UpdateChance(p));
            Mandate = Select(updated, (double)MandateState.Updated, Mandate);
            c.Mission.RealignMandate(updated);
            c.History.Mark(EventKind.MandateUpdated, updated, month);
            lanes &= Not(updated);
        }
        MonthOfNextRenewal = Select(lanes, month + p.MandateRenewalMonths, MonthOfNextRenewal);
    }

    /// <summary><see cref="SecurityCouncil.UpdateChance"/>.</summary>
    private Vector256<double> UpdateChance(BehaviouralParameters p) =>
        Clamp(Of(p.MandateUpdateBase) - p.MandateUpdatePolarizationSlope * Polarization
              + Select(Equal(Mandate, (double)MandateState.RolledOver), p.RolloverReportBonus, 0), 0, 1);

    private Vector256<double> BaseStance(PermanentMemberName name, BehaviouralParameters p, Vector256<double> labelled)
    {
        double prior = 0.5 * scenario.RelationshipOf(name);
        return name switch
        {
            PermanentMemberName.Russia => Of(p.RussiaEmbrace + prior),
            PermanentMemberName.China => Of(p.ChinaPragmatism + prior),
            _ => Of(prior) - Select(labelled, p.WesternPunishment, 0),
        };
    }
}
