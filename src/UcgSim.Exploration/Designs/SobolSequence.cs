namespace UcgSim.Exploration.Designs;

/// <summary>
/// The Sobol' low-discrepancy sequence (Sobol' 1967) in base 2, 32 bits, with optional Owen (nested uniform)
/// scrambling.
/// <para>
/// Direction numbers: dimension 0 is van der Corput's sequence; dimension d &gt; 0 uses the d-th primitive polynomial over
/// GF(2), in order of degree and then of value (the order of Joe and Kuo's tables), found here by testing the order of x
/// modulo each candidate, and initial numbers m_k drawn once under a fixed key, odd and below 2^k, as Bratley and Fox
/// (1988, ACM TOMS 14:88) allow. Any such choice gives a (t, s)-sequence: every dimension's first 2^m points fall one in
/// each interval [j/2^m, (j+1)/2^m). Joe and Kuo (2008) searched for initial numbers with better two-dimensional
/// projections; their tables are not bundled, which is why the designs scramble by default: Owen scrambling keeps the
/// stratification, makes each point uniform on the cube (so estimators are unbiased) and breaks up poor projections.
/// </para>
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The most dimensions: every primitive polynomial up to degree 13 (1,110 of them), plus van der Corput's.</summary>
    public const int MaxDimensions = 1111;

    private const int Bits = 32;
    private const int MaxDegree = 13;

    // The polynomials and initial numbers are fixed, so the unscrambled sequence is one documented object, whatever seed a
    // design uses.
    private const ulong DirectionKey = 0x50B0_1967;

    private static readonly Lazy<uint[][]> AllDirections = new(() => BuildDirections(MaxDimensions));

    private readonly uint[][] _directions;
    private readonly ulong? _scrambleSeed;

    /// <param name="dimensions">Coordinates per point, 1 to <see cref="MaxDimensions"/>.</param>
    /// <param name="scrambleSeed">The seed of Owen's scrambling; null for the plain sequence.</param>
    public SobolSequence(int dimensions, ulong? scrambleSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _directions = AllDirections.Value;
        _scrambleSeed = scrambleSeed;
    }

    public int Dimensions { get; }

    /// <summary>The 32-bit digits of point <paramref name="index"/> (below 2^32) in <paramref name="dimension"/>, before scrambling.</summary>
    public uint Digits(long index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, uint.MaxValue);
        // Gray-code order: point i is the XOR of the direction numbers of the bits set in i ^ (i >> 1).
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        uint[] v = _directions[dimension];
        uint digits = 0;
        for (int bit = 0; gray != 0; bit++, gray >>= 1)
            if ((gray & 1) != 0) digits ^= v[bit];
        return digits;
    }

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/>, strictly inside (0, 1).</summary>
    public double Coordinate(long index, int dimension)
    {
        uint digits = Digits(index, dimension);
        if (_scrambleSeed is { } seed) digits = OwenScramble(digits, dimension, seed);
        // The centre of the point's finest cell, so no coordinate is exactly 0 (whose normal quantile is infinite).
        return (digits + 0.5) / 4294967296.0;
    }

    // Nested uniform scrambling: digit b is flipped or not by a fair coin drawn from the digits above it, so points sharing
    // a cell at every level share the cell's permutation, which is what keeps the net's stratification.
    private static uint OwenScramble(uint digits, int dimension, ulong seed)
    {
        uint result = 0;
        for (int bit = Bits - 1; bit >= 0; bit--)
        {
            ulong prefix = bit == Bits - 1 ? 0 : digits >> (bit + 1);
            ulong coin = Mix(seed ^ Mix(((ulong)(uint)dimension << 32) | (uint)bit) ^ Mix(prefix + 0x9E3779B97F4A7C15UL));
            result |= ((digits >> bit) ^ (uint)(coin >> 63)) & 1u;
            if (bit > 0) result <<= 1;
        }
        return result;
    }

    // SplitMix64's finalizer (Steele, Lea and Flood 2014): a cheap bijection whose top bit is a fair coin.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static uint[][] BuildDirections(int dimensions)
    {
        var directions = new uint[dimensions][];
        directions[0] = Enumerable.Range(0, Bits).Select(k => 1u << (Bits - 1 - k)).ToArray();
        int d = 1;
        for (int degree = 1; degree <= MaxDegree && d < dimensions; degree++)
        {
            for (uint polynomial = (1u << degree) | 1u; polynomial < 2u << degree && d < dimensions; polynomial += 2)
            {
                if (!IsPrimitive(polynomial, degree)) continue;
                directions[d] = DirectionsFor(polynomial, degree, d);
                d++;
            }
        }
        return directions;
    }

    // m_k for k <= degree are drawn; later ones follow Bratley and Fox's recurrence
    // m_k = 2 a_1 m_{k-1} ^ 4 a_2 m_{k-2} ^ ... ^ 2^s m_{k-s} ^ m_{k-s}.
    private static uint[] DirectionsFor(uint polynomial, int degree, int dimension)
    {
        var m = new ulong[Bits + 1];
        for (int k = 1; k <= Math.Min(degree, Bits); k++)
            m[k] = 2 * (ulong)DesignRandom.Below(1 << (k - 1), DirectionKey, DesignStream.SobolDirections, dimension, k) + 1;
        for (int k = degree + 1; k <= Bits; k++)
        {
            ulong next = m[k - degree] ^ (m[k - degree] << degree);
            for (int i = 1; i < degree; i++)
                if (((polynomial >> (degree - i)) & 1) != 0) next ^= m[k - i] << i;
            m[k] = next;
        }
        return Enumerable.Range(1, Bits).Select(k => (uint)(m[k] << (Bits - k))).ToArray();
    }

    // Primitive when x has order exactly 2^degree - 1 modulo the polynomial.
    private static bool IsPrimitive(uint polynomial, int degree)
    {
        uint period = (1u << degree) - 1;
        uint power = 1;
        for (uint exponent = 1; exponent <= period; exponent++)
        {
            power <<= 1;
            if ((power & (1u << degree)) != 0) power ^= polynomial;
            if (power == 1) return exponent == period;
        }
        return false;
    }
}
