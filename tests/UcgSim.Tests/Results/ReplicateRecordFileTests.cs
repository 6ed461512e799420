using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class ReplicateRecordFileTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Read_AfterWritingARun_ReturnsTheSameRecordsInOrder()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 2, variants: 3, replicates: 300, horizon: 24);
        string path = Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName);
        var collected = new CollectingSink();
        using (var file = new ReplicateRecordFile(path, experiment))
            ExperimentRunner.Run(experiment, threads: 2, sink: new TeeSink(file, collected));

        var read = ReplicateRecordFile.Read(path);

        Assert.Equal(2 * 3 * 300, collected.Records.Count);
        Assert.Equal(collected.Records.Select(Describe), read.Records.Select(Describe));
    }

    [Fact]
    public void Read_AfterWriting_ReturnsTheHeaderOfTheExperiment()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 2, variants: 2) with { Seed = 99 };
        string path = Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName);
        using (new ReplicateRecordFile(path, experiment)) { }

        var header = ReplicateRecordFile.Read(path).Header;

        Assert.Equal(ReplicateRecordFile.FormatVersion, header.FormatVersion);
        Assert.Equal("synthetic", header.ExperimentName);
        Assert.Equal(["scenario-1", "scenario-2"], header.ScenarioNames);
        Assert.Equal(["baseline", "variant-1"], header.VariantNames);
        // The words of summary.csv and the figures, so that one vocabulary runs through every file of a run.
        Assert.Equal(SimulationVocabulary.Events.Select(SimulationVocabulary.Describe), header.EventNames);
        Assert.Equal(SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe), header.OutcomeNames);
        Assert.Contains("transition to civilian rule", header.OutcomeNames);
        Assert.Equal(["scenario", "variant", "replicate", "outcome", "event_months"], header.RecordFields);
        Assert.Equal(36, header.Horizon);
        Assert.Equal(99UL, header.Seed);
        Assert.Equal(400, header.Replicates);
    }

    [Fact]
    public void Read_FileCutShortInsideARecord_ReturnsTheCompleteRecordsBeforeIt()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1);
        string path = Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName);
        var block = new RecordBlock(variants: 1, capacity: 2);
        block.Begin(scenarioIndex: 0, firstReplicate: 0, replicates: 2);
        block.Set(0, Outcome.Entrenched, NoEvents());
        block.Set(1, Outcome.CivilWar, NoEvents());
        using (var file = new ReplicateRecordFile(path, experiment))
            file.Prepare(block)();
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length - 3);

        var records = ReplicateRecordFile.Read(path).Records.ToList();

        Assert.Equal(0, Assert.Single(records).Replicate);
    }

    [Fact]
    public void Constructor_FileAlreadyThere_ThrowsRatherThanOverwrite()
    {
        string path = Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName);
        File.WriteAllText(path, "an earlier run");

        Assert.Throws<IOException>(() => new ReplicateRecordFile(path, SyntheticSummary.Experiment(1, 1)));
        Assert.Equal("an earlier run", File.ReadAllText(path));
    }

    internal static string Describe(ReplicateRecord record) =>
        $"{record.ScenarioIndex}/{record.VariantIndex}/{record.Replicate}/{record.Outcome}/{string.Join(',', record.EventMonths)}";

    private static short[] NoEvents()
    {
        var months = new short[SimulationVocabulary.Events.Length];
        Array.Fill(months, ReplicateRecord.NotObserved);
        return months;
    }

    private sealed class CollectingSink : IReplicateRecordSink
    {
        public List<ReplicateRecord> Records { get; } = [];

        public Action Prepare(RecordBlock block)
        {
            var records = block.ToRecords();
            return () => Records.AddRange(records);
        }
    }

    private sealed class TeeSink(params IReplicateRecordSink[] sinks) : IReplicateRecordSink
    {
        public Action Prepare(RecordBlock block)
        {
            var writes = sinks.Select(sink => sink.Prepare(block)).ToList();
            return () => writes.ForEach(write => write());
        }
    }
}
