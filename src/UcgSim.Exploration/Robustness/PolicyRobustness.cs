namespace UcgSim.Exploration.Robustness;

/// <summary>
/// How one variant fares across the design's points: the distribution of its outcome share (quantiles over points), its
/// regret (the best variant's share at a point minus its own, where higher is better; its own minus the best, where lower
/// is) and the number of points at which it is best or tied for best.
/// </summary>
public sealed record VariantRobustness(
    string Variant, double Mean, double Minimum, double Percentile5, double Median, double Percentile95, double Maximum,
    double MeanRegret, double Percentile90Regret, double MaximumRegret, int PointsBest);

public static class PolicyRobustness
{
    /// <param name="variants">The variants' names.</param>
    /// <param name="shares">Per design point, one share per variant.</param>
    /// <param name="higherIsBetter">True for a share to raise (transitions), false for one to lower (civil war).</param>
    public static IReadOnlyList<VariantRobustness> Assess(IReadOnlyList<string> variants, IReadOnlyList<double[]> shares, bool higherIsBetter)
    {
        if (shares.Count == 0 || shares.Any(row => row.Length != variants.Count))
            throw new ArgumentException($"Give at least one point, each with {variants.Count} shares.", nameof(shares));
        var best = shares.Select(row => higherIsBetter ? row.Max() : row.Min()).ToArray();
        return Enumerable.Range(0, variants.Count).Select(v =>
        {
            double[] own = [.. shares.Select(row => row[v]).Order()];
            double[] regret = [.. shares.Select((row, p) => Math.Abs(best[p] - row[v])).Order()];
            return new VariantRobustness(variants[v], own.Average(), own[0], Q(own, 0.05), Q(own, 0.5), Q(own, 0.95), own[^1],
                regret.Average(), Q(regret, 0.9), regret[^1], shares.Select((row, p) => row[v] == best[p]).Count(isBest => isBest));
        }).ToList();
    }

    private static double Q(double[] sorted, double probability) => SampleQuantile.Of(sorted, probability);
}
