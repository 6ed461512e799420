using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

public sealed class DesignTests
{
    private static readonly IReadOnlyList<UncertainInput> ThreeInputs =
    [
        new("a", new UniformUncertainty(0, 1)),
        new("b", new UniformUncertainty(0, 1)),
        new("c", new UniformUncertainty(0, 1)),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sobol_First2ToTheMPoints_OneInEachIntervalOfEveryDimension(bool scramble)
    {
        const int m = 8;
        var sequence = new SobolSequence(SobolSequence.MaxDimensions, scramble ? 99UL : null);
        foreach (int dimension in new[] { 0, 1, 2, 7, 100, 553, SobolSequence.MaxDimensions - 1 })
        {
            var cells = Enumerable.Range(0, 1 << m).Select(i => (int)(sequence.Coordinate(i, dimension) * (1 << m))).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 1 << m), cells);
        }
    }

    [Fact]
    public void Sobol_Unscrambled_FirstDimensionIsVanDerCorput()
    {
        var sequence = new SobolSequence(2, null);
        Assert.Equal(new uint[] { 0, 0x80000000, 0xC0000000, 0x40000000, 0x60000000 },
            Enumerable.Range(0, 5).Select(i => sequence.Digits(i, 0)));
    }

    [Fact]
    public void Sobol_TwoDimensionalProjection_2ToTheMPointsFillElementaryBoxes()
    {
        // A (0, m, 2)-net in dimensions 0 and 1: 2^m points, one in each box of 2^j by 2^(m-j) cells.
        var sequence = new SobolSequence(2, 5UL);
        const int m = 6;
        for (int j = 0; j <= m; j++)
        {
            var boxes = Enumerable.Range(0, 1 << m)
                .Select(i => ((int)(sequence.Coordinate(i, 0) * (1 << j)), (int)(sequence.Coordinate(i, 1) * (1 << (m - j)))))
                .Distinct().Count();
            Assert.Equal(1 << m, boxes);
        }
    }

    [Fact]
    public void LatinHypercube_EachInputHasOnePointInEachStratum()
    {
        var design = new LatinHypercubeDesign(ThreeInputs, 50, 3);
        for (int input = 0; input < 3; input++)
        {
            var strata = Enumerable.Range(0, 50).Select(i => (int)(design.Values(i)[input] * 50)).Order();
            Assert.Equal(Enumerable.Range(0, 50), strata);
        }
    }

    [Fact]
    public void FullFactorial_CrossesContinuousLevelsWithDiscreteValues()
    {
        var inputs = new UncertainInput[] { new("x", new UniformUncertainty(0, 10)), new("choice", new DiscreteUncertainty([2, 5, 7])) };
        var design = new FullFactorialDesign(inputs, 2);
        Assert.Equal(6, design.Count);
        var points = Enumerable.Range(0, 6).Select(i => (design.Values(i)[0], design.Values(i)[1])).ToList();
        Assert.Equal([(2.5, 2), (2.5, 5), (2.5, 7), (7.5, 2), (7.5, 5), (7.5, 7)], points);
    }

    [Fact]
    public void Designs_PointsDependOnlyOnTheIndex_InAnyOrder()
    {
        Design[] designs =
        [
            new MonteCarloDesign(ThreeInputs, 40, 11),
            new LatinHypercubeDesign(ThreeInputs, 40, 11),
            new SobolDesign(ThreeInputs, 40, 11, scramble: true),
            new SaltelliDesign(ThreeInputs, 8, 11, scramble: true),
            new MorrisDesign(ThreeInputs, 10, 4, 11),
        ];
        foreach (var design in designs)
        {
            var forward = Enumerable.Range(0, (int)design.Count).Select(i => design.Values(i)).ToList();
            var backward = Enumerable.Range(0, (int)design.Count).Reverse().Select(i => design.Values(i)).Reverse().ToList();
            Assert.Equal(forward, backward);
            Assert.All(forward, point => Assert.All(point, x => Assert.InRange(x, 0, 1)));
        }
    }

    [Fact]
    public void Saltelli_EachABRowDiffersFromAInOneColumn_TakenFromB()
    {
        var design = new SaltelliDesign(ThreeInputs, 4, 1, scramble: false);
        Assert.Equal(4 * 5, design.Count);
        for (int row = 0; row < 4; row++)
        {
            double[] a = design.Values(row * 5), b = design.Values(row * 5 + 4);
            for (int i = 0; i < 3; i++)
            {
                double[] ab = design.Values(row * 5 + 1 + i);
                for (int j = 0; j < 3; j++) Assert.Equal(j == i ? b[j] : a[j], ab[j]);
            }
        }
    }

    [Fact]
    public void Morris_EachStepMovesOneInputByDelta_EveryInputOncePerTrajectory()
    {
        var design = new MorrisDesign(ThreeInputs, 20, 4, 5);
        for (int t = 0; t < 20; t++)
        {
            var moved = new List<int>();
            for (int step = 0; step < 3; step++)
            {
                double[] before = design.Values(t * 4 + step), after = design.Values(t * 4 + step + 1);
                var changed = Enumerable.Range(0, 3).Where(i => before[i] != after[i]).ToList();
                Assert.Single(changed);
                Assert.Equal(design.Delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
                var (input, up) = design.Step(t, step);
                Assert.Equal(changed[0], input);
                Assert.Equal(up, after[input] > before[input]);
                moved.Add(input);
            }
            Assert.Equal([0, 1, 2], moved.Order());
        }
    }

    [Fact]
    public void TruncatedNormal_StaysWithinBounds_MedianAtTheMeanWhenCentred()
    {
        var normal = new TruncatedNormalUncertainty(0.5, 0.3, 0, 1);
        Assert.Equal(0.5, normal.ValueAt(0.5), 12);
        Assert.Equal(0, normal.ValueAt(0));
        Assert.Equal(1, normal.ValueAt(1));
        Assert.InRange(normal.ValueAt(0.9), 0.5, 1);
    }
}
