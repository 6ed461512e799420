using System.Runtime.Intrinsics;

namespace UcgSim.Core.Randomness;

/// <summary>
/// The uniform draws of four consecutive replicates side by side, lane i for replicate <c>first + i</c>: the
/// same bits as <see cref="ReplicateRandom.Uniform"/> gives each of them, computed four at a time for the batch
/// kernel (Core/Kernel).
/// </summary>
public readonly struct ReplicateLanesRandom
{
    private const ulong ExponentOf2To52 = 0x4330000000000000;
    private const double TwoTo52 = 4503599627370496.0;

    private readonly Vector256<ulong> _replicateLow;
    private readonly Vector256<ulong> _replicateHigh;
    private readonly uint _seedLow;
    private readonly uint _seedHigh;

    public ReplicateLanesRandom(ulong seed, long firstReplicate)
    {
        var replicates = Vector256.Create((ulong)firstReplicate) + Vector256.Create(0UL, 1, 2, 3);
        _replicateLow = replicates & Vector256.Create(0xFFFFFFFFUL);
        _replicateHigh = Vector256.ShiftRightLogical(replicates, 32);
        _seedLow = (uint)seed;
        _seedHigh = (uint)(seed >> 32);
    }

    /// <summary>Each lane's uniform in [0, 1) with 53 random bits for (month, stream).</summary>
    public Vector256<double> Uniform(int month, DrawStream stream)
    {
        var (a, b) = Philox4x32.GenerateFirstTwoWords(
            _replicateLow, _replicateHigh, Vector256.Create((ulong)(uint)month), Vector256.Create((ulong)(uint)stream), _seedLow, _seedHigh);
        // (a << 21 | b >> 11) * 2^-53 as a * 2^-32 + (b >> 11) * 2^-53: both parts and their sum are exact, and each
        // part converts to a double exactly by placing it under the exponent of 2^52 (AVX2 has no 64-bit conversion).
        var high = (a | Vector256.Create(ExponentOf2To52)).AsDouble() - Vector256.Create(TwoTo52);
        var low = (Vector256.ShiftRightLogical(b, 11) | Vector256.Create(ExponentOf2To52)).AsDouble() - Vector256.Create(TwoTo52);
        return high * (1.0 / (1UL << 32)) + low * (1.0 / (1UL << 53));
    }
}
