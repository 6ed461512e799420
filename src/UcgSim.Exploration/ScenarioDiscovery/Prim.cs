using MathNet.Numerics;

namespace UcgSim.Exploration.ScenarioDiscovery;

/// <summary>The limits of a box on one input: the points kept have Lower &lt;= x &lt;= Upper.</summary>
public readonly record struct BoxLimit(double Lower, double Upper);

/// <summary>
/// One box on the peeling trajectory. Coverage: the share of all cases of interest that fall in the box; density: the
/// share of the box's points that are cases of interest; mass: the share of all points in the box.
/// </summary>
public sealed record PrimBox(int Step, IReadOnlyList<BoxLimit> Limits, double Coverage, double Density, double Mass, int Points, int Cases)
{
    /// <summary>The inputs whose limits the box narrows from the data's full range.</summary>
    public IReadOnlyList<int> Restricted { get; init; } = [];
}

/// <summary>A restricted input of the chosen box with its quasi-p-value.</summary>
public sealed record PrimRestriction(int Input, BoxLimit Limit, double QuasiPValue);

/// <summary>The peeling trajectory, the chosen box and the quasi-p-value of each of its restrictions.</summary>
public sealed record PrimResult(IReadOnlyList<PrimBox> Trajectory, PrimBox Chosen, IReadOnlyList<PrimRestriction> Restrictions);

/// <summary>
/// The patient rule induction method (Friedman and Fisher 1999) as used for scenario discovery (Bryant and Lempert 2010,
/// Technological Forecasting and Social Change 77:34): starting from the box holding every point, repeatedly peel off the
/// <c>alpha</c> share of the box's points, at the low or the high end of one input, whichever peel gains the most density
/// per share of the box removed (Friedman and Fisher's criterion, which keeps a peel of a two-valued input from winning by size),
/// until the box holds less than the minimum mass. Peeling only (no pasting). The chosen box is the densest on the
/// trajectory whose coverage is at least the minimum coverage (the more covering of equally dense boxes). Each restriction's
/// quasi-p-value is the one-sided binomial probability of at least the box's cases among its points, were the density that
/// of the box with that restriction removed: small when the restriction matters.
/// </summary>
public static class Prim
{
    public static PrimResult Discover(IReadOnlyList<double[]> points, IReadOnlyList<bool> ofInterest, double alpha = 0.05,
        double minimumMass = 0.05, double minimumCoverage = 0.5)
    {
        if (points.Count == 0 || points.Count != ofInterest.Count)
            throw new ArgumentException("PRIM needs one yes-or-no per point, and at least one point.", nameof(ofInterest));
        int inputs = points[0].Length;
        int totalCases = ofInterest.Count(x => x);
        var full = Enumerable.Range(0, inputs)
            .Select(i => new BoxLimit(points.Min(p => p[i]), points.Max(p => p[i]))).ToArray();
        var inBox = Enumerable.Range(0, points.Count).ToList();
        var limits = (BoxLimit[])full.Clone();
        var trajectory = new List<PrimBox> { Describe(0, limits, inBox, ofInterest, totalCases, points.Count, full) };

        while ((double)inBox.Count / points.Count >= minimumMass)
        {
            (List<int> Kept, BoxLimit[] Limits, double Gain)? best = null;
            double current = (double)inBox.Count(p => ofInterest[p]) / inBox.Count;
            for (int i = 0; i < inputs; i++)
            {
                var values = inBox.Select(p => points[p][i]).Order().ToArray();
                double low = SampleQuantile.Of(values, alpha), high = SampleQuantile.Of(values, 1 - alpha);
                foreach (bool peelLow in new[] { true, false })
                {
                    // Peel strictly beyond the quantile, or everything equal to the end value when ties would peel nothing.
                    double cut = peelLow ? (low > values[0] ? low : NextAbove(values, values[0]))
                        : (high < values[^1] ? high : NextBelow(values, values[^1]));
                    if (double.IsNaN(cut)) continue;
                    var kept = inBox.Where(p => peelLow ? points[p][i] >= cut : points[p][i] <= cut).ToList();
                    if (kept.Count == 0 || kept.Count == inBox.Count) continue;
                    // Density gained per share of the box peeled off: a peel of a yes-or-no input, which removes half the
                    // box at once, must buy its density with as much gain per point as a 5% peel of a continuous one.
                    double density = (double)kept.Count(p => ofInterest[p]) / kept.Count;
                    double gain = (density - current) / ((double)(inBox.Count - kept.Count) / inBox.Count);
                    if (best is null || gain > best.Value.Gain)
                    {
                        var next = (BoxLimit[])limits.Clone();
                        next[i] = peelLow ? next[i] with { Lower = cut } : next[i] with { Upper = cut };
                        best = (kept, next, gain);
                    }
                }
            }
            if (best is not { } peel || (double)peel.Kept.Count / points.Count < minimumMass) break;
            inBox = peel.Kept;
            limits = peel.Limits;
            trajectory.Add(Describe(trajectory.Count, limits, inBox, ofInterest, totalCases, points.Count, full));
        }

        var chosen = trajectory.Where(box => box.Coverage >= minimumCoverage)
            .OrderByDescending(box => box.Density).ThenByDescending(box => box.Coverage).FirstOrDefault() ?? trajectory[0];
        var restrictions = chosen.Restricted.Select(i =>
        {
            var widened = chosen.Limits.ToArray();
            widened[i] = full[i];
            var without = Enumerable.Range(0, points.Count).Where(p => Inside(points[p], widened)).ToList();
            double baseDensity = (double)without.Count(p => ofInterest[p]) / without.Count;
            return new PrimRestriction(i, chosen.Limits[i], AtLeast(chosen.Cases, chosen.Points, baseDensity));
        }).ToList();
        return new PrimResult(trajectory, chosen, restrictions);
    }

    // P(X >= cases) for X binomial(points, density), as the regularized incomplete beta function I_density(cases,
    // points - cases + 1), which keeps its precision far below the 1e-16 at which 1 - CDF would round to zero.
    private static double AtLeast(int cases, int points, double density) =>
        cases == 0 ? 1 : density >= 1 ? 1 : density <= 0 ? 0 : SpecialFunctions.BetaRegularized(cases, points - cases + 1, density);

    private static bool Inside(double[] point, BoxLimit[] limits)
    {
        for (int i = 0; i < limits.Length; i++)
            if (point[i] < limits[i].Lower || point[i] > limits[i].Upper) return false;
        return true;
    }

    private static PrimBox Describe(int step, BoxLimit[] limits, List<int> inBox, IReadOnlyList<bool> ofInterest, int totalCases,
        int totalPoints, BoxLimit[] full)
    {
        int cases = inBox.Count(p => ofInterest[p]);
        return new PrimBox(step, limits, totalCases == 0 ? 0 : (double)cases / totalCases, (double)cases / inBox.Count,
            (double)inBox.Count / totalPoints, inBox.Count, cases)
        {
            Restricted = Enumerable.Range(0, limits.Length).Where(i => limits[i] != full[i]).ToList(),
        };
    }

    private static double NextAbove(double[] sorted, double value)
    {
        foreach (double x in sorted) if (x > value) return x;
        return double.NaN;
    }

    private static double NextBelow(double[] sorted, double value)
    {
        for (int i = sorted.Length - 1; i >= 0; i--) if (sorted[i] < value) return sorted[i];
        return double.NaN;
    }
}
