using System.Globalization;
using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Results;
using UcgSim.Tests.Experiments;

namespace UcgSim.Tests.Results;

public sealed class ReplicateTrajectoriesTests : IDisposable
{
    private static readonly Experiment Default =
        ExperimentFile.Load(Path.Combine(Validation.RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment with { Replicates = 300 };

    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Rows_EveryReplicateOfTheRun_RebuildTheRunsQuantileBandsExactly()
    {
        // The paths come from the reference model; the run's bands from the kernel. Binned as the run bins them, every
        // replicate's path must give the run's quantiles to the last bit, or the paths are not the run's histories.
        var summary = ExperimentRunner.Run(Default, threads: 2);
        var rebuilt = new Dictionary<(string, string), TrajectoryHistogram>();
        foreach (var row in ReplicateTrajectories.Rows(Default, Default.Replicates))
        {
            var measure = SimulationVocabulary.Measures.Single(m => SimulationVocabulary.Describe(m) == row.Measure);
            if (!rebuilt.TryGetValue((row.Variant, row.Measure), out var histogram))
                rebuilt[(row.Variant, row.Measure)] = histogram = new TrajectoryHistogram(measure, Default.Horizon);
            histogram.Add(row.Month, row.Value);
        }

        for (int v = 0; v < Default.Variants.Count; v++)
            foreach (var measure in SimulationVocabulary.Measures)
                foreach (double q in TrajectoryRow.Quantiles)
                {
                    var histogram = rebuilt[(Default.Variants[v].Name, SimulationVocabulary.Describe(measure))];
                    double[] fromPaths = [.. Enumerable.Range(0, Default.Horizon + 1).Select(month => histogram.Quantile(month, q))];
                    Assert.Equal(summary.QuantilePath(0, v, measure, q), fromPaths);
                }
    }

    [Fact]
    public void Rows_ReplicateEndedByCounterCoup_StopAtThatMonth()
    {
        var sink = new ExperimentRunnerTests.CollectingSink();
        ExperimentRunner.Run(Default, threads: 2, sink);
        var records = sink.Records;
        var lastMonths = ReplicateTrajectories.Rows(Default, Default.Replicates)
            .GroupBy(row => (row.Variant, row.Replicate))
            .ToDictionary(group => group.Key, group => group.Max(row => row.Month));

        Assert.Contains(records, record => record.Outcome == Outcome.CounterCoup);
        foreach (var record in records)
        {
            short counterCoup = record.EventMonths[(int)EventKind.CounterCoup];
            int expected = counterCoup == ReplicateRecord.NotObserved ? Default.Horizon : counterCoup;
            Assert.Equal(expected, lastMonths[(Default.Variants[record.VariantIndex].Name, record.Replicate)]);
        }
    }

    [Fact]
    public void Execute_TrajectoriesOption_WritesTheFirstReplicatesAsCsvAndParquet()
    {
        var options = new RunOptions { Threads = 1, Plots = false, Records = false, OutputRoot = _scratch.Path, ReplicateTrajectories = 3 };

        Assert.Equal(ExitCodes.Success, Run(Default with { FirstReplicate = 100 }, options));

        string folder = Directory.GetDirectories(_scratch.Path).Single();
        string[] lines = File.ReadAllLines(Path.Combine(folder, ReplicateTrajectories.CsvFileName));
        Assert.Equal(ReplicateTrajectories.Header, lines[0]);
        Assert.Equal(["100", "101", "102"], lines.Skip(1).Select(line => line.Split(',')[2]).Distinct());
        Assert.Equal(
            ReplicateTrajectories.Rows(Default with { FirstReplicate = 100 }, 3).Select(row => row.Value.ToString("R", CultureInfo.InvariantCulture)),
            lines.Skip(1).Select(line => line.Split(',')[5]));
        Assert.True(File.Exists(Path.Combine(folder, ReplicateTrajectories.ParquetFileName)));
    }

    [Fact]
    public void Execute_MoreTrajectoriesThanReplicates_ExitsWithTwoSayingTheMost()
    {
        var options = new RunOptions { Threads = 1, OutputRoot = _scratch.Path, ReplicateTrajectories = 301 };

        Assert.Equal(ExitCodes.UsageError, Run(Default, options));

        Assert.Contains("--trajectories 301 asks for more replicates than the run has (300); give at most 300.", _error.ToString());
        Assert.Empty(Directory.GetDirectories(_scratch.Path));
    }

    private int Run(Experiment experiment, RunOptions options) =>
        RunCommand.Execute(experiment, [], [], options, new Terminal(TextWriter.Null, _error, ErrorIsInteractive: false), CancellationToken.None);
}
