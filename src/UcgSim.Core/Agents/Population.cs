using UcgSim.Core.Parameters;

namespace UcgSim.Core.Agents;

/// <summary>
/// Population and civil society (brief §2): no strategic choices, but its support for the authorities,
/// its hardship and its polarization react each month to what the other agents do.
/// </summary>
public sealed class Population
{
    private readonly double _supportAtOnset;

    public Population(double supportAtOnset, double polarization, double baselineHardship)
    {
        _supportAtOnset = supportAtOnset;
        Polarization = polarization;
        Support = supportAtOnset;
        BaselineHardship = baselineHardship;
        Hardship = baselineHardship;
    }

    public double Support { get; private set; }
    public double Hardship { get; private set; }
    public double BaselineHardship { get; }

    /// <summary>How divided society is over the authorities; a divided civil society resents engagement more (mechanism 10).</summary>
    public double Polarization { get; }

    /// <param name="p">The global behavioural parameters.</param>
    /// <param name="rally">Monthly pull toward the authorities from harsh sanctions and threats (mechanism 5).</param>
    /// <param name="hardshipTarget">Hardship that aid cuts and sanctions push toward (mechanism 9).</param>
    /// <param name="hardshipBlamedAbroad">The part of that hardship people blame on foreign sanctions, not on the authorities.</param>
    /// <param name="shock">A uniform draw in [0, 1) for the month's unexplained movement.</param>
    public void Update(BehaviouralParameters p, double rally, double hardshipTarget, double hardshipBlamedAbroad, double shock)
    {
        Hardship += p.AdjustmentRate * (hardshipTarget - Hardship);
        // Sanctions' hardship feeds the rally rather than eroding support (Mali 2022, mechanism 5).
        double blamedAtHome = Math.Max(0, Hardship - BaselineHardship - hardshipBlamedAbroad);
        double change = p.SupportReversion * (_supportAtOnset - Support)
            + rally * (1 - Support)
            - p.HardshipSupportCost * blamedAtHome
            + p.SupportShock * (2 * shock - 1);
        Support = Math.Clamp(Support + change, 0, 1);
    }
}
