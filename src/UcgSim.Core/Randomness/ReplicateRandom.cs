namespace UcgSim.Core.Randomness;

/// <summary>
/// The uniform draws of one replicate. A value type holding only its key: every draw is computed from
/// (seed, replicate, month, stream) by <see cref="Philox4x32"/>, never from hidden state, so the same
/// replicate index gives the same history whatever thread, process or machine runs it.
/// </summary>
public readonly struct ReplicateRandom
{
    private readonly uint _seedLow;
    private readonly uint _seedHigh;
    private readonly uint _replicateLow;
    private readonly uint _replicateHigh;

    public ReplicateRandom(ulong seed, long replicate)
    {
        _seedLow = (uint)seed;
        _seedHigh = (uint)(seed >> 32);
        _replicateLow = (uint)replicate;
        _replicateHigh = (uint)((ulong)replicate >> 32);
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public double Uniform(int month, DrawStream stream)
    {
        var (a, b, _, _) = Philox4x32.Generate(
            _replicateLow, _replicateHigh, (uint)month, (uint)stream, _seedLow, _seedHigh);
        ulong bits = ((ulong)a << 21) | (b >> 11);
        return bits * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// One Bernoulli trial: true with probability <paramref name="probability"/>. Hazards built as products of
    /// multipliers can pass 1 (the event is then certain) or be 0; a NaN is a modelling bug and throws.
    /// </summary>
    public bool Occurs(int month, DrawStream stream, double probability) =>
        double.IsNaN(probability)
            ? throw new ArgumentOutOfRangeException(nameof(probability), $"NaN probability for {stream} in month {month}.")
            : Uniform(month, stream) < probability;
}
