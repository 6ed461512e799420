using UcgSim.Exploration.Designs;

namespace UcgSim.Exploration.Sensitivity;

/// <summary>
/// One input's elementary effects (Morris 1991): mu, their mean; mu*, the mean of their absolute values (Campolongo,
/// Cariboni and Saltelli 2007), which ranks influence; sigma, their standard deviation, which is large when the input acts
/// through interactions or non-linearly. Effects are per unit of the unit cube (the change in output over Delta).
/// <see cref="MuStarInterval"/> is mu* with its percentile bootstrap interval over trajectories (as SALib gives).
/// </summary>
public sealed record MorrisEffect(string Input, double Mu, double MuStar, double Sigma, int Effects)
{
    public Estimate MuStarInterval { get; init; } = new(MuStar, MuStar, MuStar);
}

/// <summary>Morris screening measures from the outputs of a <see cref="MorrisDesign"/>.</summary>
public static class MorrisScreening
{
    /// <param name="design">The design the outputs come from.</param>
    /// <param name="outputs">One output per design point, in the design's order.</param>
    /// <param name="confidence">The coverage of mu*'s interval.</param>
    /// <param name="resamples">Bootstrap resamples of the trajectories.</param>
    /// <param name="seed">Keys the resampling, so the intervals are reproducible.</param>
    public static IReadOnlyList<MorrisEffect> Estimate(MorrisDesign design, IReadOnlyList<double> outputs, double confidence = 0.95,
        int resamples = SobolIndices.DefaultResamples, ulong seed = 1)
    {
        if (outputs.Count != design.Count)
            throw new ArgumentException($"The design has {design.Count} points, but {outputs.Count} outputs were given.", nameof(outputs));
        int k = design.Inputs.Count;
        var effects = new List<double>[k];
        for (int i = 0; i < k; i++) effects[i] = new List<double>(design.Trajectories);
        for (int t = 0; t < design.Trajectories; t++)
        {
            long start = (long)t * design.PointsPerTrajectory;
            for (int step = 0; step < k; step++)
            {
                var (input, up) = design.Step(t, step);
                double change = outputs[(int)(start + step + 1)] - outputs[(int)(start + step)];
                effects[input].Add((up ? change : -change) / design.Delta);
            }
        }
        return Enumerable.Range(0, k).Select(i =>
        {
            var e = effects[i];
            double mu = e.Average();
            double sigma = e.Count > 1 ? Math.Sqrt(e.Sum(x => (x - mu) * (x - mu)) / (e.Count - 1)) : 0;
            double muStar = e.Average(Math.Abs);
            // Effects are listed trajectory by trajectory, one per trajectory, so resampling them resamples trajectories.
            double[] draws = [.. Enumerable.Range(0, resamples).Select(b =>
                Enumerable.Range(0, e.Count).Average(t => Math.Abs(e[DesignRandom.Below(e.Count, seed, DesignStream.Bootstrap, b, t)])))];
            return new MorrisEffect(design.Inputs[i].Name, mu, muStar, sigma, e.Count)
            {
                MuStarInterval = Bootstrap.Percentile(muStar, draws, confidence),
            };
        }).ToList();
    }
}
