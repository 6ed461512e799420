namespace UcgSim.Core.Parameters;

/// <summary>
/// The closed interval a numeric setting may take. The configuration reader enforces it and quotes it
/// in its error messages, so the range lives in one place, next to the setting it constrains.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowedRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;
    public double Maximum { get; } = maximum;
}

/// <summary>
/// Where a behavioural parameter's default comes from: the passage of the IPI report (Trithart and
/// Tadesse, March 2025) or the dataset that supports it. Printed by <c>ucgsim parameters</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EvidenceAttribute(string source) : Attribute
{
    public string Source { get; } = source;
}
