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
        {
            ExperimentRunner.Run(experiment, threads: 2, sink: new TeeSink(file, collected));
            file.Complete();
        }

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
    public void Read_FileCutShortInsideARecord_NamesTheRecordAndItsByte()
    {
        string path = WriteTwoRecords(complete: false);
        long secondRecord = new FileInfo(path).Length - RecordBytes;
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length - 3);

        var read = ReplicateRecordFile.Read(path).Records.GetEnumerator();
        Assert.True(read.MoveNext());
        var damage = Assert.Throws<DamagedRecordsException>(() => read.MoveNext());

        Assert.Equal((2L, secondRecord), (damage.Record, damage.ByteOffset));
        Assert.Contains($"record 2 of 2, at byte {secondRecord:N0}, runs past the end of the file", damage.Message);
    }

    [Fact]
    public void Read_CompletedFile_ReturnsEveryRecord_AndAFileWithoutItsFooterIsReportedAsStoppedEarly()
    {
        Assert.Equal(2, ReplicateRecordFile.Read(WriteTwoRecords(complete: true)).Records.Count());

        string stopped = WriteTwoRecords(complete: false);
        var damage = Assert.Throws<DamagedRecordsException>(() => ReplicateRecordFile.Read(stopped).Records.Count());
        Assert.Contains("after all 2 of its records but with no footer", damage.Message);
        Assert.Equal(new FileInfo(stopped).Length, damage.ByteOffset);
    }

    [Fact]
    public void Complete_FewerRecordsThanTheHeaderAnnounces_Throws()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1, replicates: 3);
        using var file = new ReplicateRecordFile(Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName), experiment);

        Assert.Throws<InvalidOperationException>(file.Complete);
    }

    [Fact]
    public void Reopen_AtACheckpoint_DropsWhatFollowedIt_AndFinishesTheSameBytesAsAnUninterruptedWrite()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1, replicates: 2);
        string whole = WriteTwoRecords(complete: true);
        string resumed = Path.Combine(_scratch.Path, "resumed.msgpack");
        RecordsCheckpoint checkpoint;
        using (var file = new ReplicateRecordFile(resumed, experiment))
        {
            file.Prepare(Block(0, Outcome.Entrenched))();
            checkpoint = file.Checkpoint;
            // Written after the checkpoint, as by a run killed before its next one.
            file.Prepare(Block(1, Outcome.CounterCoup))();
        }

        using (var file = ReplicateRecordFile.Reopen(resumed, experiment, checkpoint))
        {
            file.Prepare(Block(1, Outcome.CivilWar))();
            file.Complete();
        }

        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(resumed));
    }

    [Fact]
    public void Reopen_BytesChangedSinceTheCheckpoint_RefusesToGoOn()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1, replicates: 2);
        string path = WriteTwoRecords(complete: false);
        RecordsCheckpoint checkpoint;
        using (var file = new ReplicateRecordFile(Path.Combine(_scratch.Path, "twin.msgpack"), experiment))
        {
            file.Prepare(Block(0, Outcome.Entrenched))();
            checkpoint = file.Checkpoint;
        }
        byte[] bytes = File.ReadAllBytes(path);
        bytes[checkpoint.Bytes - 1] ^= 1;
        File.WriteAllBytes(path, bytes);

        var refusal = Assert.Throws<DamagedRecordsException>(() => ReplicateRecordFile.Reopen(path, experiment, checkpoint).Dispose());

        Assert.Contains("are not those written before the last checkpoint", refusal.Message);
    }

    // A records file of one scenario and variant, replicates 0 (entrenched) and 1 (civil war).
    private string WriteTwoRecords(bool complete)
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1, replicates: 2);
        string path = Path.Combine(_scratch.Path, $"two-{Guid.NewGuid():N}.msgpack");
        using var file = new ReplicateRecordFile(path, experiment);
        file.Prepare(Block(0, Outcome.Entrenched))();
        file.Prepare(Block(1, Outcome.CivilWar))();
        if (complete) file.Complete();
        return path;
    }

    // Replicate 0 or 1 with no events: array header, four one-byte fields, the months array header (3 bytes) and 27 months of one byte.
    private const int RecordBytes = 35;

    private static RecordBlock Block(long replicate, Outcome outcome)
    {
        var block = new RecordBlock(variants: 1, capacity: 1);
        block.Begin(scenarioIndex: 0, firstReplicate: replicate, replicates: 1);
        block.Set(0, outcome, NoEvents());
        return block;
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
