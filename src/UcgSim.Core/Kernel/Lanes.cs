using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace UcgSim.Core.Kernel;

/// <summary>
/// Four replicates side by side, one per lane of a <see cref="Vector256{T}"/>: a flag is a lane of all ones (true)
/// or all zeros (false), and small integers (months, counts, stages) are held exactly as doubles, so every piece of
/// state is one vector. The functions here have the exact semantics of the <see cref="Math"/> calls the reference
/// model makes, signed zeros and NaN included, so that each lane computes the reference's bits.
/// </summary>
/// <remarks>
/// Where the reference divides by a power of two (x / 2, x / 4, x / 0.5), the kernel multiplies by its inverse: both
/// round the same real number, so the bits are the same, without the division's latency.
/// </remarks>
internal static class Lanes
{
    public const int Count = 4;

    public static Vector256<double> True
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<double>.AllBitsSet;
    }

    public static Vector256<double> False
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<double>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(bool value) => value ? True : False;

    /// <summary>Per lane, <paramref name="mask"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> whenTrue, Vector256<double> whenFalse) =>
        Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, double whenTrue, double whenFalse) =>
        Vector256.ConditionalSelect(mask, Vector256.Create(whenTrue), Vector256.Create(whenFalse));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> whenTrue, double whenFalse) =>
        Vector256.ConditionalSelect(mask, whenTrue, Vector256.Create(whenFalse));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, double whenTrue, Vector256<double> whenFalse) =>
        Vector256.ConditionalSelect(mask, Vector256.Create(whenTrue), whenFalse);

    /// <summary>Whether any lane of a mask is set: the test that lets a block of work, or a draw, be skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector256<double> mask) => mask.ExtractMostSignificantBits() != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Not(Vector256<double> mask) => ~mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Equal(Vector256<double> x, double value) => Vector256.Equals(x, Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> NotEqual(Vector256<double> x, double value) => ~Vector256.Equals(x, Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Less(Vector256<double> x, double value) => Vector256.LessThan(x, Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Greater(Vector256<double> x, double value) => Vector256.GreaterThan(x, Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterOrEqual(Vector256<double> x, double value) =>
        Vector256.GreaterThanOrEqual(x, Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsNaN(Vector256<double> x) => ~Vector256.Equals(x, x);

    /// <summary><see cref="Math.Clamp(double, double, double)"/>: x &lt; low ? low : x &gt; high ? high : x (NaN and -0 pass through).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Clamp(Vector256<double> x, double low, double high) =>
        Numerics.DeterministicMath.Clamp(x, low, high);

    /// <summary>
    /// <see cref="Math.Max(double, double)"/>, the IEEE 754:2019 maximum (+0 above -0, NaN propagated). Against a
    /// bound that is not -0 or NaN, as every bound in the model is, "b &lt;= a ? a : b" is that maximum: a NaN b fails
    /// the comparison and is kept, and -0 against +0 gives +0. Two instructions where <see cref="Vector256.Max{T}"/>,
    /// which must also order two zeros or NaNs in either operand, takes ten; the model takes about twenty maxima and
    /// minima a month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Max(double a, Vector256<double> b) =>
        double.IsNaN(a) || double.IsNegative(a) && a == 0
            ? Vector256.Max(Vector256.Create(a), b)
            : Vector256.ConditionalSelect(Vector256.LessThanOrEqual(b, Vector256.Create(a)), Vector256.Create(a), b);

    /// <summary>
    /// <see cref="Math.Min(double, double)"/>, the IEEE 754:2019 minimum (-0 below +0, NaN propagated): against a bound
    /// that is not 0 or NaN, "b &gt;= a ? a : b", as <see cref="Max"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Min(double a, Vector256<double> b) =>
        double.IsNaN(a) || a == 0
            ? Vector256.Min(Vector256.Create(a), b)
            : Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(b, Vector256.Create(a)), Vector256.Create(a), b);
}
