using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>
/// Population and civil society (brief §2): no strategic choices, but its support for the authorities, its
/// hardship and its polarization react each month to what the other agents do. Where support collapses it
/// can take up arms (<see cref="CountryAfterUcg"/>'s war hazards read <see cref="Support"/>).
/// </summary>
public sealed class Population
{
    private readonly double _polarizationAtOnset;

    public Population(double supportAtOnset, double polarization, double baselineHardship)
    {
        SupportAtOnset = supportAtOnset;
        Polarization = _polarizationAtOnset = polarization;
        Support = supportAtOnset;
        MandateSupport = supportAtOnset;
        BaselineHardship = baselineHardship;
        Hardship = baselineHardship;
    }

    public double SupportAtOnset { get; }
    public double Support { get; private set; }

    /// <summary>
    /// The support the authorities can claim as a mandate: their onset level plus what a rally around the flag
    /// adds, fading as the rally does. Hardship and the month's shocks do not move it: the report describes no
    /// junta handing power back, or losing its own election, because hardship cost it support (Sudan 2021 held on
    /// at 23%); such losses only expose it to coups and armed resistance.
    /// </summary>
    public double MandateSupport { get; private set; }
    public double Hardship { get; private set; }
    public double BaselineHardship { get; }

    /// <summary>How divided society is over the authorities; a divided civil society resents engagement more (mechanism 10).</summary>
    public double Polarization { get; private set; }

    /// <summary>The month's reaction to sanctions, aid cuts, war, edicts and a mission's exit (mechanisms 5, 9, 10; brief §4 items 23, 24).</summary>
    public void Reacts(CountryAfterUcg c, int month)
    {
        var p = c.Parameters;
        var region = c.Region;
        // The rally builds as sanctions drag on: prompt sanctions lifted on an agreement coerce (Mali 2020), lasting ones
        // rally the country behind the junta (Mali 2022).
        double duration = Math.Min(1, (month - region.MonthImposed + 1) / p.RallyBuildMonths);
        double rally = (region.Sanctions == SanctionsLevel.Harsh ? p.HarshSanctionsRally * duration : 0)
                       + (region.InterventionThreatened ? p.InterventionThreatRally : 0);
        double sanctionsBite = region.Sanctions switch
        {
            SanctionsLevel.Harsh => 1.0,
            SanctionsLevel.Targeted => p.TargetedSanctionsBite,
            _ => 0,
        } * (region.SanctionsEndorsed ? 1 : p.UnendorsedSanctionsBite);
        // Listings and targeted sanctions meant for leaders also reach humanitarian and development work through
        // banks' and agencies' over-compliance ('Navigating Geopolitics'); they end with a handover to civilians.
        double spillover = c.Authorities.InPower
            ? p.SanctionsHumanitarianSpillover
              * ((c.Scenario.UnSanctionsListings ? 1 : 0) + (c.History.Happened(EventKind.UsTargetedSanctions) ? 1 : 0))
            : 0;
        double hardshipTarget = p.BaselineHardship
                                + c.Scenario.AidDependence * p.HardshipPerAidLost * Math.Max(0, 1 - c.Donors.NetAid)
                                + p.SanctionsHardship * sanctionsBite + spillover
                                + (c.History.Happened(EventKind.CivilWar) ? p.CivilWarHardship : 0)
                                + p.RushedExitHardship * c.SecurityVacuum(month);
        Hardship += p.AdjustmentRate * (Math.Min(1, hardshipTarget) - Hardship);

        // Sanctions' hardship feeds the rally rather than eroding support (Mali 2022, mechanism 5).
        double blamedAtHome = Math.Max(0, Hardship - BaselineHardship - p.SanctionsHardship * sanctionsBite);
        double shock = c.Random.Uniform(month, DrawStream.SupportShock);
        MandateSupport = Math.Clamp(MandateSupport + p.SupportReversion * (SupportAtOnset - MandateSupport)
            + rally * (1 - MandateSupport), 0, 1);
        Support = Math.Clamp(Support + p.SupportReversion * (SupportAtOnset - Support)
            + rally * (1 - Support)
            - p.HardshipSupportCost * blamedAtHome
            + p.SupportShock * (2 * shock - 1), 0, 1);

        // Edicts, hollow deals and war set groups against each other.
        double target = _polarizationAtOnset
                        + (c.History.Happened(EventKind.EdictIssued) ? p.EdictPolarization : 0)
                        + (c.History.Happened(EventKind.HollowAgreement) ? p.HollowAgreementPolarization : 0)
                        + (c.History.Happened(EventKind.CivilWar) ? p.CivilWarPolarization : 0);
        Polarization = Math.Clamp(Polarization + p.PopulationPolarizationDrift * (Math.Clamp(target, 0, 1) - Polarization), 0, 1);
    }

}
