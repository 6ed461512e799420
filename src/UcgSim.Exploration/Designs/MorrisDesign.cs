using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Designs;

/// <summary>
/// Morris's elementary-effects trajectories (Morris 1991, Technometrics 33:161): each of <see cref="Trajectories"/>
/// trajectories starts at a random point of a grid of <see cref="Levels"/> levels per input and moves one input at a time,
/// in random order, by <see cref="Delta"/> = levels / (2 (levels - 1)), up where it can and down otherwise, k + 1 points
/// in all. Point t (k + 1) + j is trajectory t after j steps.
/// </summary>
public sealed class MorrisDesign : Design
{
    private readonly ulong _seed;

    public MorrisDesign(IReadOnlyList<UncertainInput> inputs, int trajectories, int levels, ulong seed) : base(inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), "Morris's grid needs an even number of levels.");
        Trajectories = trajectories;
        Levels = levels;
        _seed = seed;
        Count = (long)trajectories * PointsPerTrajectory;
    }

    public int Trajectories { get; }

    public int Levels { get; }

    /// <summary>The step, in the unit cube.</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    public int PointsPerTrajectory => Inputs.Count + 1;

    public override long Count { get; }

    public override void UnitPoint(long index, Span<double> unit)
    {
        int trajectory = (int)(index / PointsPerTrajectory);
        int steps = (int)(index % PointsPerTrajectory);
        Start(trajectory, unit);
        int[] order = Order(trajectory);
        for (int step = 0; step < steps; step++)
        {
            int input = order[step];
            unit[input] = Moved(unit[input]);
        }
    }

    /// <summary>The input trajectory <paramref name="trajectory"/> moves at its step <paramref name="step"/> (0-based), and whether it moves up.</summary>
    public (int Input, bool Up) Step(int trajectory, int step)
    {
        int input = Order(trajectory)[step];
        double from = StartLevel(trajectory, input);
        return (input, Moved(from) > from);
    }

    private double Moved(double from) => from + Delta <= 1 + 1e-12 ? from + Delta : from - Delta;

    private void Start(int trajectory, Span<double> unit)
    {
        for (int i = 0; i < unit.Length; i++) unit[i] = StartLevel(trajectory, i);
    }

    private double StartLevel(int trajectory, int input) =>
        (double)DesignRandom.Below(Levels, _seed, DesignStream.MorrisStart, trajectory, input) / (Levels - 1);

    private int[] Order(int trajectory)
    {
        int[] order = Enumerable.Range(0, Inputs.Count).ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = DesignRandom.Below(i + 1, _seed, DesignStream.MorrisOrder, trajectory, i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
