using UcgSim.Core.Randomness;

namespace UcgSim.Tests.Randomness;

public sealed class PhiloxTests
{
    // Known-answer vectors published with Random123 (kat_vectors), the reference implementation.
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Generate_KnownAnswerVectors_MatchRandom123(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        uint e0, uint e1, uint e2, uint e3)
    {
        Assert.Equal((e0, e1, e2, e3), Philox4x32.Generate(c0, c1, c2, c3, k0, k1));
    }

    [Fact]
    public void Uniform_SameCoordinates_SameDrawWhateverTheOrder()
    {
        var random = new ReplicateRandom(42, 7);
        double first = random.Uniform(12, DrawStream.CoupAttempt);
        _ = random.Uniform(3, DrawStream.CivilWar);
        Assert.Equal(first, new ReplicateRandom(42, 7).Uniform(12, DrawStream.CoupAttempt));
    }

    [Fact]
    public void Uniform_DifferentCoordinates_DifferentDraws()
    {
        var draws = new HashSet<double>
        {
            new ReplicateRandom(42, 7).Uniform(12, DrawStream.CoupAttempt),
            new ReplicateRandom(43, 7).Uniform(12, DrawStream.CoupAttempt),
            new ReplicateRandom(42, 8).Uniform(12, DrawStream.CoupAttempt),
            new ReplicateRandom(42, 7).Uniform(13, DrawStream.CoupAttempt),
            new ReplicateRandom(42, 7).Uniform(12, DrawStream.CivilWar),
            new ReplicateRandom(42, 1L << 40).Uniform(12, DrawStream.CoupAttempt),
        };
        Assert.Equal(6, draws.Count);
    }

    [Fact]
    public void Uniform_ManyDraws_UniformOnUnitInterval()
    {
        const int n = 200_000;
        var bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double u = new ReplicateRandom(1, i).Uniform(i % 61, DrawStream.SupportShock);
            Assert.InRange(u, 0, 1 - double.Epsilon);
            sum += u;
            bins[(int)(u * 10)]++;
        }
        Assert.InRange(sum / n, 0.497, 0.503);
        // Chi-square with 9 degrees of freedom: 27.9 is its 0.999 quantile.
        double chiSquare = bins.Sum(b => Math.Pow(b - n / 10.0, 2) / (n / 10.0));
        Assert.True(chiSquare < 27.9, $"chi-square {chiSquare}");
    }
}
