using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Sensitivity;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Exploration;

public sealed class MorrisScreeningTests
{
    [Fact]
    public void Estimate_LinearTermsGiveTheirSlopeWithNoSpread_InteractionsGiveSpread()
    {
        // On [0, 10]: effects per unit of the cube are the slope times 10.
        var inputs = Enumerable.Range(0, 4).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(0, 10))).ToList();
        var design = new MorrisDesign(inputs, 30, 4, 2);
        var outputs = Enumerable.Range(0, (int)design.Count).Select(i => design.Values(i) is var x ? 2 * x[0] - 0.5 * x[1] + x[2] * x[3] : 0).ToList();

        var effects = MorrisScreening.Estimate(design, outputs);

        Assert.Equal(20, effects[0].Mu, 9);
        Assert.Equal(20, effects[0].MuStar, 9);
        Assert.Equal(0, effects[0].Sigma, 9);
        Assert.Equal(-5, effects[1].Mu, 9);
        Assert.Equal(5, effects[1].MuStar, 9);
        Assert.True(effects[2].Sigma > 10, $"x2 acts through x3, so its effects vary: sigma {effects[2].Sigma}.");
        // A linear term's effects are all equal, so every resample gives its mu*; an interaction's vary from resample to resample.
        Assert.Equal(20, effects[0].MuStarInterval.Lower, 9);
        Assert.Equal(20, effects[0].MuStarInterval.Upper, 9);
        Assert.True(effects[2].MuStarInterval.Lower < effects[2].MuStar && effects[2].MuStar < effects[2].MuStarInterval.Upper, $"x2: {effects[2].MuStarInterval}");
        Assert.All(effects, effect => Assert.Equal(30, effect.Effects));
    }

    [Fact]
    public void Estimate_Ishigami_X3ActsOnlyThroughX1_SoItsSignedMeanIsSmallBesideMuStar()
    {
        var inputs = Enumerable.Range(1, 3).Select(i => new UncertainInput($"x{i}", new UniformUncertainty(-Math.PI, Math.PI))).ToList();
        var design = new MorrisDesign(inputs, 200, 4, 9);
        var outputs = Enumerable.Range(0, (int)design.Count)
            .Select(i => design.Values(i) is var x ? Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]) : 0).ToList();

        var effects = MorrisScreening.Estimate(design, outputs);

        // x3's effect has the sign of sin(x1), which the grid sets to -0.87, 0 or 0.87 with equal chance either side.
        Assert.True(effects[2].MuStar > 1, $"x3 mu* {effects[2].MuStar}");
        Assert.True(Math.Abs(effects[2].Mu) < 0.3 * effects[2].MuStar, $"x3 mu {effects[2].Mu}, mu* {effects[2].MuStar}");
        Assert.True(effects[2].Sigma > effects[2].MuStar, $"x3 sigma {effects[2].Sigma}, mu* {effects[2].MuStar}");
    }
}
