using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Experiments;

// The states a run commits are exact: the tallies of the blocks written, no more and no fewer; and a run resumed from
// any of them ends with the totals of a run never stopped, whatever the thread counts before and after.
public sealed class ExperimentRunnerCheckpointTests
{
    // One scenario, so that the first B blocks are the replicates [0, 256 B) and a shorter run can be compared with them.
    private static Experiment OneScenario(long replicates) => new()
    {
        Scenarios = [ModelProbe.Generic],
        Variants = [new PolicyVariant(), new PolicyVariant { Name = "pragmatic", MissionPosture = MissionPosture.Pragmatic }],
        Replicates = replicates,
        Seed = 7,
        Horizon = 12,
    };

    private sealed class Copies : IRunCheckpointSink
    {
        public List<(long Blocks, string Totals)> States { get; } = [];

        public void Commit(RunState state) => States.Add((state.BlocksDone, Totals(state.Summary)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_EveryCommittedState_HoldsExactlyTheTalliesOfTheBlocksWritten(int threads)
    {
        var experiment = OneScenario(12_000);
        var commits = new Copies();

        ExperimentRunner.Run(experiment, threads, checkpoints: commits);

        Assert.True(commits.States.Count >= 3, $"{commits.States.Count} commits");
        Assert.Equal(RunState.TotalBlocks(experiment), commits.States[^1].Blocks);
        foreach (var (blocks, totals) in commits.States)
        {
            var shorter = experiment with { Replicates = Math.Min(blocks * ExperimentRunner.BlockSize, experiment.Replicates) };
            Assert.Equal(Totals(ExperimentRunner.Run(shorter, 1)), totals);
        }
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 1)]
    public void Run_ResumedFromEachCommittedState_EndsWithTheTotalsOfARunNeverStopped(int threadsBefore, int threadsAfter)
    {
        var experiment = OneScenario(6_000);
        string uninterrupted = Totals(ExperimentRunner.Run(experiment, threadsBefore));
        var states = new List<RunState>();
        var saver = new Saver(experiment, states);

        ExperimentRunner.Run(experiment, threadsBefore, checkpoints: saver);

        Assert.True(states.Count >= 2);
        foreach (var state in states)
            Assert.Equal(uninterrupted, Totals(ExperimentRunner.Run(experiment, threadsAfter, resumeFrom: state)));
    }

    [Fact]
    public void Run_Cancelled_CommitsTheBlocksItWroteThenThrows()
    {
        var experiment = OneScenario(20_000);
        using var cancellation = new CancellationTokenSource();
        var records = new ExperimentRunnerTests.CollectingSink();
        var commits = new Copies();
        var progress = new Progress(done => { if (done > 3_000) cancellation.Cancel(); });

        Assert.Throws<OperationCanceledException>(() =>
            ExperimentRunner.Run(experiment, 2, records, progress, cancellation.Token, checkpoints: commits));

        long blocks = commits.States[^1].Blocks;
        Assert.InRange(blocks, 1, RunState.TotalBlocks(experiment) - 1);
        Assert.Equal(blocks * ExperimentRunner.BlockSize * experiment.Variants.Count, records.Records.Count);
        Assert.Equal(Totals(ExperimentRunner.Run(experiment with { Replicates = blocks * ExperimentRunner.BlockSize }, 1)), commits.States[^1].Totals);
    }

    // Each committed state, copied as a checkpoint file would keep it: a fresh summary holding the same counts.
    private sealed class Saver(Experiment experiment, List<RunState> states) : IRunCheckpointSink
    {
        public void Commit(RunState state)
        {
            var copy = new ExperimentSummary(experiment);
            for (int v = 0; v < experiment.Variants.Count; v++) copy.Tally(0, v).Merge(state.Summary.Tally(0, v));
            states.Add(new RunState(state.BlocksDone, copy));
        }
    }

    private sealed class Progress(Action<long> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value.ReplicatesDone);
    }

    // Every count of every tally, as text, so that two summaries compare in one assertion.
    private static string Totals(ExperimentSummary summary) => string.Join("|",
        Enumerable.Range(0, summary.Experiment.Variants.Count).Select(v => summary.Tally(0, v)).Select(tally =>
            $"{tally.Replicates};{string.Join(',', tally.OutcomeCounts)};{string.Join(',', tally.EventMonthCounts)};{string.Join(',', tally.JointOutcomeCounts)};"
            + string.Join(';', tally.Trajectories.Select(histogram => string.Join(',', histogram.Counts.ToArray())))));
}
