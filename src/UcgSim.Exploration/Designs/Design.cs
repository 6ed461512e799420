using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Designs;

/// <summary>
/// A set of points in the unit hypercube, one coordinate per uncertain input, each addressed by its index: point i is a
/// pure function of the design's settings and i, so any process can compute any point without the others, and a design
/// of a million points is never held in memory.
/// </summary>
public abstract class Design
{
    protected Design(IReadOnlyList<UncertainInput> inputs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(inputs.Count);
        Inputs = inputs;
    }

    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>How many points the design has.</summary>
    public abstract long Count { get; }

    /// <summary>Writes point <paramref name="index"/>'s coordinates in [0, 1] into <paramref name="unit"/>, one per input.</summary>
    public abstract void UnitPoint(long index, Span<double> unit);

    /// <summary>Point <paramref name="index"/> as input values: each coordinate through its input's quantile function.</summary>
    public double[] Values(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var values = new double[Inputs.Count];
        UnitPoint(index, values);
        for (int i = 0; i < values.Length; i++) values[i] = Inputs[i].Distribution.ValueAt(values[i]);
        return values;
    }
}

/// <summary>Every combination of each input's levels (midpoints of equal-probability strata, or a discrete input's values).</summary>
public sealed class FullFactorialDesign : Design
{
    private readonly int[] _levels;

    public FullFactorialDesign(IReadOnlyList<UncertainInput> inputs, int levels) : base(inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        _levels = inputs.Select(input => input.Distribution.FactorialLevels(levels)).ToArray();
        Count = _levels.Aggregate(1L, (product, count) => checked(product * count));
    }

    public override long Count { get; }

    // The last input varies fastest, as in a table written out by hand.
    public override void UnitPoint(long index, Span<double> unit)
    {
        for (int i = _levels.Length - 1; i >= 0; i--)
        {
            unit[i] = (index % _levels[i] + 0.5) / _levels[i];
            index /= _levels[i];
        }
    }
}

/// <summary>Independent uniform draws per point and input.</summary>
public sealed class MonteCarloDesign(IReadOnlyList<UncertainInput> inputs, long points, ulong seed) : Design(inputs)
{
    public override long Count { get; } = points;

    public override void UnitPoint(long index, Span<double> unit)
    {
        for (int i = 0; i < unit.Length; i++) unit[i] = DesignRandom.Uniform(seed, DesignStream.MonteCarlo, index, i);
    }
}

/// <summary>
/// Latin hypercube (McKay, Beckman and Conover 1979): each input's range cut into as many equal-probability strata as
/// there are points, one point in each, strata matched across inputs by independent random permutations, then re-paired
/// to approach any rank correlations asked for (<see cref="RankCorrelation"/>).
/// </summary>
public sealed class LatinHypercubeDesign : Design
{
    private readonly int[][] _strata;
    private readonly ulong _seed;

    /// <param name="inputs">The uncertain inputs.</param>
    /// <param name="points">Points, and strata per input.</param>
    /// <param name="seed">Keys the permutations and the position of each point within its stratum.</param>
    /// <param name="correlations">Rank correlations to impose on the inputs (Iman and Conover); none leaves the pairing random.</param>
    public LatinHypercubeDesign(IReadOnlyList<UncertainInput> inputs, int points, ulong seed, IReadOnlyList<InputCorrelation>? correlations = null)
        : base(inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        _seed = seed;
        _strata = new int[inputs.Count][];
        for (int input = 0; input < inputs.Count; input++)
        {
            int[] permutation = Enumerable.Range(0, points).ToArray();
            // Fisher-Yates, each swap drawn from its own counter.
            for (int i = points - 1; i > 0; i--)
            {
                int j = DesignRandom.Below(i + 1, seed, DesignStream.LatinStrata, input, i);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }
            _strata[input] = permutation;
        }
        if (correlations is { Count: > 0 }) RankCorrelation.Impose(_strata, correlations);
        Count = points;
    }

    public override long Count { get; }

    public override void UnitPoint(long index, Span<double> unit)
    {
        for (int i = 0; i < unit.Length; i++)
            unit[i] = (_strata[i][index] + DesignRandom.Uniform(_seed, DesignStream.LatinJitter, index, i)) / Count;
    }
}

/// <summary>The first points of the Sobol' sequence, Owen-scrambled under the seed unless told not to.</summary>
public sealed class SobolDesign(IReadOnlyList<UncertainInput> inputs, long points, ulong seed, bool scramble) : Design(inputs)
{
    private readonly SobolSequence _sequence = new(inputs.Count, scramble ? seed : null);

    public override long Count { get; } = points;

    public override void UnitPoint(long index, Span<double> unit)
    {
        for (int i = 0; i < unit.Length; i++) unit[i] = _sequence.Coordinate(index, i);
    }
}
