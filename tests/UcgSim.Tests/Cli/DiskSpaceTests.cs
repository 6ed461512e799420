using UcgSim.Cli;
using UcgSim.Core.Experiments;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

public sealed class DiskSpaceTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    private static readonly string Experiment = Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml");

    [Fact]
    public void RecordsBytes_OfARealRun_BoundsTheFileClosely()
    {
        string root = Path.Combine(_scratch.Path, "run");
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["run", Experiment, "-n", "700", "--horizon", "24", "-t", "2", "-o", root, "--no-plots"],
            new Terminal(_output, _error, false)));
        string folder = Directory.GetDirectories(root).Single();
        var experiment = UcgSim.Configuration.ExperimentFile.Load(Path.Combine(folder, ResultsFolder.ResolvedExperimentFileName)).Experiment;

        long actual = new FileInfo(Path.Combine(folder, ResultsFolder.RecordsFileName)).Length;
        long estimate = DiskEstimate.RecordsBytes(experiment);

        // Above: every record counted at the last replicate's length; close: 64 kB for the header, and the few bytes the
        // smaller replicate indices save.
        Assert.InRange(estimate, actual, actual * 105 / 100 + (64 << 10));
    }

    [Fact]
    public void Run_MoreThanTheDiskHolds_IsRefusedBeforeAnythingIsWritten()
    {
        string root = Path.Combine(_scratch.Path, "huge");

        int exitCode = UcgSimCommandLine.Invoke(["run", Experiment, "-n", "99999999999", "-o", root], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("ucgsim: this run would write up to 25.8 TB (12.9 TB of it replicate records: 299,999,999,997 records, and as much again for their Parquet copy) under ", _error.ToString());
        Assert.Contains("or start it anyway with --ignore-disk-space.", _error.ToString());
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Problem_JustEnoughOrTooLittleSpace_AcceptsOrRefusesAndSaysTheFix()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 2, variants: 3, replicates: 100_000);
        var options = new RunOptions();
        long needed = 2 * DiskEstimate.RecordsBytes(experiment) + DiskEstimate.OtherBytes(experiment);

        Assert.Null(DiskSpace.Problem(experiment, options, "/data", needed));
        Assert.Contains("under /data, whose disk has", DiskSpace.Problem(experiment, options, "/data", needed - 1));
        // Without the Parquet copy, the MessagePack records alone.
        Assert.Null(DiskSpace.Problem(experiment, options with { Parquet = false }, "/data", needed - DiskEstimate.RecordsBytes(experiment)));
        Assert.Contains("--no-parquet", DiskSpace.Problem(experiment, options, "/data", needed - 1));
        Assert.DoesNotContain("--no-records", DiskSpace.Problem(experiment, options with { Records = false }, "/data", 1000));
    }

    [Fact]
    public void Execute_IgnoreDiskSpace_StartsTheRunAnyway()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 1, replicates: 99_999_999_999);
        using var interruption = new CancellationTokenSource();
        interruption.Cancel();
        var options = new RunOptions { OutputRoot = _scratch.Path, Threads = 1, Plots = false, IgnoreDiskSpace = true };

        int exitCode = RunCommand.Execute(experiment, [], [], options, new Terminal(_output, _error, false), interruption.Token);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.DoesNotContain("would write", _error.ToString());
    }

    [Fact]
    public void MergeProblem_JustEnoughOrTooLittleSpace_AcceptsOrRefusesAndSaysTheFix()
    {
        var whole = SyntheticSummary.Experiment(scenarios: 1, variants: 3, replicates: 1_000_000);
        const long records = 117_000_000;
        long needed = 2 * records + DiskEstimate.OtherBytes(whole);

        Assert.Null(DiskSpace.MergeProblem(whole, records, parquet: true, trajectories: null, "/scratch", needed));
        string? refused = DiskSpace.MergeProblem(whole, records, parquet: true, trajectories: null, "/scratch", needed - 1);
        Assert.Contains("the merged folder would take up to ", refused);
        Assert.Contains("(117.0 MB of it the shards' records, and as much again for their Parquet copy) under /scratch", refused);
        Assert.Contains("--ignore-disk-space", refused);
        // Shards without Parquet copies merge without one.
        Assert.Null(DiskSpace.MergeProblem(whole, records, parquet: false, trajectories: null, "/scratch", needed - records));
    }

    [Fact]
    public void ResumeProblem_CountsOnlyTheRecordsStillToWrite_AndSaysTheFix()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 3, replicates: 1_000_000);
        long total = DiskEstimate.RecordsBytes(experiment), written = total / 4;
        long needed = total - written + total + DiskEstimate.OtherBytes(experiment);

        Assert.Null(DiskSpace.ResumeProblem(experiment, records: true, parquet: true, trajectories: null, written, "/scratch", needed));
        string? refused = DiskSpace.ResumeProblem(experiment, records: true, parquet: true, trajectories: null, written, "/scratch", needed - 1);
        Assert.Contains("the rest of this run would write up to ", refused);
        Assert.Contains($"({DiskSpace.Size(total - written)} of replicate records still to write, and {DiskSpace.Size(total)} for their Parquet copy) under /scratch", refused);
        Assert.Contains("resume anyway with --ignore-disk-space.", refused);
        // Nothing but the summaries left to write where the run keeps no records.
        Assert.Null(DiskSpace.ResumeProblem(experiment, records: false, parquet: false, trajectories: null, 0, "/scratch", DiskEstimate.OtherBytes(experiment)));
    }

    [Fact]
    public void Resume_IgnoreDiskSpace_IsAnOptionOfResume()
    {
        string root = Path.Combine(_scratch.Path, "done");
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["run", Experiment, "-n", "100", "--horizon", "12", "-o", root, "--no-plots"],
            new Terminal(_output, _error, false)));
        string folder = Directory.GetDirectories(root).Single();
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["resume", folder, "--ignore-disk-space"], new Terminal(_output, _error, false)));
        Assert.Contains("holds a completed run: nothing to resume", _error.ToString());
    }

    [Fact]
    public void Problem_ReplicateTrajectories_CountAboveTheRecords()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 2, variants: 3, replicates: 100_000);
        var options = new RunOptions();
        long withoutPaths = 2 * DiskEstimate.RecordsBytes(experiment) + DiskEstimate.OtherBytes(experiment);
        long paths = DiskEstimate.ReplicateTrajectoriesBytes(experiment, 10_000, parquet: true);

        // 10,000 paths of 2 x 3 series: hundreds of megabytes, beyond the 64 MB allowed for tables and figures.
        Assert.InRange(paths, 200L << 20, 10L << 30);
        Assert.Null(DiskSpace.Problem(experiment, options, "/data", withoutPaths));
        Assert.NotNull(DiskSpace.Problem(experiment, options with { ReplicateTrajectories = 10_000 }, "/data", withoutPaths));
        Assert.Null(DiskSpace.Problem(experiment, options with { ReplicateTrajectories = 10_000 }, "/data", withoutPaths + paths));
    }
}
