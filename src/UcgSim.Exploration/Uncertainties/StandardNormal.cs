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
            double square = y > 1.11e-16 ? x * x : 0;
            double numerator = 0.065682337918207449113 * square, denominator = square;
            numerator = (numerator + 2.2352520354606839287) * square;
            denominator = (denominator + 47.20258190468824187) * square;
            numerator = (numerator + 161.02823106855587881) * square;
            denominator = (denominator + 976.09855173777669322) * square;
            numerator = (numerator + 1067.6894854603709582) * square;
            denominator = (denominator + 10260.932208618978205) * square;
            return 0.5 + x * (numerator + 18154.981253343561249) / (denominator + 45507.789335026729956);
        }
        double tail;
        if (y <= 5.656854249492380195206754896838)
        {
            double numerator = 1.0765576773720192317e-8 * y, denominator = y;
            numerator = (numerator + 0.39894151208813466764) * y;
            denominator = (denominator + 22.266688044328115691) * y;
            numerator = (numerator + 8.8831497943883759412) * y;
            denominator = (denominator + 235.38790178262499861) * y;
            numerator = (numerator + 93.506656132177855979) * y;
            denominator = (denominator + 1519.377599407554805) * y;
            numerator = (numerator + 597.27027639480026226) * y;
            denominator = (denominator + 6485.558298266760755) * y;
            numerator = (numerator + 2494.5375852903726711) * y;
            denominator = (denominator + 18615.571640885098091) * y;
            numerator = (numerator + 6848.1904505362823326) * y;
            denominator = (denominator + 34900.952721145977266) * y;
            numerator = (numerator + 11602.651437647350124) * y;
            denominator = (denominator + 38912.003286093271411) * y;
            tail = GaussianOf(y) * ((numerator + 9842.7148383839780218) / (denominator + 19685.429676859990727));
        }
        else if (y < 37.5193)
        {
            double inverseSquare = 1 / (x * x);
            double numerator = 0.02307344176494017303 * inverseSquare, denominator = inverseSquare;
            numerator = (numerator + 0.21589853405795699) * inverseSquare;
            denominator = (denominator + 1.28426009614491121) * inverseSquare;
            numerator = (numerator + 0.1274011611602473639) * inverseSquare;
            denominator = (denominator + 0.468238212480865118) * inverseSquare;
            numerator = (numerator + 0.022235277870649807) * inverseSquare;
            denominator = (denominator + 0.0659881378689285515) * inverseSquare;
            numerator = (numerator + 0.001421619193227893466) * inverseSquare;
            denominator = (denominator + 0.00378239633202758244) * inverseSquare;
            double correction = inverseSquare * (numerator + 2.9112874951168792e-5) / (denominator + 7.29751555083966205e-5);
            tail = GaussianOf(y) * ((InverseSqrtTwoPi - correction) / y);
        }
        else
        {
            tail = 0;
        }
        return x > 0 ? 1 - tail : tail;
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
