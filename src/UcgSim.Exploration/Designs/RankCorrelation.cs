using MathNet.Numerics.LinearAlgebra;
using UcgSim.Core.Numerics;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Designs;

/// <summary>
/// Iman and Conover's (1982, Communications in Statistics B 11:311) method: re-pairs the strata of a Latin hypercube so
/// that its inputs' rank correlations approach the ones asked for, leaving each input's strata (and so its distribution)
/// untouched. Normal scores of the strata are decorrelated by the Cholesky factor of their own correlation, correlated by
/// that of the target, and each input's strata are reassigned in the order of its new scores.
/// </summary>
public static class RankCorrelation
{
    /// <summary>
    /// The target correlation matrix of normal scores for <paramref name="inputs"/> inputs, or null when the correlations
    /// together are impossible (the matrix is not positive definite). Spearman's rho becomes the normal scores' Pearson
    /// correlation 2 sin(pi rho / 6), the relation for a bivariate normal.
    /// </summary>
    public static Matrix<double>? Target(int inputs, IReadOnlyList<InputCorrelation> correlations)
    {
        var target = Matrix<double>.Build.DenseIdentity(inputs);
        foreach (var c in correlations)
            target[c.First, c.Second] = target[c.Second, c.First] = 2 * DeterministicMath.SinOfTurns(c.RankCorrelation / 12);
        // MathNet's Cholesky does not check definiteness, so the eigenvalues of the symmetric matrix decide.
        return target.Evd(Symmetricity.Symmetric).EigenValues.All(value => value.Real > 1e-10) ? target : null;
    }

    /// <summary>Reorders <paramref name="strata"/> (per input, each point's stratum) in place to approach the target correlations.</summary>
    public static void Impose(int[][] strata, IReadOnlyList<InputCorrelation> correlations)
    {
        int inputs = strata.Length, points = strata[0].Length;
        var target = Target(inputs, correlations) ?? throw new ArgumentException("The correlations together are impossible.", nameof(correlations));
        var scores = Matrix<double>.Build.Dense(points, inputs, (i, j) => StandardNormal.Quantile((strata[j][i] + 1.0) / (points + 1)));
        var own = Correlation(scores);
        var transform = own.Cholesky().Factor.Inverse().Transpose() * target.Cholesky().Factor.Transpose();
        var correlated = scores * transform;
        for (int j = 0; j < inputs; j++)
        {
            int[] order = [.. Enumerable.Range(0, points).OrderBy(i => correlated[i, j]).ThenBy(i => i)];
            for (int rank = 0; rank < points; rank++) strata[j][order[rank]] = rank;
        }
    }

    private static Matrix<double> Correlation(Matrix<double> columns)
    {
        // Each column's mean once, not once per cell (which made this quadratic in the points).
        double[] means = [.. Enumerable.Range(0, columns.ColumnCount).Select(j => columns.Column(j).Average())];
        var centred = columns.MapIndexed((i, j, x) => x - means[j]);
        var covariance = centred.TransposeThisAndMultiply(centred);
        var scale = Vector<double>.Build.Dense(columns.ColumnCount, j => 1 / Math.Sqrt(covariance[j, j]));
        return Matrix<double>.Build.Dense(columns.ColumnCount, columns.ColumnCount, (a, b) => covariance[a, b] * scale[a] * scale[b]);
    }
}
