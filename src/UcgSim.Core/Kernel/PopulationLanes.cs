using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary><see cref="Population"/> for four replicates.</summary>
internal sealed class PopulationLanes(double supportAtOnset, double polarizationAtOnset, double baselineHardship)
{
    public Vector256<double> Support;
    public Vector256<double> MandateSupport;
    public Vector256<double> Hardship;
    public Vector256<double> Polarization;

    /// <summary>The <see cref="Population"/> constructor.</summary>
    public void Start()
    {
        Support = MandateSupport = Of(supportAtOnset);
        Hardship = Of(baselineHardship);
        Polarization = Of(polarizationAtOnset);
    }

    /// <summary><see cref="Population.Reacts"/>.</summary>
    public void Reacts(CountryLanes c, int month)
    {
        var p = c.Parameters;
        var region = c.Region;
        var harsh = region.SanctionsAre(SanctionsLevel.Harsh);
        var duration = Min(1, (Of(month) - region.MonthImposed + Of(1)) / p.RallyBuildMonths);
        var rally = Select(harsh, p.HarshSanctionsRally * duration, 0) + Select(region.InterventionThreatened, p.InterventionThreatRally, 0);
        var sanctionsBite = Select(harsh, 1.0, Select(region.SanctionsAre(SanctionsLevel.Targeted), p.TargetedSanctionsBite, 0))
                            * Select(region.SanctionsEndorsed, 1, p.UnendorsedSanctionsBite);
        var happenedUsSanctions = c.History.Happened(EventKind.UsTargetedSanctions);
        var spillover = Select(c.Authorities.InPower,
            p.SanctionsHumanitarianSpillover * (Of(c.Scenario.UnSanctionsListings ? 1 : 0) + Select(happenedUsSanctions, 1, 0)), 0);
        var hardshipTarget = Of(p.BaselineHardship)
                             + c.Scenario.AidDependence * p.HardshipPerAidLost * Max(0, Of(1) - c.Donors.NetAid)
                             + p.SanctionsHardship * sanctionsBite + spillover
                             + Select(c.History.Happened(EventKind.CivilWar), p.CivilWarHardship, 0)
                             + p.RushedExitHardship * c.SecurityVacuum(month);
        Hardship += p.AdjustmentRate * (Min(1, hardshipTarget) - Hardship);

        var blamedAtHome = Max(0, Hardship - Of(baselineHardship) - p.SanctionsHardship * sanctionsBite);
        var shock = c.Draws.Uniform(DrawStream.SupportShock);
        MandateSupport = Clamp(MandateSupport + p.SupportReversion * (Of(supportAtOnset) - MandateSupport)
            + rally * (Of(1) - MandateSupport), 0, 1);
        Support = Clamp(Support + p.SupportReversion * (Of(supportAtOnset) - Support)
            + rally * (Of(1) - Support)
            - p.HardshipSupportCost * blamedAtHome
            + p.SupportShock * (2 * shock - Of(1)), 0, 1);

        var target = Of(polarizationAtOnset)
                     + Select(c.History.Happened(EventKind.EdictIssued), p.EdictPolarization, 0)
                     + Select(c.History.Happened(EventKind.HollowAgreement), p.HollowAgreementPolarization, 0)
                     + Select(c.History.Happened(EventKind.CivilWar), p.CivilWarPolarization, 0);
        Polarization = Clamp(Polarization + p.PopulationPolarizationDrift * (Clamp(target, 0, 1) - Polarization), 0, 1);
    }
}
