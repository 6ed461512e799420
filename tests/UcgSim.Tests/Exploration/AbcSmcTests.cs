using MathNet.Numerics.Distributions;
using UcgSim.Core.Randomness;
using UcgSim.Exploration.Calibration;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

public sealed class AbcSmcTests
{
    // 7 successes in 20 trials under a uniform prior: the posterior is Beta(8, 14). The number of successes is
    // sufficient and the distance |k - 7| reaches 0, so ABC at tolerance 0 samples the exact posterior.
    private const int Trials = 20, Successes = 7;

    private static readonly AbcSettings Settings = new(Particles: 2000, MaxGenerations: 12, ToleranceQuantile: 0.5, MinimumAcceptance: 0.002, Seed: 11);

    private static double BinomialDistance(IReadOnlyList<double> values, ulong seed)
    {
        int k = 0;
        for (uint trial = 0; trial < Trials; trial++)
        {
            var (word, _, _, _) = Philox4x32.Generate(trial, 0, 0, 0, (uint)seed, (uint)(seed >> 32));
            if ((word + 0.5) / 4294967296.0 < values[0]) k++;
        }
        return Math.Abs(k - Successes);
    }

    [Fact]
    public void Run_BinomialWithUniformPrior_ReproducesTheBetaPosterior()
    {
        var generations = AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, Settings, threads: 2);

        var last = generations[^1];
        Assert.Equal(0, last.Tolerance);
        Assert.True(generations.Count >= 2);
        var exact = new Beta(Successes + 1, Trials - Successes + 1);
        double mean = last.Particles.Sum(p => p.Weight * p.Values[0]);
        double sd = Math.Sqrt(last.Particles.Sum(p => p.Weight * (p.Values[0] - mean) * (p.Values[0] - mean)));
        // Standard error of a weighted mean over an effective sample of several hundred: about 0.1 / sqrt(ESS) < 0.006.
        Assert.InRange(last.EffectiveSampleSize, 300, Settings.Particles);
        Assert.InRange(mean, exact.Mean - 0.02, exact.Mean + 0.02);
        Assert.InRange(sd, exact.StdDev - 0.015, exact.StdDev + 0.015);
        foreach (double x in new[] { 0.2, 0.3, 0.4, 0.5 })
        {
            double cdf = last.Particles.Where(p => p.Values[0] <= x).Sum(p => p.Weight);
            Assert.InRange(cdf, exact.CumulativeDistribution(x) - 0.05, exact.CumulativeDistribution(x) + 0.05);
        }
    }

    [Fact]
    public void Run_TolerancesShrink_AndWeightsAreNormalized()
    {
        var generations = AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, Settings with { Particles = 300 }, threads: 2);

        Assert.True(double.IsPositiveInfinity(generations[0].Tolerance));
        for (int g = 2; g < generations.Count; g++) Assert.True(generations[g].Tolerance <= generations[g - 1].Tolerance);
        Assert.All(generations, generation =>
        {
            Assert.Equal(1.0, generation.Particles.Sum(p => p.Weight), 9);
            Assert.All(generation.Particles, p => Assert.True(p.Distance <= generation.Tolerance));
        });
    }

    [Fact]
    public void Run_OneOrTwoThreads_SamePosteriorBitForBit()
    {
        var settings = Settings with { Particles = 200 };
        var one = AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, settings, threads: 1);
        var two = AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, settings, threads: 2);

        Assert.Equal(one.Count, two.Count);
        for (int g = 0; g < one.Count; g++)
        {
            Assert.Equal(one[g].Tolerance, two[g].Tolerance);
            Assert.Equal(one[g].Proposals, two[g].Proposals);
            Assert.Equal(one[g].Particles.Select(p => (p.Values[0], p.Weight, p.Distance)), two[g].Particles.Select(p => (p.Values[0], p.Weight, p.Distance)));
        }
    }

    // The bits of every particle of every generation, pinned: perturbations and weights use the model's own exp, log and
    // cosine of turns, so another machine's C library cannot move them (DeterministicMath).
    [Fact]
    public void Run_SmallProblem_TheSameBitsOnEveryMachine()
    {
        var generations = AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, Settings with { Particles = 200 }, threads: 2);
        ulong fold = 14695981039346656037;
        foreach (var generation in generations)
            foreach (var particle in generation.Particles)
                foreach (double bits in new[] { particle.Values[0], particle.Weight, particle.Distance })
                    fold = (fold ^ BitConverter.DoubleToUInt64Bits(bits)) * 1099511628211;
        Assert.Equal(0x2BC0C7B52B0FD303UL, fold);
    }

    [Fact]
    public void Run_PriorThatExcludesThePosteriorMass_IsRespected()
    {
        // A prior on [0.4, 1] truncates Beta(8, 14) there: no particle may leave the prior's support.
        var generations = AbcSmc.Run([new UniformUncertainty(0.4, 1)], BinomialDistance, Settings with { Particles = 300 }, threads: 2);

        Assert.All(generations.SelectMany(g => g.Particles), p => Assert.InRange(p.Values[0], 0.4, 1));
    }

    [Fact]
    public void Run_GenerationThatCannotReachItsTolerance_IsDroppedAndSaid()
    {
        // Every distance is 1: generation 1 accepts all at tolerance 1, generation 2 asks for 0, which no proposal reaches.
        var dropped = new List<int>();

        var generations = AbcSmc.Run([new UniformUncertainty(0, 1)], (_, _) => 1.0, Settings with { Particles = 50, MinimumAcceptance = 0.1 },
            threads: 2, generationAbandoned: (index, _, budget) => { dropped.Add(index); Assert.Equal(500, budget); });

        Assert.Equal(2, generations.Count);
        Assert.Equal(1, generations[^1].Tolerance);
        Assert.Equal([2], dropped);
    }

    [Fact]
    public void Run_LowButAllowedAcceptance_KeepsTheGeneration()
    {
        // About one proposal in six is accepted at tolerance 0; a minimum of 5% must not drop that generation, though at
        // that rate some of 300 particles miss more than 1 / 5% = 20 times in a row (0.85^20 is about 4% each).
        var dropped = new List<int>();

        AbcSmc.Run([new UniformUncertainty(0, 1)], BinomialDistance, Settings with { Particles = 300, MinimumAcceptance = 0.05 }, threads: 2,
            generationAbandoned: (index, _, _) => dropped.Add(index));

        Assert.Empty(dropped);
    }

    [Fact]
    public void Run_ListOfValuesAsPrior_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AbcSmc.Run([new DiscreteUncertainty([0.1, 0.2])], BinomialDistance, Settings, threads: 1));

        Assert.Contains("continuous priors", error.Message);
    }
}
