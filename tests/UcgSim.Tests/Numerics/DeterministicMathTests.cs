using System.Runtime.Intrinsics;
using UcgSim.Core.Numerics;
using Xunit.Abstractions;

namespace UcgSim.Tests.Numerics;

public sealed class DeterministicMathTests(ITestOutputHelper output)
{
    private const int Samples = 200_000;

    // Distance in units in the last place between two finite doubles of the same sign (0 for equal values).
    private static long Ulps(double a, double b) =>
        a == b ? 0 : Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private long MaxUlpsFromMath<T>(string name, IEnumerable<T> arguments, Func<T, double> ours, Func<T, double> theirs)
    {
        long worst = 0;
        T? worstArgument = default;
        int differing = 0, count = 0;
        foreach (var x in arguments)
        {
            long ulps = Ulps(ours(x), theirs(x));
            count++;
            if (ulps > 0) differing++;
            if (ulps > worst) (worst, worstArgument) = (ulps, x);
        }
        output.WriteLine($"{name}: max {worst} ulp (at {worstArgument}); {differing} of {count} differ from Math");
        return worst;
    }

    private static IEnumerable<double> Uniform(int seed, double low, double high)
    {
        var random = new Random(seed);
        for (int i = 0; i < Samples; i++) yield return low + random.NextDouble() * (high - low);
    }

    [Fact]
    public void Exp_WholeFiniteRange_WithinOneUlpOfMath()
    {
        // Down to -745.13 the result is subnormal, then 0; above 709.78 it is infinite.
        Assert.True(MaxUlpsFromMath("exp on [-745.2, 709.8]", Uniform(1, -745.2, 709.8), DeterministicMath.Exp, Math.Exp) <= 1);
    }

    [Fact]
    public void Exp_ArgumentsTheModelUses_WithinOneUlpOfMath()
    {
        // -month / timeConstant (restraint, salience, vacuum: months to 600, constants from 0.1) and
        // slope * (level - 0.5) (agreement and contention: slopes to 20, levels in [0, 1]).
        var decays = from month in Enumerable.Range(0, 601)
                     from constant in new[] { 0.1, 0.5, 1, 3, 4, 12, 24, 60, 120 }
                     select -month / constant;
        Assert.True(MaxUlpsFromMath("exp of decays", decays, DeterministicMath.Exp, Math.Exp) <= 1);
        Assert.True(MaxUlpsFromMath("exp on [-10, 10]", Uniform(2, -10, 10), DeterministicMath.Exp, Math.Exp) <= 1);
    }

    [Fact]
    public void Pow_ArgumentsTheModelUses_WithinOneUlpOfMath()
    {
        // Shares and rivalry ratios in [0, 2] to exponents in [0, 10].
        var random = new Random(3);
        var pairs = Enumerable.Range(0, Samples).Select(_ => (X: random.NextDouble() * 2, Y: random.NextDouble() * 10));
        Assert.True(MaxUlpsFromMath("pow on [0, 2] x [0, 10]", pairs,
            p => DeterministicMath.Pow(p.X, p.Y), p => Math.Pow(p.X, p.Y)) <= 1);
    }

    [Fact]
    public void Pow_WideFiniteResults_WithinOneUlpOfMath()
    {
        var random = new Random(4);
        var pairs = new List<(double X, double Y)>();
        while (pairs.Count < Samples)
        {
            double x = Math.Exp(random.NextDouble() * 1400 - 700), y = random.NextDouble() * 40 - 20;
            double expected = Math.Pow(x, y);
            if (expected > double.Epsilon * 4 && expected < double.MaxValue) pairs.Add((x, y));
        }
        Assert.True(MaxUlpsFromMath("pow with normal and subnormal results", pairs,
            p => DeterministicMath.Pow(p.X, p.Y), p => Math.Pow(p.X, p.Y)) <= 1);
    }

    public static TheoryData<double, double> ExpEdges() => new()
    {
        { 0.0, 1.0 }, { -0.0, 1.0 }, { double.NegativeInfinity, 0.0 }, { double.PositiveInfinity, double.PositiveInfinity },
        { 709.782712893384, 1.7976931348622732E+308 }, { 709.79, double.PositiveInfinity }, { -745.13, double.Epsilon },
        { -745.14, 0.0 }, { -6000.0, 0.0 }, { 1e-300, 1.0 }, { -1e-300, 1.0 },
    };

    [Theory]
    [MemberData(nameof(ExpEdges))]
    public void Exp_EdgeArgument_MatchesMath(double x, double expected)
    {
        Assert.Equal(expected, DeterministicMath.Exp(x));
        Assert.Equal(Math.Exp(x), DeterministicMath.Exp(x));
    }

    [Fact]
    public void Exp_NaN_IsNaN() => Assert.True(double.IsNaN(DeterministicMath.Exp(double.NaN)));

    public static TheoryData<double, double, double> PowEdges() => new()
    {
        { 0.0, 0.0, 1.0 }, { 0.0, 3.0, 0.0 }, { 0.0, 0.7, 0.0 }, { 0.0, -1.0, double.PositiveInfinity }, { 3.0, 0.0, 1.0 },
        { 1.0, 7.3, 1.0 }, { 2.0, 10.0, 1024.0 }, { 0.5, 3.0, 0.125 }, { 1.0, 0.7, 1.0 }, { 2.0, 0.0, 1.0 },
        { double.PositiveInfinity, 2.0, double.PositiveInfinity }, { double.PositiveInfinity, -2.0, 0.0 },
        { double.Epsilon, 0.5, 2.2227587494850775E-162 }, { 1e-300, 10.0, 0.0 }, { 2.0, 1024.0, double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(PowEdges))]
    public void Pow_EdgeArguments_MatchMath(double x, double y, double expected)
    {
        Assert.Equal(expected, DeterministicMath.Pow(x, y));
        Assert.Equal(Math.Pow(x, y), DeterministicMath.Pow(x, y));
    }

    [Fact]
    public void Pow_OutsideTheModelsDomain_NaNOrSignless()
    {
        Assert.True(double.IsNaN(DeterministicMath.Pow(-2.0, 0.5)));
        Assert.True(double.IsNaN(DeterministicMath.Pow(double.NaN, 2.0)));
        Assert.Equal(1.0, DeterministicMath.Pow(double.NaN, 0.0));
        // Math.Pow gives -0 for an odd power of -0; the model's bases are shares, so the sign of a zero base is dropped.
        Assert.Equal(0.0, DeterministicMath.Pow(-0.0, 3.0));
    }

    [Fact]
    public void Pow_FirstPower_IsTheBase()
    {
        foreach (double x in Uniform(5, 0, 2)) Assert.Equal(x, DeterministicMath.Pow(x, 1.0));
    }

    // Edge values planted among ordinary ones, in every lane position (TensorPrimitives' test pattern).
    private static readonly double[] PlantedArguments =
    [
        0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1e-300, -1e-300, double.Epsilon, 2.2250738585072014E-308, 709.78, 709.79, -745.13,
        -745.14, -708.5, -720, 1e300, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 10, -10, 20,
    ];

    private static IEnumerable<Vector256<double>> MixedVectors(int seed)
    {
        var random = new Random(seed);
        double Next() => random.Next(4) == 0
            ? PlantedArguments[random.Next(PlantedArguments.Length)]
            : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 4));
        for (int i = 0; i < Samples / 4; i++) yield return Vector256.Create(Next(), Next(), Next(), Next());
    }

    private static void AssertSameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));

    [Fact]
    public void ExpVector_EveryLane_SameBitsAsScalar()
    {
        foreach (var x in MixedVectors(6))
        {
            var lanes = DeterministicMath.Exp(x);
            for (int lane = 0; lane < Vector256<double>.Count; lane++)
                AssertSameBits(DeterministicMath.Exp(x[lane]), lanes[lane]);
        }
    }

    [Fact]
    public void PowVector_EveryLane_SameBitsAsScalar()
    {
        var exponents = MixedVectors(7).GetEnumerator();
        foreach (var x in MixedVectors(8))
        {
            exponents.MoveNext();
            var y = exponents.Current;
            var bases = Vector256.Abs(x);
            var lanes = DeterministicMath.Pow(bases, y);
            for (int lane = 0; lane < Vector256<double>.Count; lane++)
                AssertSameBits(DeterministicMath.Pow(bases[lane], y[lane]), lanes[lane]);
        }
    }

    [Fact]
    public void Log_PositiveDoublesOfEveryExponent_WithinOneUlpOfMath()
    {
        var random = new Random(11);
        // Every binade from the subnormals to the largest, with random mantissas.
        var arguments = Enumerable.Range(0, Samples).Select(_ =>
            BitConverter.Int64BitsToDouble((random.NextInt64(0, 0x7FF) << 52) | random.NextInt64(0, 1L << 52)));
        Assert.True(MaxUlpsFromMath("Log", arguments.Where(x => x > 0), DeterministicMath.Log, Math.Log) <= 1);
        Assert.True(MaxUlpsFromMath("Log near 1", Uniform(12, 0.5, 2), DeterministicMath.Log, Math.Log) <= 1);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(-1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.Epsilon, -744.44007192138122)]
    public void Log_EdgeArgument_AsMath(double x, double expected) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(DeterministicMath.Log(x)));

    // The bits themselves, for arguments across the range (subnormal and near-overflow results, a reduced argument
    // at its bound, a result that rounds to 1): what this machine computes, so that any machine, instruction set or
    // JIT that rounds one operation differently, or fuses a multiply and an add, fails here by name.
    [Theory]
    [InlineData(-745.1, 0x0000000000000001)]
    [InlineData(-720.25, 0x000000077564144F)]
    [InlineData(-708.5, 0x000E6CF6D08897AC)]
    [InlineData(-30, 0x3D3A56E0C2AC7F75)]
    [InlineData(-1, 0x3FD78B56362CEF38)]
    [InlineData(-0.5, 0x3FE368B2FC6F960A)]
    [InlineData(-1E-300, 0x3FF0000000000000)]
    [InlineData(0, 0x3FF0000000000000)]
    [InlineData(1E-17, 0x3FF0000000000000)]
    [InlineData(0.3, 0x3FF599058C8C1A96)]
    [InlineData(0.6931471805599453, 0x4000000000000000)]
    [InlineData(1, 0x4005BF0A8B14576A)] // Math.Exp gives the correctly rounded 2.718281828459045, a unit in the last place away
    [InlineData(10.5, 0x40E1BB7015E84D3B)]
    [InlineData(354.75, 0x5FEBC820FF3EF182)] // Math.Exp gives the correctly rounded 1.1640387963099138E+154, a unit in the last place away
    [InlineData(709.7, 0x7FED75AE7A50EE14)]
    public void Exp_FixedArguments_TheSameBitsOnEveryMachine(double x, ulong bits) =>
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(DeterministicMath.Exp(x)));

    [Theory]
    [InlineData(0.3, 2.7, 0x3FA3D6858F50590E)]
    [InlineData(0.5, 0.5, 0x3FE6A09E667F3BCC)] // Math.Pow gives the correctly rounded 0.7071067811865476, a unit in the last place away
    [InlineData(0.999, 100000, 0x36E940747BB85396)] // Math.Pow gives the correctly rounded 3.5385276883431275E-44, a unit in the last place away
    [InlineData(1E-300, 1.1, 0x0000000000000000)]
    [InlineData(5E-324, 0.5, 0x1E60000000000000)]
    [InlineData(2.5, -3.25, 0x3FAA0F36E2C12F9E)]
    [InlineData(0.75, 1E-10, 0x3FEFFFFFFFFC0BCF)]
    [InlineData(1.7976931348623157E+308, 0.999, 0x7FDF78D9576FB57D)]
    [InlineData(0.1, 300, 0x01A56E1FC2F8F3BD)]
    [InlineData(7, 0.37, 0x40006F6C69BB548C)]
    public void Pow_FixedArguments_TheSameBitsOnEveryMachine(double x, double y, ulong bits) =>
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(DeterministicMath.Pow(x, y)));

    [Theory]
    [InlineData(5E-324, 0xC0874385446D71C3)]
    [InlineData(1E-300, 0xC085963447F87FB5)]
    [InlineData(0.001, 0xC01BA18A998FFFA0)]
    [InlineData(0.7071067811865476, 0xBFD62E42FEFA39EE)]
    [InlineData(0.9999999, 0xBE7AD7F2B1049B9F)]
    [InlineData(1.0000001, 0x3E7AD7F2847B6492)]
    [InlineData(2, 0x3FE62E42FEFA39EF)]
    [InlineData(10, 0x40026BB1BBB55516)]
    [InlineData(1E+300, 0x4085963447F87FB5)]
    public void Log_FixedArguments_TheSameBitsOnEveryMachine(double x, ulong bits) =>
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(DeterministicMath.Log(x)));
}
