using UcgSim.Core.Randomness;

namespace UcgSim.Tests.Randomness;

public sealed class ReplicateLanesRandomTests
{
    [Theory]
    [InlineData(0UL, 0L)]
    [InlineData(20250301UL, 1001L)]
    [InlineData(ulong.MaxValue, (1L << 32) - 2)]
    [InlineData(0x243F6A8885A308D3UL, long.MaxValue - 3)]
    public void Uniform_FourConsecutiveReplicates_SameBitsAsEachReplicatesOwnDraw(ulong seed, long firstReplicate)
    {
        var lanes = new ReplicateLanesRandom(seed, firstReplicate);
        for (int month = 0; month <= 600; month += 7)
            foreach (var stream in Enum.GetValues<DrawStream>())
            {
                var drawn = lanes.Uniform(month, stream);
                for (int lane = 0; lane < 4; lane++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(new ReplicateRandom(seed, firstReplicate + lane).Uniform(month, stream)),
                        BitConverter.DoubleToInt64Bits(drawn[lane]));
            }
    }

    [Fact]
    public void GenerateFirstTwoWords_RandomCounters_SameWordsAsScalarPhilox()
    {
        var random = new Random(5);
        uint Next() => (uint)random.NextInt64(0, 1L << 32);
        for (int i = 0; i < 10_000; i++)
        {
            uint[] c0 = [Next(), Next(), Next(), Next()], c1 = [Next(), Next(), Next(), Next()];
            uint[] c2 = [Next(), Next(), Next(), Next()], c3 = [Next(), Next(), Next(), Next()];
            uint k0 = Next(), k1 = Next();
            static System.Runtime.Intrinsics.Vector256<ulong> Lanes(uint[] words) =>
                System.Runtime.Intrinsics.Vector256.Create(words[0], words[1], words[2], (ulong)words[3]);
            var (word0, word1) = Philox4x32.GenerateFirstTwoWords(Lanes(c0), Lanes(c1), Lanes(c2), Lanes(c3), k0, k1);
            for (int lane = 0; lane < 4; lane++)
            {
                var (e0, e1, _, _) = Philox4x32.Generate(c0[lane], c1[lane], c2[lane], c3[lane], k0, k1);
                Assert.Equal((ulong)e0, word0[lane]);
                Assert.Equal((ulong)e1, word1[lane]);
            }
        }
    }
}
