using MathNet.Numerics.Distributions;

namespace UcgSim.Exploration.Uncertainties;

/// <summary>
/// What is believed about one uncertain input: a distribution given by its quantile function, so that any design
/// (which places points in the unit hypercube) turns into values by one call per coordinate.
/// </summary>
public abstract record Uncertainty
{
    /// <summary>The value at cumulative probability <paramref name="u"/> in [0, 1].</summary>
    public abstract double ValueAt(double u);

    /// <summary>The least and greatest values the input can take (a prior's support, for calibration).</summary>
    public abstract (double Lower, double Upper) Support { get; }

    /// <summary>
    /// How many values a full factorial design crosses for this input when <paramref name="levels"/> are asked for: a
    /// discrete input's own list, else the midpoints of that many equal-probability strata.
    /// </summary>
    public virtual int FactorialLevels(int levels) => levels;
}

/// <summary>Every value between <paramref name="Lower"/> and <paramref name="Upper"/> equally likely.</summary>
public sealed record UniformUncertainty(double Lower, double Upper) : Uncertainty
{
    public override double ValueAt(double u) => Lower + u * (Upper - Lower);

    public override (double Lower, double Upper) Support => (Lower, Upper);
}

/// <summary>Triangular between <paramref name="Lower"/> and <paramref name="Upper"/>, most likely at <paramref name="Mode"/>.</summary>
public sealed record TriangularUncertainty(double Lower, double Mode, double Upper) : Uncertainty
{
    public override double ValueAt(double u) => Lower == Upper ? Lower : Triangular.InvCDF(Lower, Upper, Mode, u);

    public override (double Lower, double Upper) Support => (Lower, Upper);
}

/// <summary>
/// A normal distribution truncated to [<paramref name="Lower"/>, <paramref name="Upper"/>] (the allowed range where the
/// file gives no bounds), by inverting its distribution function over the kept mass.
/// </summary>
public sealed record TruncatedNormalUncertainty(double Mean, double StandardDeviation, double Lower, double Upper) : Uncertainty
{
    public override double ValueAt(double u)
    {
        // The ends of the kept mass are the bounds themselves, not the rounding of a quantile near them.
        if (u <= 0) return Lower;
        if (u >= 1) return Upper;
        double below = StandardNormal.Cdf((Lower - Mean) / StandardDeviation);
        double above = StandardNormal.Cdf((Upper - Mean) / StandardDeviation);
        double value = Mean + StandardDeviation * StandardNormal.Quantile(below + u * (above - below));
        // InvCDF of exactly 0 or 1 is infinite, and rounding can step just outside the bounds.
        return double.IsNaN(value) ? Mean : Math.Clamp(value, Lower, Upper);
    }

    public override (double Lower, double Upper) Support => (Lower, Upper);
}

/// <summary>One of a list of values, each equally likely (a whole number, a yes-or-no, or a choice by its index).</summary>
public sealed record DiscreteUncertainty(IReadOnlyList<double> Values) : Uncertainty
{
    public override double ValueAt(double u) => Values[Math.Min((int)(u * Values.Count), Values.Count - 1)];

    public override (double Lower, double Upper) Support => (Values.Min(), Values.Max());

    public override int FactorialLevels(int levels) => Values.Count;

    public bool Equals(DiscreteUncertainty? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(0, HashCode.Combine);
}

/// <summary>One uncertain input of an experiment: a behavioural parameter or a scenario condition, by its file key.</summary>
public sealed record UncertainInput(string Name, Uncertainty Distribution);
