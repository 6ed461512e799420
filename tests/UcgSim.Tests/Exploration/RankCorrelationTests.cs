using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

public sealed class RankCorrelationTests
{
    private static readonly IReadOnlyList<UncertainInput> FourInputs =
        [.. Enumerable.Range(0, 4).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(0, 1)))];

    [Fact]
    public void LatinHypercube_WithCorrelations_RanksCorrelateAsAskedAndEachInputKeepsOnePointPerStratum()
    {
        const int points = 1000;
        var design = new LatinHypercubeDesign(FourInputs, points, 11, [new InputCorrelation(0, 1, 0.7), new InputCorrelation(0, 2, -0.4)]);
        double[][] values = [.. Enumerable.Range(0, points).Select(i => design.Values(i))];

        Assert.Equal(0.7, Spearman(values, 0, 1), 0.05);
        Assert.Equal(-0.4, Spearman(values, 0, 2), 0.05);
        Assert.Equal(0, Spearman(values, 0, 3), 0.08);
        for (int input = 0; input < 4; input++)
            Assert.Equal(Enumerable.Range(0, points), values.Select(v => (int)(v[input] * points)).Order());
    }

    [Fact]
    public void Target_ImpossibleCorrelations_IsNull()
    {
        // x0 close to x1 and to x2, but x1 opposed to x2: no joint distribution has these.
        Assert.Null(RankCorrelation.Target(3, [new(0, 1, 0.9), new(0, 2, 0.9), new(1, 2, -0.9)]));
        Assert.NotNull(RankCorrelation.Target(3, [new(0, 1, 0.9), new(0, 2, 0.9), new(1, 2, 0.8)]));
    }

    private static double Spearman(double[][] values, int a, int b)
    {
        double[] Ranks(int input)
        {
            var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i][input]).ToArray();
            var ranks = new double[values.Length];
            for (int r = 0; r < order.Length; r++) ranks[order[r]] = r;
            return ranks;
        }
        return MathNet.Numerics.Statistics.Correlation.Pearson(Ranks(a), Ranks(b));
    }
}
