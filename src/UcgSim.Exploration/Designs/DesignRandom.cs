using UcgSim.Core.Randomness;

namespace UcgSim.Exploration.Designs;

// Counter-based draws for designs and resampling: each is a pure function of (seed, purpose, coordinates), so a
// design point or a bootstrap resample is the same whichever process computes it and in whatever order.
internal static class DesignRandom
{
    // Keeps the design's draws apart from the replicates' own (keyed by seed alone), should a user give both one seed.
    private const uint DesignStreams = 0xD5E1_6000;

    /// <summary>32 random bits.</summary>
    public static uint Bits(ulong seed, DesignStream stream, long a, long b)
    {
        var (word, _, _, _) = Philox4x32.Generate((uint)a, (uint)((ulong)a >> 32), (uint)b, DesignStreams + (uint)stream,
            (uint)seed, (uint)(seed >> 32));
        return word;
    }

    /// <summary>
    /// A uniform draw in (0, 1], with 53 random bits: above 0 always (so its log is finite), and exactly 1 only when all
    /// 53 bits are ones, where (2^53 - 1) + 0.5 rounds up to 2^53 (once in 2^53 draws; every use accepts it).
    /// </summary>
    public static double Uniform(ulong seed, DesignStream stream, long a, long b)
    {
        var (w0, w1, _, _) = Philox4x32.Generate((uint)a, (uint)((ulong)a >> 32), (uint)b, DesignStreams + (uint)stream,
            (uint)seed, (uint)(seed >> 32));
        ulong bits = ((ulong)w0 << 21) | (w1 >> 11);
        return (bits + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>A whole number in [0, <paramref name="bound"/>).</summary>
    public static int Below(int bound, ulong seed, DesignStream stream, long a, long b) =>
        (int)(Uniform(seed, stream, a, b) * bound);
}

internal enum DesignStream : uint
{
    MonteCarlo,
    LatinStrata,
    LatinJitter,
    SobolScramble,
    SobolDirections,
    MorrisStart,
    MorrisOrder,
    Bootstrap,
    AbcPrior,
    AbcAncestor,
    AbcPerturbation,
    AbcSimulationSeed,
}
