using System.Runtime.Intrinsics;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Experiments;

public sealed class TrajectoryHistogramTests
{
    // Each value lands in the bin (int)((value - minimum) / span * 200), kept within [0, 199]; NaN in bin 0 as (int)NaN.
    [Theory]
    [InlineData(TrajectoryMeasure.PopularSupport, 0.0, 0)]
    [InlineData(TrajectoryMeasure.PopularSupport, 0.004999, 0)]
    [InlineData(TrajectoryMeasure.PopularSupport, 0.005, 1)]
    [InlineData(TrajectoryMeasure.PopularSupport, 0.5, 100)]
    [InlineData(TrajectoryMeasure.PopularSupport, 0.99999, 199)]
    [InlineData(TrajectoryMeasure.PopularSupport, 1.0, 199)]
    [InlineData(TrajectoryMeasure.PopularSupport, 1e300, 199)]
    [InlineData(TrajectoryMeasure.PopularSupport, -0.3, 0)]
    [InlineData(TrajectoryMeasure.PopularSupport, double.NaN, 0)]
    [InlineData(TrajectoryMeasure.AidLevel, 0.75, 100)]
    [InlineData(TrajectoryMeasure.AidLevel, 1.4999, 199)]
    [InlineData(TrajectoryMeasure.AidLevel, 2.5, 199)]
    public void Add_Value_CountedInItsBin(TrajectoryMeasure measure, double value, int bin)
    {
        var histogram = new TrajectoryHistogram(measure, horizon: 0);
        histogram.Add(0, value);
        double width = (histogram.Maximum - histogram.Minimum) / TrajectoryHistogram.Bins;
        // The median of a single value is interpolated to the middle of its bin.
        Assert.Equal(histogram.Minimum + (bin + 0.5) * width, histogram.Quantile(0, 0.5), 12);
    }

    [Fact]
    public void Add_FourLanePaths_SameCountsAsOneValueAtATime()
    {
        var random = new Random(3);
        var lanes = new TrajectoryHistogram(TrajectoryMeasure.AidLevel, horizon: 1);
        var single = new TrajectoryHistogram(TrajectoryMeasure.AidLevel, horizon: 1);
        Vector256<double> Values() =>
            Vector256.Create(random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble(), random.NextDouble() * 1.5);
        for (int i = 0; i < 10_000; i++)
        {
            Vector256<double>[] path = [Values(), Values()];
            // Lane 2 stops running after month 0: its value at month 1 is not counted.
            lanes.Add(path, [1, 1, 0, 1]);
            for (int lane = 0; lane < 4; lane++) single.Add(0, path[0][lane]);
            foreach (int lane in new[] { 0, 1, 3 }) single.Add(1, path[1][lane]);
        }
        for (int month = 0; month <= 1; month++)
        {
            for (int p = 1; p < 100; p++) Assert.Equal(single.Quantile(month, p / 100.0), lanes.Quantile(month, p / 100.0));
            Assert.Equal(single.Count(month), lanes.Count(month));
        }
        Assert.Equal(30_000, lanes.Count(1));
    }
}
