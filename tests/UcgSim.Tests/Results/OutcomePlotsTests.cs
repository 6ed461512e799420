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
            "time-to-counter-coup.png", "time-to-civil-war.png", "bands-popular-support.png",
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
}
