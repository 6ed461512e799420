namespace UcgSim.Core.Experiments;

/// <summary>
/// What simulates the replicates of an experiment. Both give the same records and summaries, bit for bit
/// (tests/UcgSim.Tests/Kernel holds them to it); the kernel is the fast one.
/// </summary>
public enum SimulationEngine
{
    /// <summary>The struct-of-arrays batch kernel (Core/Kernel), four replicates to a vector, all variants sharing each draw.</summary>
    Kernel,
    /// <summary>The reference model (Core/Simulation), one replicate and one object per agent at a time: the specification.</summary>
    Reference,
}
