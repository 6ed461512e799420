using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

// Records files outlive the program that wrote them. Golden/replicates-vN.msgpack was written once by format version N,
// each holding the same records, and is never regenerated: if this test fails, the reader has broken old results.
public sealed class ReplicateRecordGoldenFileTests
{
    private static readonly string GoldenPath = PathOf(1);

    internal static string PathOf(int formatVersion) =>
        Path.Combine(AppContext.BaseDirectory, "Results", "Golden", $"replicates-v{formatVersion}.msgpack");

    // The records in the golden file, in the order written: scenario, replicate, variant.
    internal static readonly (int Scenario, int Variant, long Replicate, Outcome Outcome, (EventKind Kind, short Month)[] Events)[] Expected =
    [
        (0, 0, 0, Outcome.TransitionToCivilianRule, [(EventKind.TransitionAgreed, 5), (EventKind.CivilianRuleRestored, 30)]),
        (0, 1, 0, Outcome.Entrenched, [(EventKind.RegionalSanctionsImposed, 7), (EventKind.MandateUpdated, 6)]),
        (0, 0, 1, Outcome.CounterCoup, [(EventKind.CounterCoup, 11), (EventKind.MissionAskedToLeave, 9)]),
        (0, 1, 1, Outcome.CounterCoup, [(EventKind.CounterCoup, 0)]),
        (1, 0, 0, Outcome.CivilWar, [(EventKind.CivilWar, 18), (EventKind.HeadOfMissionPersonaNonGrata, 3)]),
        (1, 1, 0, Outcome.Entrenched, []),
        (1, 0, 1, Outcome.Entrenched, [(EventKind.StrategicAssessment, 36)]),
        (1, 1, 1, Outcome.TransitionToCivilianRule, [(EventKind.TransitionAgreed, 1), (EventKind.CivilianRuleRestored, 36)]),
    ];

    [Fact]
    public void Read_VersionOneGoldenFile_ReturnsTheHeaderItWasWrittenWith()
    {
        var header = ReplicateRecordFile.Read(GoldenPath).Header;

        Assert.Equal(1, header.FormatVersion);
        Assert.Equal("golden", header.ExperimentName);
        Assert.Equal(["mali-2021", "sudan-2021"], header.ScenarioNames);
        Assert.Equal(["baseline", "pragmatic"], header.VariantNames);
        Assert.Equal(["TransitionToCivilianRule", "Entrenched", "CounterCoup", "CivilWar"], header.OutcomeNames);
        Assert.Equal(17, header.EventNames.Count);
        Assert.Equal("StrategicAssessment", header.EventNames[^1]);
        Assert.Equal(36, header.Horizon);
        Assert.Equal(20250314UL, header.Seed);
        Assert.Equal(2, header.Replicates);
        Assert.Empty(header.RecordFields);
    }

    [Fact]
    public void Read_LaterGoldenFiles_ReturnTheHeaderTheyWereWrittenWith()
    {
        foreach (int version in new[] { 2, 3 })
        {
            var header = ReplicateRecordFile.Read(PathOf(version)).Header;

            Assert.Equal(version, header.FormatVersion);
            Assert.Equal(("golden", 36, 20250314UL, 2L), (header.ExperimentName, header.Horizon, header.Seed, header.Replicates));
            Assert.Equal(["mali-2021", "sudan-2021"], header.ScenarioNames);
            Assert.Equal(["baseline", "pragmatic"], header.VariantNames);
            Assert.Contains("transition to civilian rule", header.OutcomeNames);
            Assert.Equal(27, header.EventNames.Count);
            Assert.Equal(["scenario", "variant", "replicate", "outcome", "event_months"], header.RecordFields);
            Assert.Equal((0L, 8L), (header.FirstReplicate, header.RecordCount));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_GoldenFile_ReturnsTheRecordsItWasWrittenWith(int version)
    {
        var records = ReplicateRecordFile.Read(PathOf(version)).Records.ToList();

        Assert.Equal(Expected.Length, records.Count);
        for (int i = 0; i < Expected.Length; i++)
        {
            var (scenario, variant, replicate, outcome, events) = Expected[i];
            var record = records[i];
            Assert.Equal((scenario, variant, replicate, outcome),
                (record.ScenarioIndex, record.VariantIndex, record.Replicate, record.Outcome));
            foreach (var kind in SimulationVocabulary.Events)
            {
                int? expected = events.Where(e => e.Kind == kind).Select(e => (int?)e.Month).SingleOrDefault();
                Assert.Equal(expected, record.MonthOf(kind));
            }
        }
    }
}
