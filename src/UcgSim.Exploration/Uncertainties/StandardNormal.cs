using UcgSim.Core.Numerics;

namespace UcgSim.Exploration.Uncertainties;

/// <summary>
/// The standard normal's distribution function, quantile function and density, from IEEE-exact operations and the
/// model's own exp and log (Core/Numerics), so that a truncated-normal input or prior, and the normal scores of a rank
/// correlation, are the same bits on every machine; MathNet's, which this replaces, go through the platform's C library.
/// </summary>
public static class StandardNormal
{
    // 1 / sqrt(2 pi).
    private const double InverseSqrtTwoPi = 0.398942280401432677939946059934;

    /// <summary>
    /// P(Z &lt;= x), with full relative precision in the lower tail: W. J. Cody's rational Chebyshev approximations
    /// (ACM TOMS Algorithm 715, 1993) on |x| &lt;= 0.67448975, on |x| &lt;= sqrt(32) and beyond, as R's pnorm uses them.
    /// </summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double y = Math.Abs(x);
        if (y <= 0.67448975)
        {
            var (numerator, denominator) = CodyRational(y > 1.11e-16 ? x * x : 0, CentreTop, CentreNumerator, CentreDenominator);
            return 0.5 + x * numerator / denominator;
        }
        double tail =
            y <= 5.656854249492380195206754896838 ? GaussianOf(y) * CodyRatio(y, MiddleTop, MiddleNumerator, MiddleDenominator)
            : y < 37.5193 ? GaussianOf(y) * ((InverseSqrtTwoPi - TailCorrection(1 / (x * x))) / y)
            : 0;
        return x > 0 ? 1 - tail : tail;
    }

    private static double TailCorrection(double inverseSquare)
    {
        var (numerator, denominator) = CodyRational(inverseSquare, TailTop, TailNumerator, TailDenominator);
        return inverseSquare * numerator / denominator;
    }

    // Cody's coefficients (R's pnorm.c a/b, c/d and p/q), each numerator's highest one apart, in his order of evaluation.
    private const double CentreTop = 0.065682337918207449113;
    private static readonly double[] CentreNumerator = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249];
    private static readonly double[] CentreDenominator = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
    private const double MiddleTop = 1.0765576773720192317e-8;
    private static readonly double[] MiddleNumerator =
    [
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
        6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    ];
    private static readonly double[] MiddleDenominator =
    [
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
        34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
    ];
    private const double TailTop = 0.02307344176494017303;
    private static readonly double[] TailNumerator =
        [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5];
    private static readonly double[] TailDenominator =
        [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

    // ((top t + n0) t + n1) t ... + n_last and (t + d0) t ... + d_last: Cody's evaluation, operation for operation; each
    // caller divides in his order, which the bits depend on.
    private static (double Numerator, double Denominator) CodyRational(double t, double top, double[] numerator, double[] denominator)
    {
        double n = top * t, d = t;
        for (int i = 0; i < numerator.Length - 1; i++)
        {
            n = (n + numerator[i]) * t;
            d = (d + denominator[i]) * t;
        }
        return (n + numerator[^1], d + denominator[^1]);
    }

    private static double CodyRatio(double t, double top, double[] numerator, double[] denominator)
    {
        var (n, d) = CodyRational(t, top, numerator, denominator);
        return n / d;
    }

    /// <summary>
    /// The x with P(Z &lt;= x) = p: M. J. Wichura's Algorithm AS 241 (PPND16, Applied Statistics 37, 1988), within
    /// about 10^-15 relative (7e-16 at worst over 8,300 values of p against mpmath); -infinity at 0, +infinity at 1, NaN
    /// outside [0, 1].
    /// </summary>
    public static double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1)) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                            + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                          + 133.14166789178437745) * r + 3.387132872796366608)
                   / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                          + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                        + 42.313330701600911252) * r + 1);
        }
        double s = Math.Sqrt(-DeterministicMath.Log(q < 0 ? p : 1 - p));
        double value;
        if (s <= 5)
        {
            s -= 1.6;
            value = (((((((7.7454501427834140764e-4 * s + 0.0227238449892691845833) * s + 0.24178072517745061177) * s
                         + 1.27045825245236838258) * s + 3.64784832476320460504) * s + 5.7694972214606914055) * s
                       + 4.6303378461565452959) * s + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * s + 5.475938084995344946e-4) * s + 0.0151986665636164571966) * s
                           + 0.14810397642748007459) * s + 0.68976733498510000455) * s + 1.6763848301838038494) * s
                         + 2.05319162663775882187) * s + 1);
        }
        else
        {
            s -= 5;
            value = (((((((2.01033439929228813265e-7 * s + 2.71155556874348757815e-5) * s + 0.0012426609473880784386) * s
                         + 0.026532189526576123093) * s + 0.29656057182850489123) * s + 1.7848265399172913358) * s
                       + 5.4637849111641143699) * s + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * s + 1.4215117583164458887e-7) * s + 1.8463183175100546818e-5) * s
                           + 7.868691311456132591e-4) * s + 0.0148753612908506148525) * s + 0.13692988092273580531) * s
                         + 0.59983220655588793769) * s + 1);
        }
        return q < 0 ? -value : value;
    }

    /// <summary>The density at x.</summary>
    public static double Density(double x) => InverseSqrtTwoPi * DeterministicMath.Exp(-0.5 * x * x);

    // exp(-x^2 / 2) for the tails, with x^2 split so that its rounding does not cost the tail its relative precision: x is
    // cut to a multiple of 1/16, whose square is exact, and the rest, (x - a)(x + a), is small (Cody; R's do_del).
    private static double GaussianOf(double x)
    {
        double cut = Math.Truncate(x * 16) / 16;
        double rest = (x - cut) * (x + cut);
        return DeterministicMath.Exp(-cut * cut * 0.5) * DeterministicMath.Exp(-rest * 0.5);
    }
}
