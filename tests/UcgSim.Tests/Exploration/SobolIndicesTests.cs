using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Sensitivity;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

// The estimators against functions whose indices are known in closed form (Saltelli et al., Global Sensitivity Analysis:
// The Primer, 2008, sections 3.4 and 4.9; SALib's test suite uses the same values).
public sealed class SobolIndicesTests
{
    private const long BasePoints = 8192;
    private const ulong Seed = 20250301;

    [Fact]
    public void Estimate_Ishigami_AnalyticIndicesLieWithinTheBootstrapIntervals()
    {
        var inputs = Enumerable.Range(1, 3).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(-Math.PI, Math.PI))).ToList();
        var indices = Run(inputs, x => Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]));

        // a = 7, b = 0.1: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2; the primer's closed forms.
        double[] first = [0.3139, 0.4424, 0.0];
        double[] total = [0.5576, 0.4424, 0.2437];
        AssertCovered(indices, first, total);
    }

    [Fact]
    public void Estimate_SobolGFunction_AnalyticIndicesLieWithinTheBootstrapIntervals()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        var inputs = a.Select((_, i) => new UncertainInput($"x{i + 1}", new UniformUncertainty(0, 1))).ToList();
        var indices = Run(inputs, x => a.Select((ai, i) => (Math.Abs(4 * x[i] - 2) + ai) / (1 + ai)).Aggregate(1.0, (p, f) => p * f));

        double[] partial = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        double variance = partial.Aggregate(1.0, (p, v) => p * (1 + v)) - 1;
        double[] first = partial.Select(v => v / variance).ToArray();
        double[] total = partial.Select((v, i) => v * partial.Where((_, j) => j != i).Aggregate(1.0, (p, w) => p * (1 + w)) / variance).ToArray();
        Assert.Equal(0.7165, first[0], 3);
        AssertCovered(indices, first, total);
        // The inputs with a = 99 barely matter, and the intervals say so.
        Assert.All(indices.Skip(4), index => Assert.True(index.TotalOrder.Upper < 0.01, $"{index.Input}: ST {index.TotalOrder}"));
    }

    [Fact]
    public void Estimate_ConstantOutput_EveryIndexIsZero()
    {
        var inputs = new[] { new UncertainInput("x", new UniformUncertainty(0, 1)), new UncertainInput("y", new UniformUncertainty(0, 1)) };
        var indices = SobolIndices.Estimate(["x", "y"], Enumerable.Repeat(3.0, 4 * 16).ToList(), resamples: 50);
        Assert.All(indices, index => Assert.Equal(new Estimate(0, 0, 0), index.TotalOrder));
        Assert.Equal(2, inputs.Length);
    }

    [Fact]
    public void Estimate_SameOutputs_SameIntervalsAndTheyDependOnTheSeed()
    {
        var inputs = new[] { new UncertainInput("x", new UniformUncertainty(0, 1)), new UncertainInput("y", new UniformUncertainty(0, 1)) };
        var design = new SaltelliDesign(inputs, 256, Seed, scramble: true);
        var outputs = Enumerable.Range(0, (int)design.Count).Select(i => design.Values(i) is var x ? x[0] + x[0] * x[1] : 0).ToList();
        var once = SobolIndices.Estimate(["x", "y"], outputs, resamples: 200, seed: 7);
        var again = SobolIndices.Estimate(["x", "y"], outputs, resamples: 200, seed: 7);
        var other = SobolIndices.Estimate(["x", "y"], outputs, resamples: 200, seed: 8);
        Assert.Equal(once, again);
        Assert.NotEqual(once[0].TotalOrder.Lower, other[0].TotalOrder.Lower);
    }

    private static IReadOnlyList<SobolIndex> Run(IReadOnlyList<UncertainInput> inputs, Func<double[], double> model)
    {
        var design = new SaltelliDesign(inputs, BasePoints, Seed, scramble: true);
        var outputs = new double[design.Count];
        for (long i = 0; i < design.Count; i++) outputs[i] = model(design.Values(i));
        return SobolIndices.Estimate(inputs.Select(input => input.Name).ToList(), outputs, seed: Seed);
    }

    private static void AssertCovered(IReadOnlyList<SobolIndex> indices, double[] first, double[] total)
    {
        for (int i = 0; i < indices.Count; i++)
        {
            Assert.True(indices[i].FirstOrder.Covers(first[i]), $"{indices[i].Input}: S1 {indices[i].FirstOrder} does not cover {first[i]:0.0000}.");
            Assert.True(indices[i].TotalOrder.Covers(total[i]), $"{indices[i].Input}: ST {indices[i].TotalOrder} does not cover {total[i]:0.0000}.");
            // Intervals that covered by being wide would prove nothing.
            Assert.True(indices[i].FirstOrder.Upper - indices[i].FirstOrder.Lower < 0.1, $"{indices[i].Input}: S1 interval {indices[i].FirstOrder} is wide.");
            Assert.True(indices[i].TotalOrder.Upper - indices[i].TotalOrder.Lower < 0.1, $"{indices[i].Input}: ST interval {indices[i].TotalOrder} is wide.");
        }
    }
}
