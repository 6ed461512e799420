using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace UcgSim.Core.Randomness;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011):
/// a counter-based generator. The output is a pure function of (counter, key), so any draw can be
/// computed from its coordinates alone, in any order, on any thread or machine.
/// </summary>
public static class Philox4x32
{
    private const uint MultiplierA = 0xD2511F53;
    private const uint MultiplierB = 0xCD9E8D57;
    private const uint WeylA = 0x9E3779B9;
    private const uint WeylB = 0xBB67AE85;

    /// <summary>Ten rounds of the Philox4x32 bijection of the counter (c0..c3) under the key (k0, k1).</summary>
    public static (uint, uint, uint, uint) Generate(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += WeylA;
                k1 += WeylB;
            }
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
        }
        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// The first two output words of <see cref="Generate"/> for four counters at once, one per 64-bit lane, each word
    /// in the low 32 bits of its lane: the batch kernel's draws for four replicates. The lane layout lets one AVX2
    /// multiply (vpmuludq) form the four 32 x 32 -> 64-bit products a round needs.
    /// </summary>
    /// <remarks>
    /// The draws are the floor under the kernel, so a round is kept to the eight instructions it needs: the rounds are
    /// written out, the keys advance as vectors, and nothing is masked until the end. Only the low 32 bits of a lane
    /// take part in a multiply, and every other step (xor, and the shift of a full 64-bit product) computes each bit
    /// from bits at or above it in the same lane, so bits above 32 never reach the low 32: they are cut off once, from
    /// the two words returned.
    /// </remarks>
    public static (Vector256<ulong> Word0, Vector256<ulong> Word1) GenerateFirstTwoWords(
        Vector256<ulong> c0, Vector256<ulong> c1, Vector256<ulong> c2, Vector256<ulong> c3, uint k0, uint k1)
    {
        var key0 = Vector256.Create((ulong)k0);
        var key1 = Vector256.Create((ulong)k1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        VectorRound(ref c0, ref c1, ref c2, ref c3, ref key0, ref key1);
        // The tenth round: words 2 and 3 are not needed.
        var low32 = Vector256.Create(0xFFFFFFFFUL);
        var last = MultiplyLow32(c2, MultiplierB);
        return ((Vector256.ShiftRightLogical(last, 32) ^ c1 ^ key0) & low32, last & low32);
    }

    /// <summary>One round of <see cref="Generate"/> in each lane, then the keys' Weyl step, for the next round.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorRound(ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> c2, ref Vector256<ulong> c3,
        ref Vector256<ulong> key0, ref Vector256<ulong> key1)
    {
        var productA = MultiplyLow32(c0, MultiplierA);
        var productB = MultiplyLow32(c2, MultiplierB);
        c0 = Vector256.ShiftRightLogical(productB, 32) ^ c1 ^ key0;
        c1 = productB;
        c2 = Vector256.ShiftRightLogical(productA, 32) ^ c3 ^ key1;
        c3 = productA;
        key0 += Vector256.Create((ulong)WeylA);
        key1 += Vector256.Create((ulong)WeylB);
    }

    // The full product of the low 32 bits of each lane and a 32-bit multiplier, whatever the lane's higher bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyLow32(Vector256<ulong> lanes, uint multiplier) =>
        Avx2.IsSupported
            ? Avx2.Multiply(lanes.AsUInt32(), Vector256.Create((ulong)multiplier).AsUInt32())
            : (lanes & Vector256.Create(0xFFFFFFFFUL)) * Vector256.Create((ulong)multiplier);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        ulong productA = (ulong)MultiplierA * c0;
        ulong productB = (ulong)MultiplierB * c2;
        uint next0 = (uint)(productB >> 32) ^ c1 ^ k0;
        uint next1 = (uint)productB;
        uint next2 = (uint)(productA >> 32) ^ c3 ^ k1;
        uint next3 = (uint)productA;
        c0 = next0;
        c1 = next1;
        c2 = next2;
        c3 = next3;
    }
}
