using UcgSim.Exploration.Designs;

namespace UcgSim.Exploration.Sensitivity;

/// <summary>One input's first-order (S1) and total-order (ST) Sobol' indices with their bootstrap intervals.</summary>
public sealed record SobolIndex(string Input, Estimate FirstOrder, Estimate TotalOrder);

/// <summary>
/// Sobol' indices from the outputs of a <see cref="SaltelliDesign"/>: first order by Saltelli et al. (2010, table 2,
/// estimator b), S1_i = mean(f(B) (f(AB_i) - f(A))) / V, total order by Jansen (1999), ST_i = mean((f(A) - f(AB_i))^2) / 2V,
/// V the variance of f over A and B together. Intervals are percentile bootstrap intervals over base rows (each resample
/// draws N rows with replacement and recomputes every index from them), drawn from counters keyed by the seed.
/// </summary>
public static class SobolIndices
{
    public const int DefaultResamples = 1000;

    /// <param name="inputs">The inputs' names, in the design's order.</param>
    /// <param name="outputs">One output per design point, in the design's order (length N (k + 2)).</param>
    /// <param name="confidence">The intervals' coverage, such as 0.95.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Keys the resampling, so the intervals are reproducible.</param>
    public static IReadOnlyList<SobolIndex> Estimate(IReadOnlyList<string> inputs, IReadOnlyList<double> outputs, double confidence = 0.95,
        int resamples = DefaultResamples, ulong seed = 1)
    {
        int k = inputs.Count;
        int perRow = k + 2;
        if (outputs.Count == 0 || outputs.Count % perRow != 0)
            throw new ArgumentException($"Saltelli's scheme with {k} inputs gives a multiple of {perRow} outputs, not {outputs.Count}.", nameof(outputs));
        int rows = outputs.Count / perRow;
        var all = Enumerable.Range(0, rows).ToArray();
        var (first, total) = Indices(outputs, k, all);

        var firstDraws = new double[k][];
        var totalDraws = new double[k][];
        for (int i = 0; i < k; i++)
        {
            firstDraws[i] = new double[resamples];
            totalDraws[i] = new double[resamples];
        }
        var resampled = new int[rows];
        for (int b = 0; b < resamples; b++)
        {
            for (int r = 0; r < rows; r++) resampled[r] = DesignRandom.Below(rows, seed, DesignStream.Bootstrap, b, r);
            var (s1, st) = Indices(outputs, k, resampled);
            for (int i = 0; i < k; i++)
            {
                firstDraws[i][b] = s1[i];
                totalDraws[i][b] = st[i];
            }
        }
        return Enumerable.Range(0, k).Select(i => new SobolIndex(inputs[i],
            Bootstrap.Percentile(first[i], firstDraws[i], confidence),
            Bootstrap.Percentile(total[i], totalDraws[i], confidence))).ToList();
    }

    private static (double[] First, double[] Total) Indices(IReadOnlyList<double> y, int k, int[] rows)
    {
        int perRow = k + 2;
        // Two-pass variance over f(A) and f(B), centred first for accuracy.
        double mean = 0;
        foreach (int r in rows) mean += y[r * perRow] + y[r * perRow + k + 1];
        mean /= 2.0 * rows.Length;
        double variance = 0;
        foreach (int r in rows)
        {
            double a = y[r * perRow] - mean, b = y[r * perRow + k + 1] - mean;
            variance += a * a + b * b;
        }
        variance /= 2.0 * rows.Length - 1;
        var first = new double[k];
        var total = new double[k];
        for (int i = 0; i < k; i++)
        {
            double s1 = 0, st = 0;
            foreach (int r in rows)
            {
                double fA = y[r * perRow], fB = y[r * perRow + k + 1], fAB = y[r * perRow + 1 + i];
                s1 += fB * (fAB - fA);
                st += (fA - fAB) * (fA - fAB);
            }
            // A constant output has no variance to apportion: every index is zero.
            first[i] = variance > 0 ? s1 / rows.Length / variance : 0;
            total[i] = variance > 0 ? st / (2.0 * rows.Length) / variance : 0;
        }
        return (first, total);
    }
}
