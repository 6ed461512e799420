using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Designs;

/// <summary>
/// Saltelli's scheme for first- and total-order Sobol' indices (Saltelli et al. 2010, Computer Physics Communications
/// 181:259): two independent matrices A and B of <see cref="BasePoints"/> rows, here the two halves of one 2k-dimensional
/// Sobol' sequence, and for each input i the matrix AB_i, A with column i taken from B. Points are laid out base row by
/// base row: A, AB_1 ... AB_k, B, so that k + 2 consecutive points belong to one row and a bootstrap resamples rows.
/// </summary>
public sealed class SaltelliDesign : Design
{
    private readonly SobolSequence _sequence;

    public SaltelliDesign(IReadOnlyList<UncertainInput> inputs, long basePoints, ulong seed, bool scramble) : base(inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basePoints, 2);
        if (2 * inputs.Count > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Saltelli's scheme here takes at most {SobolSequence.MaxDimensions / 2} inputs.");
        _sequence = new SobolSequence(2 * inputs.Count, scramble ? seed : null);
        BasePoints = basePoints;
        Count = checked(basePoints * PointsPerRow);
    }

    /// <summary>Rows of A (and of B).</summary>
    public long BasePoints { get; }

    /// <summary>Points per base row: A, the k AB_i, B.</summary>
    public int PointsPerRow => Inputs.Count + 2;

    public override long Count { get; }

    public override void UnitPoint(long index, Span<double> unit)
    {
        long row = index / PointsPerRow;
        int within = (int)(index % PointsPerRow);
        int k = Inputs.Count;
        // Plain Sobol' starts at the origin, a corner every quantile function maps to its lowest value; skip it.
        long sobolIndex = row + 1;
        for (int i = 0; i < k; i++)
        {
            bool fromB = within == k + 1 || within == i + 1;
            unit[i] = _sequence.Coordinate(sobolIndex, fromB ? k + i : i);
        }
    }
}
