using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Experiments;

public sealed class IntervalTests
{
    [Fact]
    public void Wilson_KnownCase_MatchesTextbookValues()
    {
        // 81 successes in 263 trials: Wilson 95% interval (0.2553, 0.3662), Newcombe (1998), Table I.
        var p = Proportion.Wilson(81, 263);
        Assert.Equal(0.2553, p.Lower, 4);
        Assert.Equal(0.3662, p.Upper, 4);
    }

    [Fact]
    public void Z95_IsTheNearestDoubleToTheNormalQuantile_OnEveryMachine()
    {
        // 1.959963984540054235524594430520551528 lies 0.36e-16 below the double 0x3FFF5C0331EEFF85 and 1.86e-16 above
        // the one before it (exact decimal expansions of both doubles, Python's decimal module): that double and no
        // other, not whatever the platform's C library makes of MathNet's InvCDF (0x...FF83 on Linux x64).
        Assert.Equal(0x3FFF5C0331EEFF85, BitConverter.DoubleToInt64Bits(Proportion.Z95));
        Assert.Equal(0.975, MathNet.Numerics.Distributions.Normal.CDF(0, 1, Proportion.Z95), 15);
    }

    [Fact]
    public void Wilson_ZeroCount_StaysInsideUnitInterval()
    {
        var p = Proportion.Wilson(0, 50);
        Assert.Equal(0, p.Lower);
        Assert.InRange(p.Upper, 0.05, 0.1);
    }

    [Fact]
    public void PairedDifference_KnownSums_MeanAndInterval()
    {
        // 100 pairs: 20 at +1, 10 at -1, 70 at 0. Mean 0.1, sample variance (30 - 100*0.01)/99.
        var d = PairedDifference.FromSums(100, 10, 30);
        double halfWidth = Proportion.Z95 * Math.Sqrt((30 - 1.0) / 99 / 100);
        Assert.Equal(0.1, d.Estimate, 12);
        Assert.Equal(0.1 - halfWidth, d.Lower, 12);
        Assert.Equal(0.1 + halfWidth, d.Upper, 12);
    }

    [Fact]
    public void TrajectoryHistogram_Quantiles_WithinOneBinOfExact()
    {
        var histogram = new TrajectoryHistogram(TrajectoryMeasure.PopularSupport, 0);
        var values = Enumerable.Range(0, 1001).Select(i => i / 1000.0 * 0.8 + 0.1).ToArray();
        foreach (double v in values) histogram.Add(0, v);
        double binWidth = 1.0 / TrajectoryHistogram.Bins;
        Assert.Equal(0.5, histogram.Quantile(0, 0.5), binWidth);
        Assert.Equal(0.14, histogram.Quantile(0, 0.05), binWidth);
        Assert.Equal(0.86, histogram.Quantile(0, 0.95), binWidth);
    }

    [Fact]
    public void TrajectoryHistogram_AidAboveOne_CountedNotClipped()
    {
        var histogram = new TrajectoryHistogram(TrajectoryMeasure.AidLevel, 0);
        for (int i = 0; i < 10; i++) histogram.Add(0, 1.2);
        Assert.Equal(1.2, histogram.Quantile(0, 0.5), 1.5 / TrajectoryHistogram.Bins);
    }

    [Theory]
    [InlineData(6, 1, 6)]
    [InlineData(10, 2, 9)]
    [InlineData(100, 40, 61)]
    public void MedianInterval_TabulatedSampleSizes_GiveTheTextbookRanks(long n, long lower, long upper) =>
        Assert.Equal((lower, upper), MedianInterval.Ranks(n));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void MedianInterval_FewerThanSix_HasNoNinetyFivePercentInterval(long n) => Assert.Null(MedianInterval.Ranks(n));

    [Theory]
    [InlineData(37)]
    [InlineData(10_000)]
    public void MedianInterval_AnySize_CoversAtLeastNinetyFivePercentAndNoMoreThanNeeded(long n)
    {
        var (lower, _) = MedianInterval.Ranks(n)!.Value;
        Assert.True(1 - 2 * MathNet.Numerics.Distributions.Binomial.CDF(0.5, (int)n, lower - 1) >= 0.95);
        Assert.True(1 - 2 * MathNet.Numerics.Distributions.Binomial.CDF(0.5, (int)n, lower) < 0.95);
    }
}
