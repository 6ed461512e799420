using UcgSim.Core.Parameters;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Designs;

/// <summary>The kinds of design an experiment file can ask for.</summary>
public enum DesignKind
{
    FullFactorial,
    LatinHypercube,
    MonteCarlo,
    Sobol,
    /// <summary>Saltelli's scheme, for Sobol' indices.</summary>
    Saltelli,
    /// <summary>Morris trajectories, for elementary effects.</summary>
    Morris,
}

/// <summary>
/// What an experiment's <c>design:</c> section asks for. <see cref="Points"/> is the number of points for Latin hypercube,
/// Monte Carlo and Sobol' designs, the base points N for Saltelli's scheme (N (k + 2) points in all) and the number of
/// trajectories for Morris's (k + 1 points each); a full factorial crosses <see cref="Levels"/> levels of every continuous
/// input with every value of every discrete one.
/// </summary>
public sealed record DesignSettings
{
    public DesignKind Kind { get; init; } = DesignKind.LatinHypercube;

    [AllowedRange(1, 1_000_000_000)]
    public long Points { get; init; } = 100;

    [AllowedRange(2, 100)]
    public int Levels { get; init; } = 4;

    /// <summary>Whether Sobol' and Saltelli designs are Owen-scrambled (see <see cref="SobolSequence"/>).</summary>
    public bool Scramble { get; init; } = true;

    /// <summary>Keys the design's own draws (Latin strata, scrambling, trajectories); none for the experiment's seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The most points a full factorial may cross to: more would not finish.</summary>
    public const double MaxFactorialPoints = 1_000_000_000;

    /// <summary>What stops this design being built for <paramref name="uncertainInputs"/>, said as the fix; null if nothing.</summary>
    public string? Problem(IReadOnlyList<UncertainInput> uncertainInputs)
    {
        int inputs = uncertainInputs.Count;
        double factorialPoints = uncertainInputs.Aggregate(1.0, (product, input) => product * input.Distribution.FactorialLevels(Levels));
        return Kind switch
        {
            DesignKind.FullFactorial when factorialPoints > MaxFactorialPoints =>
                $"a full factorial of {inputs} inputs at {Levels} levels has {factorialPoints:N0} points, more than {MaxFactorialPoints:N0}; use fewer levels or a sampling design (latinHypercube, sobol).",
            DesignKind.Morris when Levels % 2 != 0 => $"a Morris design needs an even number of levels (such as 4), not {Levels}.",
            DesignKind.Morris when Points > int.MaxValue => $"a Morris design takes at most {int.MaxValue:N0} trajectories.",
            DesignKind.LatinHypercube when Points > 10_000_000 =>
                "a Latin hypercube holds a permutation of its points per input in memory, so it takes at most 10,000,000 points; use a Sobol' or Monte Carlo design for more.",
            DesignKind.Saltelli when 2 * inputs > SobolSequence.MaxDimensions =>
                $"Saltelli's scheme draws 2 coordinates per input from a Sobol' sequence of at most {SobolSequence.MaxDimensions} dimensions, so it takes at most {SobolSequence.MaxDimensions / 2} uncertain inputs, not {inputs}.",
            DesignKind.Saltelli when Points < 2 => "Saltelli's scheme needs at least 2 base points.",
            DesignKind.Sobol when inputs > SobolSequence.MaxDimensions =>
                $"a Sobol' design takes at most {SobolSequence.MaxDimensions} uncertain inputs, not {inputs}.",
            DesignKind.Sobol or DesignKind.Saltelli when Points > uint.MaxValue - 1 => $"a Sobol' sequence has at most {uint.MaxValue - 1:N0} points here.",
            _ => null,
        };
    }

    /// <summary>The design for <paramref name="inputs"/>, its draws keyed by <see cref="Seed"/> or else <paramref name="experimentSeed"/>.</summary>
    /// <param name="inputs">The uncertain inputs.</param>
    /// <param name="experimentSeed">The experiment's seed, used when the design has none of its own.</param>
    /// <param name="correlations">Rank correlations between inputs; only a Latin hypercube takes them.</param>
    public Design Create(IReadOnlyList<UncertainInput> inputs, ulong experimentSeed, IReadOnlyList<InputCorrelation>? correlations = null)
    {
        if (correlations is { Count: > 0 } && Kind != DesignKind.LatinHypercube)
            throw new ArgumentException("Only a Latin hypercube design takes correlations.", nameof(correlations));
        if (Problem(inputs) is { } problem) throw new ArgumentException(problem, nameof(inputs));
        ulong seed = Seed ?? experimentSeed;
        return Kind switch
        {
            DesignKind.FullFactorial => new FullFactorialDesign(inputs, Levels),
            DesignKind.LatinHypercube => new LatinHypercubeDesign(inputs, (int)Points, seed, correlations),
            DesignKind.MonteCarlo => new MonteCarloDesign(inputs, Points, seed),
            DesignKind.Sobol => new SobolDesign(inputs, Points, seed, Scramble),
            DesignKind.Saltelli => new SaltelliDesign(inputs, Points, seed, Scramble),
            _ => new MorrisDesign(inputs, (int)Points, Levels, seed),
        };
    }
}
