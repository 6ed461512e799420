using System.Runtime.Intrinsics;

namespace UcgSim.Core.Numerics;

/// <summary>
/// Sine and cosine of an angle given in turns (1 turn = 2 pi radians), from IEEE-exact operations, for the steps around
/// the model that need them (Box-Muller normal draws, the Iman-Conover correlation target). Turns make the range
/// reduction exact: 4t is split into a whole number of quarter turns and a remainder f in [-1/2, 1/2] with no rounding at
/// all, so the only rounding before the polynomials is that of (pi / 2) f, carried in two parts. A function of radians
/// would first round 2 pi t, which moves the result by many units in the last place near the zeros. Within 1 ulp of
/// the exact value (tested) except for |t| below about 1e-308, where the reduction's exact product underflows (1.55 ulp
/// at worst); the sine of -0 is +0.
/// </summary>
public static partial class DeterministicMath
{
    // pi / 2 as a double and the double nearest the rest: the angle of a quarter turn to about 2^-107.
    private const double QuarterTurnHigh = 1.5707963267948966;
    private const double QuarterTurnLow = 6.123233995736766e-17;

    // fdlibm k_sin.c and k_cos.c (FreeBSD msun): polynomials of sin and cos on |x| <= pi / 4, error below 2^-58.
    private const double SinS1 = -1.66666666666666324348e-01;
    private const double SinS2 = 8.33333333332248946124e-03;
    private const double SinS3 = -1.98412698298579493134e-04;
    private const double SinS4 = 2.75573137070700676789e-06;
    private const double SinS5 = -2.50507602534068634195e-08;
    private const double SinS6 = 1.58969099521155010221e-10;
    private const double CosC1 = 4.16666666666666019037e-02;
    private const double CosC2 = -1.38888888888741095749e-03;
    private const double CosC3 = 2.48015872894767294178e-05;
    private const double CosC4 = -2.75573143513906633035e-07;
    private const double CosC5 = 2.08757232129817482790e-09;
    private const double CosC6 = -1.13596475577881948265e-11;

    // From 2^52 on every double is a whole number of turns.
    private const double WholeTurns = 4503599627370496.0;

    /// <summary>cos(2 pi <paramref name="turns"/>); NaN for an infinite or NaN argument.</summary>
    public static double CosOfTurns(double turns) => OfQuarterTurns(turns, 0);

    /// <summary>sin(2 pi <paramref name="turns"/>); NaN for an infinite or NaN argument.</summary>
    // sin a = cos(a - pi / 2), and a quarter turn back is three on.
    public static double SinOfTurns(double turns) => OfQuarterTurns(turns, 3);

    // cos(k pi / 2 + x + y) with k the whole quarter turns plus the shift: by the quarter, +-cos or -+sin of the rest.
    private static double OfQuarterTurns(double turns, int shift)
    {
        if (!double.IsFinite(turns)) return double.NaN;
        var (quarter, x, y) = Math.Abs(turns) >= WholeTurns ? (0, 0.0, 0.0) : QuarterTurns(turns);
        // + 0.0 turns the -0 of -sin(0) into +0, as the exact value 0 rounds.
        return ((quarter + shift) & 3) switch
        {
            0 => CosKernel(x, y),
            1 => -SinKernel(x, y) + 0.0,
            2 => -CosKernel(x, y),
            _ => SinKernel(x, y) + 0.0,
        };
    }

    /// <summary>
    /// 4 t = q + f with q whole and |f| &lt;= 1/2, both exact; the quarter q mod 4 and the angle (pi / 2) f as x + y,
    /// |x| &lt;= pi / 4.
    /// </summary>
    private static (int Quarter, double X, double Y) QuarterTurns(double turns)
    {
        double quarters = 4 * turns;
        double whole = Math.Round(quarters, MidpointRounding.ToEven);
        double fraction = quarters - whole;
        // (pi / 2) f: the exact product of f and the high part, plus f times the low part.
        var (product, productError) = TwoProduct(Vector256.Create(fraction), Vector256.Create(QuarterTurnHigh));
        double high = product.ToScalar();
        double low = productError.ToScalar() + fraction * QuarterTurnLow;
        double x = high + low;
        return ((int)((long)whole & 3), x, low - (x - high));
    }

    // sin(x + y) for |x| <= pi / 4, y the tail of x (fdlibm __kernel_sin with a tail).
    private static double SinKernel(double x, double y)
    {
        double z = x * x;
        double v = z * x;
        double r = SinS2 + z * (SinS3 + z * (SinS4 + z * (SinS5 + z * SinS6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * SinS1);
    }

    // cos(x + y) for |x| <= pi / 4 (fdlibm __kernel_cos): 1 - x^2 / 2 is formed so that its rounding error is kept.
    private static double CosKernel(double x, double y)
    {
        double z = x * x;
        double w = z * z;
        double r = z * (CosC1 + z * (CosC2 + z * CosC3)) + w * w * (CosC4 + z * (CosC5 + z * CosC6));
        double halfZ = 0.5 * z;
        double leading = 1.0 - halfZ;
        return leading + (((1.0 - leading) - halfZ) + (z * r - x * y));
    }
}
