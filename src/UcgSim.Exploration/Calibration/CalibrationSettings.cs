using UcgSim.Core.Parameters;

namespace UcgSim.Exploration.Calibration;

/// <summary>
/// What a calibration file sets beside its experiment and priors: the ABC-SMC run (see <see cref="AbcSmc"/>), the
/// replicates each evaluation simulates per case, and the weight of each kind of target in the distance.
/// </summary>
public sealed record CalibrationSettings
{
    public string Name { get; init; } = "calibration";

    [AllowedRange(2, 100_000)]
    public int Particles { get; init; } = 200;

    [AllowedRange(1, 100)]
    public int MaxGenerations { get; init; } = 8;

    [AllowedRange(0.05, 0.95)]
    public double ToleranceQuantile { get; init; } = 0.5;

    [AllowedRange(0.0001, 1)]
    public double MinimumAcceptance { get; init; } = 0.01;

    /// <summary>Replicates per case in one evaluation of a particle: the Monte Carlo error of its distance.</summary>
    [AllowedRange(1, 1_000_000)]
    public long Replicates { get; init; } = 1000;

    public ulong Seed { get; init; } = 20251126;

    /// <summary>Weight of each observed fact of a case history in the distance.</summary>
    [AllowedRange(0, 100)]
    public double FactWeight { get; init; } = 1;

    /// <summary>Weight of each base rate from the coup datasets in the distance.</summary>
    [AllowedRange(0, 100)]
    public double BaseRateWeight { get; init; } = 1;

    public AbcSettings Abc => new(Particles, MaxGenerations, ToleranceQuantile, MinimumAcceptance, Seed);
}
