using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class OutcomePlotsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void WriteAll_TwoScenarios_WritesEveryFigureAsANonTrivialPng()
    {
        var written = OutcomePlots.WriteAll(SyntheticSummary.Create(scenarios: 2, variants: 3), _scratch.Path);

        string[] expected =
        [
            "outcome-shares.png", "time-to-transition.png", "time-to-mission-asked-to-leave.png",
            "time-to-counter-coup.png", "time-to-civil-war.png", "paired-differences.png", "bands-popular-support.png",
            "bands-mission-relationship.png", "bands-aid-level.png", "bands-hardship.png",
        ];
        Assert.Equal(expected, written.Select(Path.GetFileName));
        foreach (string path in written)
        {
            byte[] png = File.ReadAllBytes(path);
            Assert.Equal(PngSignature, png[..8]);
            Assert.True(png.Length > 20_000, $"{Path.GetFileName(path)} is only {png.Length} bytes");
        }
    }

    [Fact]
    public void WriteAll_OneVariant_NoPairedDifferencesFigure()
    {
        var written = OutcomePlots.WriteAll(SyntheticSummary.Create(scenarios: 1, variants: 1), _scratch.Path);

        Assert.DoesNotContain("paired-differences.png", written.Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(_scratch.Path, "paired-differences.png")));
    }

    [Fact]
    public void FittedRange_AidNeverAboveItsPreUcgLevel_AxisEndsAtOneNotAtOnePointFive()
    {
        var (lowest, highest) = OutcomePlots.FittedRange(TrajectoryMeasure.AidLevel, [0.63, 0.8, 1.0, double.NaN]);

        Assert.Equal(0.6, lowest, 9);
        Assert.Equal(1.0, highest, 9);
    }

    [Fact]
    public void FittedRange_ValuesOnOnePoint_StillSpansATenthWithinTheMeasuresRange()
    {
        var (lowest, highest) = OutcomePlots.FittedRange(TrajectoryMeasure.Hardship, [0.0, 0.0]);

        Assert.Equal(0.0, lowest, 9);
        Assert.Equal(0.1, highest, 9);
    }
}
