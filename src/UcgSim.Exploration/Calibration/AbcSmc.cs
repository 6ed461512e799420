using UcgSim.Core.Numerics;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Calibration;

/// <summary>How an ABC-SMC run proceeds and when it stops.</summary>
/// <param name="Particles">Particles per generation.</param>
/// <param name="MaxGenerations">Generations at most, the first (from the prior) included.</param>
/// <param name="ToleranceQuantile">Each generation's tolerance is this quantile of the previous generation's distances.</param>
/// <param name="MinimumAcceptance">A generation is abandoned, and the run ends, once its particles need more than Particles / this proposals in all.</param>
/// <param name="Seed">Keys every draw: prior samples, ancestors, perturbations and the simulations' own seeds.</param>
public sealed record AbcSettings(int Particles, int MaxGenerations, double ToleranceQuantile, double MinimumAcceptance, ulong Seed);

/// <summary>An accepted parameter vector, its normalized importance weight and the distance its simulation gave.</summary>
public sealed record AbcParticle(IReadOnlyList<double> Values, double Weight, double Distance);

/// <summary>One generation: its tolerance, its particles and what they cost.</summary>
public sealed record AbcGeneration(int Index, double Tolerance, IReadOnlyList<AbcParticle> Particles, long Proposals)
{
    public double AcceptanceRate => (double)Particles.Count / Proposals;

    /// <summary>Kish's effective sample size of the weights, 1 / sum of squared weights.</summary>
    public double EffectiveSampleSize => 1 / Particles.Sum(particle => particle.Weight * particle.Weight);
}

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009; Beaumont, Cornuet, Marin and Robert 2009).
/// Generation 0 samples the prior. Each later generation sets its tolerance to a quantile of the previous generation's
/// distances (adaptive, as in Del Moral, Doucet and Jasra 2012), and fills each particle by drawing an ancestor from the
/// previous generation by weight, perturbing it with a Gaussian kernel whose variance per input is twice the weighted
/// variance of the previous generation (Beaumont et al.), and simulating until the distance is within tolerance. Weights
/// are prior density over the kernel mixture density. The run stops at <see cref="AbcSettings.MaxGenerations"/>, when
/// the tolerance reaches 0 (every target met, for distances that are 0 inside accepted bands), or when a generation
/// would need more proposals in all than its particles over <see cref="AbcSettings.MinimumAcceptance"/> (that
/// generation is then dropped).
/// <para>
/// Every draw is a counter-based function of (seed, generation, particle, attempt), and each particle's proposals run
/// on one thread in order, so the posterior is the same whatever the thread count.
/// </para>
/// </summary>
public static class AbcSmc
{
    /// <summary>Inputs one run calibrates at most: a draw's counter holds 8 bits of slot, two per input.</summary>
    public const int MaxInputs = 127;

    // Attempts are counted in 24 bits of a draw's counter.
    private const int MaxAttemptsPerParticle = (1 << 24) - 1;

    /// <param name="priors">One continuous prior per calibrated input.</param>
    /// <param name="distance">Simulates at the values with the given seed and returns the distance to the targets (0 or more).</param>
    /// <param name="settings">Particles, generations, tolerance quantile, minimum acceptance and seed.</param>
    /// <param name="threads">Particles filled at once; the result does not depend on it.</param>
    /// <param name="generationDone">Told of each generation as it completes (for progress and for writing it out).</param>
    /// <param name="cancellation">Stops the run between particles.</param>
    /// <param name="generationAbandoned">
    /// Told of a generation dropped because its particles needed more proposals in all than the minimum acceptance allows
    /// (its index, tolerance and that number); the run then ends with the generation before.
    /// </param>
    public static IReadOnlyList<AbcGeneration> Run(
        IReadOnlyList<Uncertainty> priors, Func<IReadOnlyList<double>, ulong, double> distance, AbcSettings settings, int threads,
        Action<AbcGeneration>? generationDone = null, CancellationToken cancellation = default,
        Action<int, double, long>? generationAbandoned = null)
    {
        if (priors.FirstOrDefault(prior => !PriorDensity.IsContinuous(prior)) is { } discrete)
            throw new ArgumentException($"ABC-SMC needs continuous priors; {discrete} is a list of values.", nameof(priors));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Particles, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxGenerations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        if (priors.Count > MaxInputs)
            throw new ArgumentException($"ABC-SMC here calibrates at most {MaxInputs} parameters at once (each draw's counter holds two slots per input), not {priors.Count}.", nameof(priors));
        // A generation may spend this many proposals in all; the proposals of all its particles count together, so
        // that a generation is dropped for a low acceptance rate, not for one particle's long run of bad luck.
        long budget = (long)Math.Ceiling(settings.Particles / settings.MinimumAcceptance);

        var generations = new List<AbcGeneration>();
        var first = new AbcParticle[settings.Particles];
        Parallel.For(0, settings.Particles, options, i =>
        {
            double[] values = [.. priors.Select((prior, k) => prior.ValueAt(Draw(settings.Seed, DesignStream.AbcPrior, 0, i, 0, k)))];
            first[i] = new AbcParticle(values, 1.0 / settings.Particles, distance(values, SimulationSeed(settings.Seed, 0, i, 0)));
        });
        generations.Add(new AbcGeneration(0, double.PositiveInfinity, first, settings.Particles));
        generationDone?.Invoke(generations[^1]);

        for (int g = 1; g < settings.MaxGenerations && generations[^1].Tolerance > 0; g++)
        {
            var previous = generations[^1].Particles;
            double tolerance = NextTolerance(previous, generations[^1].Tolerance, settings.ToleranceQuantile);
            double[] scales = KernelScales(previous, priors.Count);
            var proposed = new (AbcParticle? Particle, int Attempts)[settings.Particles];
            long spent = 0;
            Parallel.For(0, settings.Particles, options, i => proposed[i] = Fill(i));
            // Whether the budget ran out does not depend on the order particles ran in: the proposals only add up.
            if (proposed.Any(p => p.Particle is null))
            {
                generationAbandoned?.Invoke(g, tolerance, budget);
                break;
            }

            double[] raw = [.. proposed.Select(p => Importance(p.Particle!.Values, priors, previous, scales))];
            double total = raw.Sum();
            var particles = proposed.Select((p, i) => p.Particle! with { Weight = raw[i] / total }).ToArray();
            generations.Add(new AbcGeneration(g, tolerance, particles, proposed.Sum(p => (long)p.Attempts)));
            generationDone?.Invoke(generations[^1]);

            (AbcParticle?, int) Fill(int i)
            {
                for (int attempt = 0; attempt < MaxAttemptsPerParticle; attempt++)
                {
                    if (Interlocked.Increment(ref spent) > budget) return (null, attempt);
                    var ancestor = previous[Ancestor(previous, Draw(settings.Seed, DesignStream.AbcAncestor, g, i, attempt, 0))];
                    double[] values = new double[priors.Count];
                    for (int k = 0; k < values.Length; k++)
                        values[k] = ancestor.Values[k] + scales[k] * StandardNormal(settings.Seed, g, i, attempt, k);
                    // Outside the prior's support the prior density is 0: such a proposal can never be accepted.
                    if (values.Select((value, k) => PriorDensity.At(priors[k], value)).Any(density => density == 0)) continue;
                    double d = distance(values, SimulationSeed(settings.Seed, g, i, attempt));
                    if (d <= tolerance) return (new AbcParticle(values, 0, d), attempt + 1);
                }
                return (null, MaxAttemptsPerParticle);
            }
        }
        return generations;
    }

    // The quantile of the previous distances; where distances take few values (counts, or 0 inside accepted bands) the
    // quantile can equal the previous tolerance for ever, so it then steps to the largest distance below that tolerance.
    private static double NextTolerance(IReadOnlyList<AbcParticle> previous, double previousTolerance, double quantile)
    {
        double[] sorted = [.. previous.Select(p => p.Distance).Order()];
        double tolerance = sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        if (tolerance < previousTolerance) return tolerance;
        return sorted.LastOrDefault(distance => distance < previousTolerance, 0);
    }

    // Twice the weighted variance per input (Beaumont et al. 2009); an input the particles all agree on keeps a small
    // spread so that the chain can still move.
    private static double[] KernelScales(IReadOnlyList<AbcParticle> particles, int inputs)
    {
        var scales = new double[inputs];
        for (int k = 0; k < inputs; k++)
        {
            double mean = particles.Sum(p => p.Weight * p.Values[k]);
            double variance = particles.Sum(p => p.Weight * (p.Values[k] - mean) * (p.Values[k] - mean));
            scales[k] = Math.Sqrt(2 * variance);
            if (scales[k] == 0) scales[k] = 1e-9 + 1e-6 * Math.Abs(mean);
        }
        return scales;
    }

    private static double Importance(IReadOnlyList<double> values, IReadOnlyList<Uncertainty> priors, IReadOnlyList<AbcParticle> previous, double[] scales)
    {
        double prior = 1;
        for (int k = 0; k < values.Count; k++) prior *= PriorDensity.At(priors[k], values[k]);
        double mixture = 0;
        foreach (var particle in previous)
        {
            double kernel = particle.Weight;
            for (int k = 0; k < values.Count; k++)
            {
                double z = (values[k] - particle.Values[k]) / scales[k];
                kernel *= DeterministicMath.Exp(-0.5 * z * z) / scales[k];
            }
            mixture += kernel;
        }
        return prior / mixture;
    }

    private static int Ancestor(IReadOnlyList<AbcParticle> particles, double u)
    {
        double cumulative = 0;
        for (int j = 0; j < particles.Count; j++)
        {
            cumulative += particles[j].Weight;
            if (u < cumulative) return j;
        }
        return particles.Count - 1;
    }

    // Box-Muller on two counter-based uniforms; one normal per input and attempt. The model's own log and cosine (of
    // u2 turns), not the platform's, so that a posterior is the same bits on every machine.
    private static double StandardNormal(ulong seed, int generation, int particle, int attempt, int input)
    {
        double u1 = Draw(seed, DesignStream.AbcPerturbation, generation, particle, attempt, 2 * input);
        double u2 = Draw(seed, DesignStream.AbcPerturbation, generation, particle, attempt, 2 * input + 1);
        return Math.Sqrt(-2 * DeterministicMath.Log(u1)) * DeterministicMath.CosOfTurns(u2);
    }

    // Counter (generation, particle) and (attempt, slot): attempts stay below 2^24 and slots below 2^8 per input pair.
    private static double Draw(ulong seed, DesignStream stream, int generation, int particle, int attempt, int slot) =>
        DesignRandom.Uniform(seed, stream, ((long)generation << 32) | (uint)particle, ((long)attempt << 8) | (uint)slot);

    private static ulong SimulationSeed(ulong seed, int generation, int particle, int attempt) =>
        ((ulong)DesignRandom.Bits(seed, DesignStream.AbcSimulationSeed, ((long)generation << 32) | (uint)particle, attempt) << 32)
        | DesignRandom.Bits(seed, DesignStream.AbcSimulationSeed, ((long)generation << 32) | (uint)particle, attempt | (1L << 31));
}
