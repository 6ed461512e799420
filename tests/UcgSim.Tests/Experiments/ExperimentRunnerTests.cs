using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Experiments;

public sealed class ExperimentRunnerTests
{
    internal sealed class CollectingSink : IReplicateRecordSink
    {
        public List<ReplicateRecord> Records { get; } = [];

        public Action Prepare(RecordBlock block)
        {
            var records = block.ToRecords();
            return () => Records.AddRange(records);
        }
    }

    private static Experiment SmallExperiment(long replicates = 1500, long first = 0) => new()
    {
        Scenarios = [ModelProbe.Generic, ModelProbe.Generic with { Name = "rivals", FactionRivalry = 0.7 }],
        Variants = [new PolicyVariant(), new PolicyVariant { Name = "pragmatic", MissionPosture = MissionPosture.Pragmatic }],
        Replicates = replicates,
        FirstReplicate = first,
        Seed = 99,
        Horizon = 48,
    };

    private static string Fingerprint(IEnumerable<ReplicateRecord> records) => string.Join(";", records.Select(r =>
        $"{r.ScenarioIndex},{r.VariantIndex},{r.Replicate},{r.Outcome},{string.Join(",", r.EventMonths)}"));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Run_AnyThreadCount_SameRecordsAndTotals(int threads)
    {
        var single = new CollectingSink();
        var several = new CollectingSink();
        var one = ExperimentRunner.Run(SmallExperiment(), 1, single);
        var many = ExperimentRunner.Run(SmallExperiment(), threads, several);

        Assert.Equal(Fingerprint(single.Records), Fingerprint(several.Records));
        for (int s = 0; s < 2; s++)
            for (int v = 0; v < 2; v++)
            {
                Assert.Equal(one.Tally(s, v).OutcomeCounts, many.Tally(s, v).OutcomeCounts);
                Assert.Equal(one.Tally(s, v).EventMonthCounts, many.Tally(s, v).EventMonthCounts);
                Assert.Equal(one.QuantilePath(s, v, TrajectoryMeasure.PopularSupport, 0.9),
                    many.QuantilePath(s, v, TrajectoryMeasure.PopularSupport, 0.9));
            }
    }

    [Fact]
    public void Run_SplitIntoReplicateRanges_SameRecordsAsOneRun()
    {
        var whole = new CollectingSink();
        ExperimentRunner.Run(SmallExperiment(1000), 2, whole);
        var firstHalf = new CollectingSink();
        var secondHalf = new CollectingSink();
        ExperimentRunner.Run(SmallExperiment(300, 0), 2, firstHalf);
        ExperimentRunner.Run(SmallExperiment(700, 300), 1, secondHalf);

        var wholeByKey = whole.Records.ToDictionary(r => (r.ScenarioIndex, r.VariantIndex, r.Replicate));
        var parts = firstHalf.Records.Concat(secondHalf.Records).ToList();
        Assert.Equal(whole.Records.Count, parts.Count);
        foreach (var record in parts)
        {
            var same = wholeByKey[(record.ScenarioIndex, record.VariantIndex, record.Replicate)];
            Assert.Equal(same.Outcome, record.Outcome);
            Assert.Equal(same.EventMonths, record.EventMonths);
        }
    }

    [Fact]
    public void Run_Records_OrderedByScenarioReplicateVariant()
    {
        var sink = new CollectingSink();
        ExperimentRunner.Run(SmallExperiment(600), 4, sink);
        var keys = sink.Records.Select(r => (r.ScenarioIndex, r.Replicate, r.VariantIndex)).ToList();
        Assert.Equal(keys.Order().ToList(), keys);
        Assert.Equal(2 * 2 * 600, keys.Count);
    }

    [Fact]
    public void Summary_BaselineAgainstItself_PairedDifferenceIsExactlyZero()
    {
        var experiment = SmallExperiment() with { Variants = [new PolicyVariant(), new PolicyVariant { Name = "same" }] };
        var summary = ExperimentRunner.Run(experiment, 2);
        foreach (var outcome in SimulationVocabulary.Outcomes)
        {
            var difference = summary.DifferenceFromBaseline(0, 1, outcome);
            Assert.Equal(0, difference.Estimate);
            Assert.Equal(0, difference.Lower);
            Assert.Equal(0, difference.Upper);
        }
    }

    [Fact]
    public void Summary_SharesAndCurves_Consistent()
    {
        var summary = ExperimentRunner.Run(SmallExperiment(), 2);
        double total = SimulationVocabulary.Outcomes.Sum(o => summary.OutcomeShare(0, 0, o).Estimate);
        Assert.Equal(1, total, 12);
        var curve = summary.CumulativeIncidence(1, 0, EventKind.CivilWar);
        Assert.Equal(summary.EventShare(1, 0, EventKind.CivilWar).Estimate, curve[^1], 12);
        for (int m = 1; m < curve.Length; m++) Assert.True(curve[m] >= curve[m - 1]);
        var share = summary.OutcomeShare(0, 1, Outcome.Entrenched);
        Assert.True(share.Lower <= share.Estimate && share.Estimate <= share.Upper);
    }

    [Fact]
    public void Run_Progress_ReachesTotal()
    {
        var reports = new List<RunProgress>();
        ExperimentRunner.Run(SmallExperiment(700), 2, progress: new SynchronousProgress(reports.Add));
        Assert.Equal(2 * 2 * 700, reports[^1].ReplicatesDone);
        Assert.Equal(reports[^1].ReplicatesTotal, reports[^1].ReplicatesDone);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_EngineFailsInAWorker_RethrowsItsExceptionAndStops(int threads)
    {
        var failing = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.Run(
            SmallExperiment(5000), threads, new CollectingSink(), null, CancellationToken.None,
            _ => new FailingEngine(failAtReplicate: 2560)));
        Assert.Equal("probability", failing.ParamName);
    }

    [Fact]
    public void Run_CancelledMidway_ThrowsAndHasWrittenOnlyWholeBlocksInOrder()
    {
        using var cancellation = new CancellationTokenSource();
        var sink = new CollectingSink();
        var progress = new SynchronousProgress(report =>
        {
            if (report.ReplicatesDone >= 4 * ExperimentRunner.BlockSize * 2) cancellation.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(SmallExperiment(20_000), 2, sink, progress, cancellation.Token));

        int perBlock = ExperimentRunner.BlockSize * 2;
        Assert.InRange(sink.Records.Count, 4 * perBlock, 2 * 20_000 * 2 - perBlock);
        Assert.Equal(0, sink.Records.Count % perBlock);
        var keys = sink.Records.Select(r => (r.ScenarioIndex, r.Replicate, r.VariantIndex)).ToList();
        Assert.Equal(keys.Order().ToList(), keys);
    }

    // Runs blocks through the reference model, but stops on the given replicate as a NaN probability would.
    private sealed class FailingEngine(long failAtReplicate) : IBlockEngine
    {
        public void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records)
        {
            records?.Begin(0, firstReplicate, count);
            if (failAtReplicate >= firstReplicate && failAtReplicate < firstReplicate + count)
                throw new ArgumentOutOfRangeException("probability", "NaN probability for CivilWar in month 7.");
        }
    }

    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
