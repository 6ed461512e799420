using UcgSim.Exploration.Robustness;

namespace UcgSim.Tests.Exploration;

public sealed class PolicyRobustnessTests
{
    [Fact]
    public void Assess_RegretIsTheGapToTheBestAtEachPoint_AndBestCountsIncludeTies()
    {
        double[][] shares = [[0.1, 0.3, 0.2], [0.4, 0.2, 0.4], [0.5, 0.1, 0.0]];

        var higher = PolicyRobustness.Assess(["a", "b", "c"], shares, higherIsBetter: true);

        Assert.Equal([2, 1, 1], higher.Select(v => v.PointsBest));
        Assert.Equal((0.2 + 0 + 0) / 3, higher[0].MeanRegret, 12);
        Assert.Equal(0.4, higher[1].MaximumRegret, 12);
        Assert.Equal(0.5, higher[2].MaximumRegret, 12);
        Assert.Equal(0.4, higher[0].Median, 12);

        var lower = PolicyRobustness.Assess(["a", "b", "c"], shares, higherIsBetter: false);
        Assert.Equal([1, 1, 1], lower.Select(v => v.PointsBest));
        Assert.Equal(0.5, lower[0].MaximumRegret, 12);
    }
}
