using System.Runtime.Intrinsics;
using UcgSim.Core.Kernel;

namespace UcgSim.Tests.Kernel;

public sealed class LanesTests
{
    private static readonly double[] Bounds = [0.0, -0.0, 1.0, 5.0, 0.5, -1.0, double.NaN, double.PositiveInfinity];

    private static readonly double[] Values =
    [
        double.NaN, -0.0, 0.0, 1.0, -1.0, 0.5, 5.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon,
        -double.Epsilon, Math.BitIncrement(1.0), Math.BitDecrement(1.0), Math.BitIncrement(5.0), 1e-300, -1e300,
    ];

    [Fact]
    public void Max_EveryBoundAndValue_SameBitsAsMathMax()
    {
        foreach (double bound in Bounds)
            foreach (double value in Values)
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Max(bound, value)),
                    BitConverter.DoubleToInt64Bits(Lanes.Max(bound, Vector256.Create(value))[2]));
    }

    [Fact]
    public void Min_EveryBoundAndValue_SameBitsAsMathMin()
    {
        foreach (double bound in Bounds)
            foreach (double value in Values)
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Min(bound, value)),
                    BitConverter.DoubleToInt64Bits(Lanes.Min(bound, Vector256.Create(value))[2]));
    }
}
