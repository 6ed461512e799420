using UcgSim.Exploration.Designs;
using UcgSim.Exploration.ScenarioDiscovery;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

public sealed class PrimTests
{
    [Fact]
    public void Discover_SyntheticBox_RecoversItsLimitsAndOnlyItsInputsHaveSmallQuasiPValues()
    {
        // Cases of interest: x0 above 0.6 and x1 below 0.3 (12% of the cube), plus 2% of other points at random; x2 to x4
        // play no part.
        var inputs = Enumerable.Range(0, 5).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(0, 1))).ToList();
        var design = new LatinHypercubeDesign(inputs, 4000, 17);
        var noise = new MonteCarloDesign(inputs, 4000, 18);
        var points = Enumerable.Range(0, 4000).Select(i => design.Values(i)).ToList();
        var ofInterest = points.Select((x, i) => (x[0] > 0.6 && x[1] < 0.3) || noise.Values(i)[0] < 0.02).ToList();

        var result = Prim.Discover(points, ofInterest);

        Assert.Equal([0, 1], result.Chosen.Restricted);
        Assert.Equal(0.6, result.Chosen.Limits[0].Lower, 0.03);
        Assert.Equal(0.3, result.Chosen.Limits[1].Upper, 0.03);
        Assert.True(result.Chosen.Density > 0.9, $"density {result.Chosen.Density}");
        Assert.True(result.Chosen.Coverage > 0.75, $"coverage {result.Chosen.Coverage}");
        Assert.All(result.Restrictions, restriction => Assert.True(restriction.QuasiPValue < 1e-6, $"x{restriction.Input}: p {restriction.QuasiPValue}"));
        // The peeling trajectory trades coverage for density step by step.
        Assert.Equal(1, result.Trajectory[0].Coverage);
        Assert.True(result.Trajectory.Count > 10);
        Assert.True(result.Trajectory[^1].Mass >= 0.05);
        Assert.True(result.Trajectory.Zip(result.Trajectory.Skip(1)).All(pair => pair.Second.Coverage <= pair.First.Coverage));
    }

    [Fact]
    public void Discover_NoStructure_AnExtraRestrictionHasALargeQuasiPValue()
    {
        var inputs = Enumerable.Range(0, 3).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(0, 1))).ToList();
        var design = new MonteCarloDesign(inputs, 2000, 4);
        var points = Enumerable.Range(0, 2000).Select(i => design.Values(i)).ToList();
        var ofInterest = points.Select(x => x[0] < 0.5).ToList();

        var result = Prim.Discover(points, ofInterest, minimumCoverage: 0.9);

        Assert.Contains(0, result.Chosen.Restricted);
        Assert.All(result.Restrictions.Where(r => r.Input != 0), r => Assert.True(r.QuasiPValue > 0.01, $"x{r.Input}: p {r.QuasiPValue}"));
    }
}
