using System.Globalization;

namespace UcgSim.Tests.Model;

/// <summary>
/// Replicate counts of the model and validation tests, scaled by the environment variable
/// <c>UCGSIM_TEST_REPLICATES_SCALE</c> (a factor in (0, 1]; unset means 1, the counts as written).
/// Only scripts/mutation-test.sh sets it: Stryker reruns the covering tests once per mutant, and at full
/// counts a run over the whole model takes hours on two cores. Every replicate is seeded by its index and
/// the paired effects use common random numbers, so a scaled run is as deterministic as a full one: a
/// mutant that changes nothing still passes, so scaling adds no false kills. It only costs power (a mutant
/// whose effect is smaller than the wider intervals can survive), which makes the mutation score a
/// conservative figure. The factor the script uses, 0.25, is one at which every test still passes on the
/// unmutated model (at 0.1 one does not; two tests of very small effects never scale, see MechanismTests);
/// Stryker stops at once if that stops being true.
/// </summary>
internal static class ReplicateScale
{
    public const string Variable = "UCGSIM_TEST_REPLICATES_SCALE";

    public static double Factor { get; } = Read(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The count to run in place of <paramref name="replicates"/>: never fewer than 100.</summary>
    public static int Of(int replicates) =>
        Factor >= 1 ? replicates : Math.Max(Math.Min(replicates, 100), (int)Math.Round(replicates * Factor));

    internal static double Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return 1;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && factor > 0 && factor <= 1)
            return factor;
        throw new InvalidOperationException($"{Variable}={value}: expected a number in (0, 1]");
    }
}
