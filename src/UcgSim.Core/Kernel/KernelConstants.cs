using UcgSim.Core.Numerics;
using UcgSim.Core.Parameters;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Kernel;

/// <summary>
/// The reference's month-dependent factors that depend on nothing else, computed once per month of the horizon
/// instead of once per replicate and month, by the same expressions (so the same bits).
/// </summary>
internal sealed class KernelConstants
{
    public KernelConstants(BehaviouralParameters p, int horizon)
    {
        EarlyRestraint = new double[horizon + 1];
        TakeoverSalience = new double[horizon + 1];
        StatementSalience = new double[horizon + 1];
        SecurityVacuumDecay = new double[horizon + 1];
        for (int month = 0; month <= horizon; month++)
        {
            SecurityVacuumDecay[month] = DeterministicMath.Exp(-month / p.SecurityVacuumMonths);
            EarlyRestraint[month] = p.EarlyRestraintMonths > 0 ? 1 - DeterministicMath.Exp(-month / p.EarlyRestraintMonths) : 1;
            TakeoverSalience[month] = DeterministicMath.Exp(-month / p.TakeoverSalienceMonths);
            StatementSalience[month] = DeterministicMath.Exp(-(month - 1) / p.StatementSalienceMonths);
        }
    }

    /// <summary><see cref="CountryAfterUcg.EarlyRestraint"/> by month.</summary>
    public double[] EarlyRestraint { get; }

    /// <summary>The fading weight of the manner of the takeover in RelationshipWithAuthorities, by month.</summary>
    public double[] TakeoverSalience { get; }

    /// <summary>The fading chance of a Council statement in SecurityCouncil.ConsiderStatement, by month.</summary>
    public double[] StatementSalience { get; }

    /// <summary>The fading of <see cref="CountryAfterUcg.SecurityVacuum"/>, by months since the mission left.</summary>
    public double[] SecurityVacuumDecay { get; }
}
