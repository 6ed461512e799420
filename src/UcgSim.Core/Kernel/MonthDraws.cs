using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using UcgSim.Core.Randomness;

namespace UcgSim.Core.Kernel;

/// <summary>
/// The draws of four replicates in one month, computed the first time any variant needs a stream and then shared
/// by every variant: common random numbers make them equal, so the three variants of the default experiment pay for
/// each draw once. A draw no lane needs (its event cannot happen, or its probability is 0 or at least 1 wherever it
/// is asked) is never computed: as in the reference, whether a draw is made changes no other draw.
/// </summary>
internal sealed class MonthDraws
{
    private readonly Vector256<double>[] _uniforms = new Vector256<double>[StreamCount];
    private ReplicateLanesRandom _random;
    private ulong _drawn;

    private static readonly int StreamCount = Enum.GetValues<DrawStream>().Max(s => (int)s) + 1;

    public int Month { get; private set; }

    /// <summary>The streams drawn this month, one bit per <see cref="DrawStream"/>: what the floor benchmark replays.</summary>
    public ulong Drawn => _drawn;

    public void Begin(ReplicateLanesRandom random, int month)
    {
        _random = random;
        Month = month;
        _drawn = 0;
    }

    /// <summary>Each lane's uniform for <paramref name="stream"/> this month, as <see cref="ReplicateRandom.Uniform"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Uniform(DrawStream stream)
    {
        if ((_drawn & (1UL << (int)stream)) == 0) Draw(stream);
        return _uniforms[(int)stream];
    }

    // Not inlined: a Philox draw is about a hundred instructions, and one copy of them serves the thirty places the
    // model draws, where inlining put a copy in each and made the kernel's code that much larger.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Draw(DrawStream stream)
    {
        _uniforms[(int)stream] = _random.Uniform(Month, stream);
        _drawn |= 1UL << (int)stream;
    }

    /// <summary>
    /// <see cref="ReplicateRandom.Occurs"/> in the lanes of <paramref name="asked"/> (false elsewhere): u &lt; p, with
    /// a NaN probability in an asked lane an error, as in the reference.
    /// </summary>
    public Vector256<double> Occurs(Vector256<double> asked, DrawStream stream, Vector256<double> probability)
    {
        if (!Lanes.Any(asked)) return Lanes.False;
        if (Lanes.Any(asked & Lanes.IsNaN(probability))) ThrowNaNProbability(stream);
        // u lies in [0, 1): below p is certain where p >= 1 and impossible where p <= 0; only the lanes between draw.
        var undecided = asked & Lanes.Greater(probability, 0) & Lanes.Less(probability, 1);
        if (!Lanes.Any(undecided)) return asked & Lanes.GreaterOrEqual(probability, 1);
        return asked & Vector256.LessThan(Uniform(stream), probability);
    }

    // Out of line, so that the message's formatting is not copied into each of the thirty places that draw.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNaNProbability(DrawStream stream) =>
        throw new ArgumentOutOfRangeException("probability", $"NaN probability for {stream} in month {Month}.");

    public Vector256<double> Occurs(Vector256<double> asked, DrawStream stream, double probability) =>
        Occurs(asked, stream, Vector256.Create(probability));
}
