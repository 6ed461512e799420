using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Tests.Kernel;

/// <summary>
/// The kernel against the reference over randomly drawn experiments: every behavioural parameter, scenario condition
/// and lever drawn within its [AllowedRange] (or among its values), with random seeds, first replicates, block
/// lengths and horizons (up to the longest allowed, with replicate indices past 2^32 and three variants). Where the reference stops on a NaN probability the kernel must stop too.
/// </summary>
public sealed class KernelPropertyTests
{
    // Steps across an allowed range: fine enough to reach values no shipped file uses, and its ends exactly.
    private const int Steps = 1 << 20;

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    public Property Kernel_RandomSettingsWithinAllowedRanges_SameHistoriesAsReference() =>
        Prop.ForAll(Arb.From(Experiments), experiment =>
        {
            Exception? referenceFailure = null;
            try
            {
                for (long r = 0; r < experiment.Replicates; r++)
                    for (int v = 0; v < experiment.Variants.Count; v++)
                        EngineComparison.ReferenceHistory(experiment, 0, v, experiment.FirstReplicate + r);
            }
            catch (ArgumentOutOfRangeException failure)
            {
                referenceFailure = failure;
            }
            if (referenceFailure is not null)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() =>
                    EngineComparison.KernelHistories(experiment, 0, experiment.FirstReplicate, (int)experiment.Replicates));
                return;
            }
            EngineComparison.AssertAgree(experiment, 0, experiment.FirstReplicate,
                EngineComparison.KernelHistories(experiment, 0, experiment.FirstReplicate, (int)experiment.Replicates));
        });

    private static readonly Gen<Experiment> Experiments =
        from parameters in Settings<BehaviouralParameters>()
        from scenario in Settings<ScenarioConditions>()
        from baseline in Settings<PolicyVariant>()
        from variant in Settings<PolicyVariant>()
        from another in Settings<PolicyVariant>()
        from replicates in Gen.Choose(1, 41)
        // Replicate indices beyond 2^32, so that the high word of Philox's counter reaches the model too.
        from firstLow in Gen.Choose(0, 1 << 30)
        from firstHigh in Gen.Choose(0, 1 << 10)
        from seed in Gen.Choose(0, int.MaxValue)
        // Mostly the horizons experiments use; now and then one up to the longest a file may ask for.
        from horizon in Gen.Frequency((3, Gen.Choose(1, 72)), (1, Gen.Choose(73, Experiment.MaxHorizon)))
        select new Experiment
        {
            Scenarios = [scenario],
            Variants = [baseline, variant with { Name = "variant" }, another with { Name = "another" }],
            Parameters = parameters,
            Replicates = replicates,
            FirstReplicate = ((long)firstHigh << 30) | (uint)firstLow,
            Seed = (ulong)seed * 2654435761UL,
            Horizon = horizon,
        };

    /// <summary>A record of type <typeparamref name="T"/> with every setting drawn: its defaults replaced property by property.</summary>
    private static Gen<T> Settings<T>() where T : new()
    {
        var settings = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && property.PropertyType != typeof(string))
            .ToArray();
        return Gen.CollectToArray(settings, ValueOf).Select(values =>
        {
            var drawn = new T();
            for (int i = 0; i < settings.Length; i++) settings[i].SetValue(drawn, values[i]);
            return drawn;
        });
    }

    private static Gen<object?> ValueOf(PropertyInfo property)
    {
        var range = property.GetCustomAttribute<AllowedRangeAttribute>();
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        // Each end of a range a tenth of the time each, where a grid of 2^20 steps would reach it once in a million:
        // several ends take branches of their own (no early restraint, a zero exponent, a certain event). A whole
        // number, a month most of them, falls within the first 72 most of the time, so that a lever's month comes
        // within the horizon.
        Gen<object?> value =
            type == typeof(double) ? Gen.Frequency(
                (1, Gen.Constant<object?>(range!.Minimum)), (1, Gen.Constant<object?>(range.Maximum)),
                (8, Gen.Choose(0, Steps).Select(step => (object?)(range.Minimum + (range.Maximum - range.Minimum) * step / Steps))))
            : type == typeof(int) ? Gen.Frequency(
                (1, Gen.Constant<object?>((int)range!.Minimum)), (1, Gen.Constant<object?>((int)range.Maximum)),
                (6, Gen.Choose((int)range.Minimum, (int)Math.Min(range.Maximum, Math.Max(range.Minimum, 72))).Select(n => (object?)n)),
                (2, Gen.Choose((int)range.Minimum, (int)range.Maximum).Select(n => (object?)n)))
            : type == typeof(bool) ? Gen.Elements(true, false).Select(b => (object?)b)
            : type == typeof(MandateTasks) ? Gen.Choose(0, 127).Select(tasks => (object?)(MandateTasks)tasks)
            : type.IsEnum ? Gen.Elements(Enum.GetValues(type).Cast<object?>().ToArray())
            : throw new NotSupportedException($"No generator for {property.Name} ({property.PropertyType}).");
        return property.PropertyType == type ? value : Gen.Frequency((1, Gen.Constant<object?>(null)), (3, value));
    }
}
