using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace UcgSim.Core.Numerics;

/// <summary>
/// The model's own <c>exp</c> and <c>pow</c> (and, for the steps around the model, <c>log</c> and the sine and cosine
/// of turns in DeterministicMath.Turns.cs), built only from IEEE-exact operations (add, subtract, multiply and
/// divide, each correctly rounded; integer and bit operations), so that every machine, and the reference model and
/// the batch kernel alike, compute the same bits. <see cref="Math.Exp"/> and <see cref="Math.Pow"/> come from the
/// platform's libm and <see cref="Vector256.Exp(Vector256{double})"/> differs from <see cref="Math.Exp"/> in the last
/// bit for many arguments, so neither can be shared by a scalar and a vector engine that must agree bit for bit.
/// </summary>
/// <remarks>
/// There is one implementation, over four lanes; the scalar functions run it on a broadcast argument and read lane 0,
/// so scalar and vector results are the same by construction. No operation is fused: .NET does not contract a
/// multiply and an add into an FMA, and nothing here asks for one. Accuracy against <see cref="Math"/> is measured by
/// <c>DeterministicMathTests</c>: at most 1 ulp for <see cref="Exp(double)"/> over its whole range and for
/// <see cref="Pow(double, double)"/> wherever the result is finite, subnormal results included. The bits are the same
/// with AVX-512, with AVX2 only and without AVX (the agreement and golden-file tests pass under each).
/// </remarks>
public static partial class DeterministicMath
{
    // Cody and Waite's split of ln 2 (fdlibm e_exp.c): Ln2High has 21 trailing zero bits, so k * Ln2High is exact
    // for |k| < 2^11, which covers every k an exponent within the double range needs.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.44269504088896338700e+00;

    // fdlibm e_exp.c: the Remez polynomial of R(r^2) = r (e^r + 1) / (e^r - 1) on |r| <= ln 2 / 2, error < 2^-59.
    private const double ExpP1 = 1.66666666666666019037e-01;
    private const double ExpP2 = -2.77777777770155933842e-03;
    private const double ExpP3 = 6.61375632143793436117e-05;
    private const double ExpP4 = -1.65339022054652515390e-06;
    private const double ExpP5 = 4.13813679705723846039e-08;

    // log z = 2 atanh(s) = 2s + (2/3)s^3 + s^5 (2/5 + (2/7)s^2 + ... + (2/23)s^18), s = (z - 1) / (z + 1), |s| <= 0.1716
    // for z in [sqrt(1/2), sqrt(2)): the first omitted term, (2/25)s^25, is below 2^-65 of log z. The Taylor
    // coefficients need no fit; 2/3, the one whose rounding would show, is carried in two parts.
    private const double TwoThirdsHigh = 0.66666666666666663;
    private const double TwoThirdsLow = 3.700743415417188E-17;

    // Adding 1.5 * 2^52 rounds a double of magnitude below 2^51 to the nearest integer (ties to even), which then
    // sits in the low bits of the sum's pattern: rounding and conversion to an integer without a conversion
    // instruction, which AVX2 lacks for 64-bit integers.
    private const double RoundingShift = 6755399441055744.0;
    private const long RoundingShiftBits = 0x4338000000000000;

    // Beyond these, exp is 0 or infinite; clamping keeps k, and so the scale factors, within range.
    private const double ExpArgumentFloor = -746.0;
    private const double ExpArgumentCeiling = 710.0;

    // Veltkamp's splitting constant 2^27 + 1: splits a double into two halves whose products are exact.
    private const double SplitFactor = 134217729.0;

    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoTo54 = 18014398509481984.0;
    // The bit pattern of sqrt(1/2): subtracting it brings the mantissa into [sqrt(1/2), sqrt(2)) (musl log.c).
    private const long SqrtHalfBits = 0x3FE6A09E667F3BCD;

    /// <summary>e^x; 0 below about -745.13, +infinity above about 709.78, NaN for NaN.</summary>
    public static double Exp(double x) => Exp(Vector256.Create(x)).ToScalar();

    /// <summary>x^y for x &gt;= 0 (a share or a ratio in the model): 1 when y is 0; NaN for a negative or NaN x.</summary>
    public static double Pow(double x, double y) => Pow(Vector256.Create(x), Vector256.Create(y)).ToScalar();

    /// <summary>
    /// The natural logarithm: -infinity at 0, NaN below 0 and for NaN, +infinity at +infinity. Not used by the model;
    /// for the steps around it (ABC-SMC's normal draws, the backtest's log score) that must give the same bits everywhere.
    /// </summary>
    public static double Log(double x)
    {
        var lane = Vector256.Create(x);
        var (high, _) = LogAsDoubleDouble(lane);
        double log = high.ToScalar();
        return x > 0 && x < double.PositiveInfinity ? log
            : x == 0 ? double.NegativeInfinity
            : x == double.PositiveInfinity ? double.PositiveInfinity
            : double.NaN;
    }

    /// <summary><see cref="Exp(double)"/> in each lane.</summary>
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Clamp(x, ExpArgumentFloor, ExpArgumentCeiling);
        var k = RoundToInteger(x * InverseLn2);
        return ExpReduced(x - k * Ln2High, k * Ln2Low, k);
    }

    /// <summary><see cref="Pow(double, double)"/> in each lane.</summary>
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y)
    {
        var (logHigh, logLow) = LogAsDoubleDouble(x);
        // y log x to about 2^-100 absolute beyond its leading double, so that its rounding costs exp nothing.
        var (productHigh, productError) = TwoProduct(y, logHigh);
        var exponentLow = productError + y * logLow;
        // Outside the range exp can return a finite non-zero value the low part no longer matters (and may be
        // NaN from an overflowing split); the clamped leading part alone gives 0 or infinity.
        var exponentHigh = Clamp(productHigh, ExpArgumentFloor, ExpArgumentCeiling);
        exponentLow = Vector256.ConditionalSelect(Vector256.Equals(exponentHigh, productHigh), exponentLow, Vector256<double>.Zero);
        var k = RoundToInteger(exponentHigh * InverseLn2);
        var power = ExpReduced(exponentHigh - k * Ln2High, k * Ln2Low - exponentLow, k);

        // The cases the logarithm cannot reach: 0^y, y = 0 (even for x = 0 or NaN, as Math.Pow), x = +infinity.
        var zeroBase = Vector256.Equals(x, Vector256<double>.Zero);
        var zeroPower = Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<double>.Zero), Vector256<double>.Zero,
            Vector256.ConditionalSelect(Vector256.LessThan(y, Vector256<double>.Zero),
                Vector256.Create(double.PositiveInfinity), Vector256<double>.One));
        power = Vector256.ConditionalSelect(zeroBase, zeroPower, power);
        var infiniteBase = Vector256.Equals(x, Vector256.Create(double.PositiveInfinity));
        var infinitePower = Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<double>.Zero),
            Vector256.Create(double.PositiveInfinity), Vector256<double>.Zero);
        power = Vector256.ConditionalSelect(infiniteBase, infinitePower, power);
        var outsideDomain = ~Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero);
        power = Vector256.ConditionalSelect(outsideDomain, Vector256.Create(double.NaN), power);
        return Vector256.ConditionalSelect(Vector256.Equals(y, Vector256<double>.Zero), Vector256<double>.One, power);
    }

    /// <summary>
    /// e^(high - low + k ln 2), where high - low is the reduced argument, |high - low| &lt;= ln 2 / 2 (fdlibm
    /// e_exp.c): e^r = 1 + r + r c / (2 - c) with c = r - r^2 R(r^2), arranged so that low keeps the bits the
    /// reduction carried beyond r. The result is scaled by 2^k in two steps, 2^(k/2) and 2^(k - k/2), so that
    /// a subnormal result is rounded once and 2^1024 is never formed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpReduced(Vector256<double> high, Vector256<double> low, Vector256<double> k)
    {
        var r = high - low;
        var t = r * r;
        var c = r - t * (Splat(ExpP1) + t * (Splat(ExpP2) + t * (Splat(ExpP3) + t * (Splat(ExpP4) + t * ExpP5))));
        var y = Vector256<double>.One - ((low - r * c / (Vector256.Create(2.0) - c)) - high);
        var half = RoundToInteger(k * 0.5);
        return y * PowerOfTwo(half) * PowerOfTwo(k - half);
    }

    /// <summary>
    /// log x as an unevaluated sum high + low, accurate to about 2^-64 relative, so that y log x keeps the
    /// precision exp needs even where |y log x| is in the hundreds: x = 2^e z with z in [sqrt(1/2), sqrt(2)),
    /// log z = 2 atanh(s) with s = (z - 1) / (z + 1) carried in two parts and its leading terms in double-double,
    /// plus e ln 2. Only meaningful for finite positive x; <see cref="Pow(Vector256{double}, Vector256{double})"/>
    /// replaces the other cases.
    /// </summary>
    private static (Vector256<double> High, Vector256<double> Low) LogAsDoubleDouble(Vector256<double> x)
    {
        // A subnormal x is brought into the normal range first, exactly.
        var subnormal = Vector256.LessThan(x, Vector256.Create(SmallestNormal));
        x = Vector256.ConditionalSelect(subnormal, x * TwoTo54, x);
        var exponentAdjust = Vector256.ConditionalSelect(subnormal, Vector256.Create(-54.0), Vector256<double>.Zero);

        // (bits - bits(sqrt(1/2))) >> 52 is the exponent that brings the mantissa into [sqrt(1/2), sqrt(2)); the bias
        // of 1024 keeps the difference non-negative, so a logical shift (AVX2 has no 64-bit arithmetic one) serves.
        var bits = x.AsInt64();
        var offset = bits - Vector256.Create(SqrtHalfBits) + Vector256.Create(1024L << 52);
        var exponentBits = Vector256.ShiftRightLogical(offset.AsUInt64(), 52).AsInt64() - Vector256.Create(1024L);
        var z = (bits - Vector256.ShiftLeft(exponentBits, 52)).AsDouble();
        var exponent = ToDouble(exponentBits) + exponentAdjust;

        // f = z - 1 is exact (Sterbenz). s = f / (2 + f) in two parts: 2 + f = d + dLow exactly, then the
        // division's remainder f - s d, exact by the two-product, gives the low part.
        var two = Vector256.Create(2.0);
        var f = z - Vector256<double>.One;
        var d = two + f;
        var dLow = f - (d - two);
        var s = f / d;
        var (sd, sdError) = TwoProduct(s, d);
        var sLow = ((f - sd) - sdError - s * dLow) / d;

        // (2/3) s^3 in double-double; the rest of the series, below 2^-14 of log z, in double.
        var (s2, s2Error) = TwoProduct(s, s);
        var (s3, s3Error) = TwoProduct(s, s2);
        s3Error += s * s2Error;
        var (cube, cubeError) = TwoProduct(Vector256.Create(TwoThirdsHigh), s3);
        cubeError += TwoThirdsHigh * s3Error + TwoThirdsLow * s3;
        var tail = s3 * s2 * (Splat(2.0 / 5) + s2 * (Splat(2.0 / 7) + s2 * (Splat(2.0 / 9) + s2 * (Splat(2.0 / 11)
            + s2 * (Splat(2.0 / 13) + s2 * (Splat(2.0 / 15) + s2 * (Splat(2.0 / 17) + s2 * (Splat(2.0 / 19)
            + s2 * (Splat(2.0 / 21) + s2 * (2.0 / 23))))))))));

        var (partial, partialError) = TwoSum(exponent * Ln2High, s + s);
        var (sum, sumError) = TwoSum(partial, cube);
        var rest = partialError + sumError
                   + (cubeError + (sLow + sLow) + (s2 + s2) * sLow + tail + exponent * Ln2Low);
        var high = sum + rest;
        return (high, rest - (high - sum));
    }

    /// <summary>a + b = sum + error exactly (Knuth's two-sum, six operations, no condition on magnitudes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Sum, Vector256<double> Error) TwoSum(Vector256<double> a, Vector256<double> b)
    {
        var sum = a + b;
        var bVirtual = sum - a;
        var aVirtual = sum - bVirtual;
        return (sum, (a - aVirtual) + (b - bVirtual));
    }

    /// <summary>a b = product + error exactly, by Dekker's product of Veltkamp halves (no fused multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Product, Vector256<double> Error) TwoProduct(Vector256<double> a, Vector256<double> b)
    {
        var (aHigh, aLow) = Split(a);
        var (bHigh, bLow) = Split(b);
        var product = a * b;
        return (product, ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> High, Vector256<double> Low) Split(Vector256<double> a)
    {
        var scaled = a * SplitFactor;
        var high = scaled - (scaled - a);
        return (high, a - high);
    }

    /// <summary>Lane-wise x &lt; low ? low : x &gt; high ? high : x, as <see cref="Math.Clamp(double, double, double)"/> (NaN stays NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Clamp(Vector256<double> x, double low, double high)
    {
        var lowVector = Vector256.Create(low);
        var highVector = Vector256.Create(high);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, lowVector), lowVector,
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, highVector), highVector, x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Splat(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> RoundToInteger(Vector256<double> x) =>
        (x + Vector256.Create(RoundingShift)) - Vector256.Create(RoundingShift);

    /// <summary>2^n for an integral double n in the normal exponent range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> n)
    {
        var integer = (n + Vector256.Create(RoundingShift)).AsInt64() - Vector256.Create(RoundingShiftBits);
        return Vector256.ShiftLeft(integer + Vector256.Create(1023L), 52).AsDouble();
    }

    /// <summary>A small integer (|n| &lt; 2^51) as a double, by the inverse of the rounding shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToDouble(Vector256<long> n) =>
        (n + Vector256.Create(RoundingShiftBits)).AsDouble() - Vector256.Create(RoundingShift);
}
