namespace UcgSim.Core.Parameters;

/// <summary>Global behavioural parameters (work in progress: the full set lands with the model).</summary>
public sealed record BehaviouralParameters
{
    [AllowedRange(0, 1)]
    [Evidence("Powell & Thyne recurrence after 1990")]
    public double CounterCoupMonthlyBase { get; init; } = 0.003;
}
