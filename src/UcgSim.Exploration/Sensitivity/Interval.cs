namespace UcgSim.Exploration.Sensitivity;

/// <summary>An estimate with the bounds of its confidence interval.</summary>
public readonly record struct Estimate(double Value, double Lower, double Upper)
{
    /// <summary>Whether the interval lies wholly above zero.</summary>
    public bool AboveZero => Lower > 0;

    /// <summary>Whether <paramref name="value"/> lies within the interval.</summary>
    public bool Covers(double value) => value >= Lower && value <= Upper;
}
