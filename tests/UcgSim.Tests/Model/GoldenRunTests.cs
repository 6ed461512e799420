using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Model;

/// <summary>
/// The model's results no longer depend on the machine: its draws are counter-based and its elementary functions
/// its own (Core/Numerics). Golden/default-experiment-200.csv holds 200 replicates of the default experiment, every
/// outcome, every event month and a digest of every trajectory's bits, and this test reproduces it exactly.
/// </summary>
/// <remarks>
/// A failure means the model's behaviour changed. Regenerate the file (the failure message says where the actual
/// results were written) only when the change is intended and explained in the commit that regenerates it.
/// </remarks>
public sealed class GoldenRunTests
{
    private const long Replicates = 200;

    private static readonly string GoldenPath =
        Path.Combine(RepositoryPaths.Root, "tests", "UcgSim.Tests", "Model", "Golden", "default-experiment-200.csv");

    [Fact]
    public void ReferenceModel_DefaultExperiment_ReproducesTheGoldenFileExactly()
    {
        var experiment = DefaultExperiment();
        AssertMatchesGolden(ReferenceHistories(experiment), experiment);
    }

    internal static Experiment DefaultExperiment() =>
        ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment with { Replicates = Replicates };

    internal static IEnumerable<(int Scenario, int Variant, long Replicate, ReplicateHistory History)> ReferenceHistories(Experiment experiment)
    {
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (long r = experiment.FirstReplicate; r < experiment.FirstReplicate + experiment.Replicates; r++)
                for (int v = 0; v < experiment.Variants.Count; v++)
                    yield return (s, v, r, CountryAfterUcg.Simulate(experiment.Scenarios[s], experiment.Variants[v],
                        experiment.Parameters, new ReplicateRandom(experiment.Seed, r), experiment.Horizon));
    }

    internal static void AssertMatchesGolden(
        IEnumerable<(int Scenario, int Variant, long Replicate, ReplicateHistory History)> histories, Experiment experiment)
    {
        string actual = Format(histories);
        string expected = File.Exists(GoldenPath) ? File.ReadAllText(GoldenPath).ReplaceLineEndings("\n") : "";
        if (actual == expected) return;
        string written = Path.Combine(AppContext.BaseDirectory, Path.GetFileName(GoldenPath));
        File.WriteAllText(written, actual);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        int first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"""
            {experiment.Name} differs from {GoldenPath} from line {first + 1}:
              expected: {(first < expectedLines.Length ? expectedLines[first] : "(end of file)")}
              actual:   {(first < actualLines.Length ? actualLines[first] : "(end of file)")}
            The actual results are in {written}; copy them over the golden file only for an intended, explained change.
            """);
    }

    // One line per replicate history: its keys, outcome and event months, then each trajectory as the first 64 bits of
    // the SHA-256 of its values' bits, so that a change in the last bit of any value shows.
    private static string Format(IEnumerable<(int Scenario, int Variant, long Replicate, ReplicateHistory History)> histories)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', ["scenario", "variant", "replicate", "outcome",
            .. SimulationVocabulary.Events.Select(e => e.ToString()), .. SimulationVocabulary.Measures.Select(m => m.ToString())]);
        text.Append('\n');
        foreach (var (scenario, variant, replicate, history) in histories)
        {
            text.Append(CultureInfo.InvariantCulture, $"{scenario},{variant},{replicate},{history.Outcome}");
            foreach (short month in history.EventMonths) text.Append(CultureInfo.InvariantCulture, $",{month}");
            foreach (var measure in SimulationVocabulary.Measures)
            {
                var path = history.Trajectory(measure);
                var bytes = new byte[path.Length * sizeof(double)];
                for (int month = 0; month < path.Length; month++)
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(month * sizeof(double)), BitConverter.DoubleToInt64Bits(path[month]));
                text.Append(',').Append(Convert.ToHexString(SHA256.HashData(bytes), 0, 8));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
