using UcgSim.Core.Numerics;
using Xunit.Abstractions;

namespace UcgSim.Tests.Numerics;

// Sine and cosine of turns against a reference of some 106 bits (double-double Taylor series, with the fused
// multiply-add the model itself never uses), not against Math.Cos(2 * Math.PI * t), whose rounding of 2 pi t alone moves
// the result by many units in the last place near a zero.
public sealed class DeterministicTurnsTests(ITestOutputHelper output)
{
    [Fact]
    public void CosAndSinOfTurns_RandomTurns_WithinOneUlpOfTheReference()
    {
        var random = new Random(5);
        long worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            // Half anywhere in two turns either way, half within a hair of a quarter turn, where the result is tiny.
            double turns = i % 2 == 0 ? 4 * random.NextDouble() - 2 : Math.Round(8 * random.NextDouble()) / 4 + (random.NextDouble() - 0.5) * 1e-9;
            var (cos, sin) = Reference(turns);
            worst = Math.Max(worst, Math.Max(Ulps(DeterministicMath.CosOfTurns(turns), cos), Ulps(DeterministicMath.SinOfTurns(turns), sin)));
        }
        output.WriteLine($"worst: {worst} ulp");
        Assert.True(worst <= 1, $"{worst} ulp");
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0)]
    [InlineData(0.25, 0.0, 1.0)]
    [InlineData(0.5, -1.0, 0.0)]
    [InlineData(0.75, 0.0, -1.0)]
    [InlineData(-0.25, 0.0, -1.0)]
    [InlineData(3.0, 1.0, 0.0)]
    [InlineData(1e300, 1.0, 0.0)]
    public void CosAndSinOfTurns_WholeQuarters_Exact(double turns, double cos, double sin)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(cos), BitConverter.DoubleToInt64Bits(DeterministicMath.CosOfTurns(turns)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(sin), BitConverter.DoubleToInt64Bits(DeterministicMath.SinOfTurns(turns)));
    }

    // The bits themselves, as for exp and pow (the last: just below 2^52 turns, the largest whole quarters reduced).
    [Theory]
    [InlineData(1E-12, 0x3FF0000000000000, 0x3D9BA23CDD5122B5)]
    [InlineData(0.1, 0x3FE9E3779B97F4A8, 0x3FE2CF2304755A5E)]
    [InlineData(0.2499999, 0x3EA515370F9C8FD9, 0x3FEFFFFFFFFFF90E)]
    [InlineData(0.3, 0xBFD3C6EF372FE94E, 0x3FEE6F0E13445500)]
    [InlineData(0.5000001, 0xBFEFFFFFFFFFF90E, 0xBEA515370F6A4BE3)]
    [InlineData(0.9, 0x3FE9E3779B97F4A8, 0xBFE2CF2304755A5D)]
    [InlineData(123.456, 0xBFEEC8EE4169E5B4, 0x3FD1780B651B4F98)]
    [InlineData(4503599627370495.5, 0xBFF0000000000000, 0x0000000000000000)]
    public void CosAndSinOfTurns_FixedArguments_TheSameBitsOnEveryMachine(double turns, ulong cos, ulong sin)
    {
        Assert.Equal(cos, BitConverter.DoubleToUInt64Bits(DeterministicMath.CosOfTurns(turns)));
        Assert.Equal(sin, BitConverter.DoubleToUInt64Bits(DeterministicMath.SinOfTurns(turns)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void CosAndSinOfTurns_NotFinite_NaN(double turns)
    {
        Assert.True(double.IsNaN(DeterministicMath.CosOfTurns(turns)));
        Assert.True(double.IsNaN(DeterministicMath.SinOfTurns(turns)));
    }

    private static long Ulps(double a, double b) =>
        a == b ? 0 : Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    // pi / 2 in three doubles, about 160 bits.
    private static readonly DoubleDouble QuarterTurn = new DoubleDouble(1.5707963267948966, 6.123233995736766e-17) + new DoubleDouble(-1.4973849048591698e-33, 0);

    /// <summary>cos and sin of 2 pi t: t reduced to quarter turns exactly, then the Taylor series of the remainder.</summary>
    private static (double Cos, double Sin) Reference(double turns)
    {
        double quarters = 4 * turns;
        double whole = Math.Round(quarters);
        var angle = QuarterTurn * (quarters - whole);
        var square = angle * angle;
        DoubleDouble cos = new(1, 0), sin = angle, cosTerm = new(1, 0), sinTerm = angle;
        for (int n = 1; n <= 14; n++)
        {
            cosTerm = -(cosTerm * square) / ((2 * n - 1) * (2 * n));
            sinTerm = -(sinTerm * square) / ((2 * n) * (2 * n + 1));
            cos += cosTerm;
            sin += sinTerm;
        }
        return ((long)whole & 3) switch
        {
            0 => (cos.Value, sin.Value),
            1 => (-sin.Value + 0.0, cos.Value),
            2 => (-cos.Value, -sin.Value + 0.0),
            _ => (sin.Value + 0.0, -cos.Value),
        };
    }

    private readonly record struct DoubleDouble(double High, double Low)
    {
        public double Value => High + Low;

        public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
        {
            double sum = a.High + b.High;
            double virtualB = sum - a.High;
            double error = (a.High - (sum - virtualB)) + (b.High - virtualB) + a.Low + b.Low;
            return Normalized(sum, error);
        }

        public static DoubleDouble operator -(DoubleDouble a) => new(-a.High, -a.Low);

        public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
        {
            double product = a.High * b.High;
            double error = Math.FusedMultiplyAdd(a.High, b.High, -product) + (a.High * b.Low + a.Low * b.High);
            return Normalized(product, error);
        }

        public static DoubleDouble operator *(DoubleDouble a, double b) => a * new DoubleDouble(b, 0);

        public static DoubleDouble operator /(DoubleDouble a, int divisor)
        {
            double quotient = a.High / divisor;
            double remainder = Math.FusedMultiplyAdd(-quotient, divisor, a.High) + a.Low;
            return Normalized(quotient, remainder / divisor);
        }

        private static DoubleDouble Normalized(double high, double low)
        {
            double sum = high + low;
            return new DoubleDouble(sum, low - (sum - high));
        }
    }
}
