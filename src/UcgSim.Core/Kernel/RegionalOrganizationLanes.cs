using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary><see cref="RegionalOrganization"/> for four replicates.</summary>
internal sealed class RegionalOrganizationLanes
{
    public Vector256<double> Suspended;
    /// <summary><see cref="SanctionsLevel"/> as a number.</summary>
    public Vector256<double> Sanctions;
    public Vector256<double> SanctionsEverImposed;
    public Vector256<double> MonthImposed;
    public Vector256<double> SanctionsEndorsed;
    public Vector256<double> InterventionThreatened;
    public Vector256<double> EnvoyExpelled;
    public Vector256<double> Relationship;

    public RegionalOrganizationLanes(RegionalSetting setting, BehaviouralParameters p)
    {
        var reference = new RegionalOrganization(setting, p);
        NormStrength = reference.NormStrength;
        Exists = reference.Exists;
        CanBeLeft = reference.CanBeLeft;
        CanThreatenIntervention = reference.CanThreatenIntervention;
    }

    public double NormStrength { get; }
    public bool Exists { get; }
    public bool CanBeLeft { get; }
    public bool CanThreatenIntervention { get; }

    public Vector256<double> SanctionsAre(SanctionsLevel level) => Equal(Sanctions, (double)level);

    /// <summary>Sanctions of any level in force.</summary>
    public Vector256<double> UnderSanctions => NotEqual(Sanctions, (double)SanctionsLevel.None);

    /// <summary>
    /// <see cref="RegionalOrganization.Hardness"/>, read about ten times a month: kept up to date by
    /// <see cref="UpdateHardness"/> whenever what it depends on changes, instead of being worked out at each reading.
    /// </summary>
    public Vector256<double> Hardness;

    private void UpdateHardness() =>
        Hardness = Min(1, Select(Suspended, 0.3, 0)
                          + Select(SanctionsAre(SanctionsLevel.Harsh), 0.6, Select(SanctionsAre(SanctionsLevel.Targeted), 0.3, 0))
                          + Select(InterventionThreatened, 0.2, 0));

    /// <summary>The <see cref="RegionalOrganization"/> constructor's state.</summary>
    public void Start()
    {
        Suspended = False;
        Sanctions = Of((double)SanctionsLevel.None);
        SanctionsEverImposed = False;
        MonthImposed = False;
        SanctionsEndorsed = False;
        InterventionThreatened = False;
        EnvoyExpelled = False;
        Relationship = Of(0.6);
        UpdateHardness();
    }

    /// <summary><see cref="RegionalOrganization.ConsiderSuspension"/> (month 0).</summary>
    public void ConsiderSuspension(CountryLanes c)
    {
        if (!c.Variant.RegionalSuspension || !Exists) return;
        var suspended = c.Draws.Occurs(c.Active, DrawStream.RegionalSuspension, NormStrength);
        Suspended |= suspended;
        UpdateHardness();
        ShiftRelationship(suspended, Of(-c.Parameters.SuspensionRelationshipCost));
        c.History.Mark(EventKind.RegionalSuspension, suspended, 0);
    }

    /// <summary><see cref="RegionalOrganization.Acts"/>.</summary>
    public void Acts(CountryLanes c, int month)
    {
        if (!Exists) return;
        var lanes = c.Active & Not(c.Authorities.LeftRegionalOrganization);
        if (!Any(lanes)) return;
        var p = c.Parameters;
        var variant = c.Variant;
        var authorities = c.Authorities;

        var reward = Not(authorities.TransitionOpen);
        if (variant.SanctionsLifting == SanctionsLifting.OnTransitionAgreement) reward |= authorities.StageIs(TransitionStage.Agreed);
        var lifted = lanes & reward & UnderSanctions;
        var readmitted = lanes & reward & Suspended;
        if (Any(lifted | readmitted))
        {
            Lift(lifted);
            c.History.Mark(EventKind.RegionalSanctionsLifted, lifted, month);
            Suspended &= Not(readmitted);
            c.History.Mark(EventKind.RegionalReadmission, readmitted, month);
            UpdateHardness();
        }

        var triggerOpen = variant.SanctionsTrigger switch
        {
            SanctionsTrigger.AtOnset => True,
            SanctionsTrigger.AtMonth => Of(month >= variant.SanctionsMonth),
            _ => authorities.TimelineSlipped,
        };
        if (variant.RegionalSanctions != SanctionsLevel.None)
        {
            var considered = lanes & triggerOpen & Not(UnderSanctions) & Not(reward) & authorities.StageIs(TransitionStage.NoAgreement);
            double adoption = NormStrength * (variant.RegionalSanctions == SanctionsLevel.Harsh
                ? p.HarshSanctionsAdoption : p.TargetedSanctionsAdoption);
            var adopted = c.Draws.Occurs(considered, DrawStream.RegionalSanctionsAdopted, adoption);
            if (Any(adopted))
            {
                var endorsed = c.Draws.Occurs(adopted & Not(c.Council.BlocksEndorsement(p)), DrawStream.RegionalSanctionsEndorsed,
                    Of(1) - c.Council.Polarization);
                Impose(adopted, variant.RegionalSanctions, month, endorsed, variant.InterventionThreat);
                ShiftRelationship(adopted, -Hardness * 0.5);
                c.History.Mark(EventKind.RegionalSanctionsImposed, adopted, month);
            }
        }
        if (variant.SanctionsEscalation)
        {
            var escalated = lanes & SanctionsAre(SanctionsLevel.Targeted) & authorities.StageIs(TransitionStage.NoAgreement)
                            & GreaterOrEqual(Of(month) - MonthImposed, p.SanctionsEscalationMonths);
            if (Any(escalated))
            {
                Impose(escalated, SanctionsLevel.Harsh, month, SanctionsEndorsed, variant.InterventionThreat);
                ShiftRelationship(escalated, -Hardness * 0.5);
            }
        }

        var underSanctions = UnderSanctions;
        ShiftRelationship(lanes & underSanctions, -p.SanctionsRelationshipErosion * Hardness);
        ShiftRelationship(lanes & Not(underSanctions) & SanctionsEverImposed, p.SanctionsLiftingRecovery * (Of(1) - Relationship));
        if (variant.RegionalDialogue) ShiftRelationship(lanes & Suspended, Of(p.RegionalDialogueRecovery));
    }

    /// <summary><see cref="RegionalOrganization.ConsiderExpellingEnvoy"/>.</summary>
    public void ConsiderExpellingEnvoy(CountryLanes c, int month, Vector256<double> lanes, Vector256<double> hostility)
    {
        if (!Exists) return;
        lanes &= Not(EnvoyExpelled) & Not(c.Authorities.LeftRegionalOrganization);
        if (!Any(lanes)) return;
        var chance = c.Parameters.EnvoyExpulsionBase * Hardness * (Of(0.5) + hostility) * c.Constants.EarlyRestraint[month];
        var expelled = c.Draws.Occurs(lanes, DrawStream.RegionalEnvoyExpelled, chance);
        if (!Any(expelled)) return;
        EnvoyExpelled |= expelled;
        ShiftRelationship(expelled, Of(-c.Parameters.SuspensionRelationshipCost));
        c.History.Mark(EventKind.RegionalEnvoyPersonaNonGrata, expelled, month);
    }

    /// <summary><see cref="RegionalOrganization.CoercivePressure"/>.</summary>
    public Vector256<double> CoercivePressure(BehaviouralParameters p, SanctionsLifting lifting)
    {
        var sanctions = Select(SanctionsAre(SanctionsLevel.Harsh), p.HarshSanctionsPressure,
                            Select(SanctionsAre(SanctionsLevel.Targeted), p.TargetedSanctionsPressure, 0))
                        * Select(SanctionsEndorsed, 1, p.UnendorsedSanctionsBite);
        var measures = sanctions + Select(Suspended, p.SuspensionPressure, 0);
        return measures * (lifting == SanctionsLifting.OnTransitionAgreement ? 1 : p.UnconditionalSanctionsCoercion);
    }

    /// <summary><see cref="RegionalOrganization.Impose"/>.</summary>
    private void Impose(Vector256<double> lanes, SanctionsLevel level, int month, Vector256<double> endorsed, bool threatenIntervention)
    {
        MonthImposed = Select(lanes & Not(UnderSanctions), month, MonthImposed);
        Sanctions = Select(lanes, (double)level, Sanctions);
        SanctionsEverImposed |= lanes;
        SanctionsEndorsed = Select(lanes, endorsed, SanctionsEndorsed);
        InterventionThreatened = Select(lanes, Of(threatenIntervention && CanThreatenIntervention), InterventionThreatened);
        UpdateHardness();
    }

    /// <summary><see cref="RegionalOrganization.Lift"/>.</summary>
    private void Lift(Vector256<double> lanes)
    {
        Sanctions = Select(lanes, (double)SanctionsLevel.None, Sanctions);
        InterventionThreatened &= Not(lanes);
    }

    /// <summary><see cref="RegionalOrganization.Left"/>.</summary>
    public void Left(Vector256<double> lanes)
    {
        Lift(lanes);
        Suspended &= Not(lanes);
        UpdateHardness();
    }

    /// <summary><see cref="RegionalOrganization.ShiftRelationship"/>.</summary>
    private void ShiftRelationship(Vector256<double> lanes, Vector256<double> change) =>
        Relationship = Select(lanes, Clamp(Relationship + change, 0, 1), Relationship);
}
