using UcgSim.Cli;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

// Shards of an experiment, merged, are a single run byte for byte; folders that are not the shards of one experiment,
// or do not hold every replicate exactly once, are refused with what to do.
public sealed class MergeCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    private static readonly string Experiment = Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml");

    // 1,000 replicates of the default experiment over 24 months, in the folder it makes under output; its path.
    private string Run(string output, params string[] more)
    {
        string root = Path.Combine(_scratch.Path, output);
        int exitCode = Invoke(["run", Experiment, "-n", "1000", "--horizon", "24", "-t", "2", "-o", root, .. more]);
        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        return Directory.GetDirectories(root).Single();
    }

    private int Invoke(string[] args) => UcgSimCommandLine.Invoke(args, new Terminal(_output, _error, ErrorIsInteractive: false));

    private int Merge(params string[] folders) => Invoke(["merge", .. folders, "-o", Path.Combine(_scratch.Path, "merged")]);

    private string[] Shards(int count, params string[] more) =>
        Enumerable.Range(1, count).Select(i => Run($"shard-{i}", ["--shard", $"{i}/{count}", .. more])).ToArray();

    [Fact]
    public void Merge_ThreeShardsInAnyOrder_GiveTheFolderOfASingleRun()
    {
        string single = Run("single");
        string[] shards = Shards(3);

        int exitCode = Merge(shards[2], shards[0], shards[1]);

        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        string merged = Directory.GetDirectories(Path.Combine(_scratch.Path, "merged")).Single();
        SameResults.AssertSame(single, merged);
        var manifest = RunManifest.Read(Path.Combine(merged, ResultsFolder.ManifestFileName));
        Assert.Equal((0L, 1000L, RunManifest.Completed), (manifest.FirstReplicate, manifest.Replicates, manifest.State));
        Assert.Equal(shards, manifest.MergedFrom);
        Assert.Equal(new ManifestShard(2, 3), RunManifest.Read(Path.Combine(shards[1], ResultsFolder.ManifestFileName)).Shard);
        Assert.Contains("Merged 3 shard(s) of \"default\": replicates 0 to 999, with their records.", _error.ToString());
    }

    [Fact]
    public void Merge_IgnoreDiskSpace_IsAnOptionOfMerge()
    {
        string[] shards = Shards(2, "--no-plots");
        Assert.True(Invoke(["merge", .. shards, "--ignore-disk-space", "-o", Path.Combine(_scratch.Path, "merged")]) == ExitCodes.Success,
            _error.ToString());
    }

    [Fact]
    public void Merge_AShardMissingOrGivenTwice_IsRefusedNamingTheReplicates()
    {
        string[] shards = Shards(3, "--no-plots");

        Assert.Equal(ExitCodes.UsageError, Merge(shards[0], shards[2]));
        Assert.Contains("cannot merge: replicates 333 to 665 are in none of the folders: run the missing shard", _error.ToString());
        Assert.Equal(ExitCodes.UsageError, Merge(shards[0], shards[1], shards[1], shards[2]));
        Assert.Contains($"replicates 333 to 665 are in both {shards[1]} and {shards[1]}", _error.ToString());
        Assert.False(Directory.Exists(Path.Combine(_scratch.Path, "merged")));
    }

    [Fact]
    public void Merge_ShardsOfAnotherExperimentOrUnfinished_AreRefusedSayingWhatToDo()
    {
        string first = Run("first", "--shard", "1/2", "--no-plots");
        string otherSeed = Run("other", "--shard", "2/2", "--seed", "5", "--no-plots");
        string second = Run("second", "--shard", "2/2", "--no-plots");

        Assert.Equal(ExitCodes.UsageError, Merge(first, otherSeed));
        Assert.Contains($"{otherSeed} ran another experiment than {first}", _error.ToString());

        string manifestPath = Path.Combine(second, ResultsFolder.ManifestFileName);
        var completed = RunManifest.Read(manifestPath);
        (completed with { SourceRevision = "0123abc" }).Write(manifestPath);
        Assert.Equal(ExitCodes.UsageError, Merge(first, second));
        Assert.Contains($"{second} was run by ucgsim {completed.ProgramVersion} (revision 0123abc)", _error.ToString());
        Assert.Contains("shards add up to one run only when one program ran them all.", _error.ToString());

        (completed with { State = RunManifest.Interrupted }).Write(manifestPath);
        Assert.Equal(ExitCodes.UsageError, Merge(first, second));
        Assert.Contains($"{second} holds a run that is interrupted, not completed: finish it first with: ucgsim resume {second}", _error.ToString());
    }

    [Fact]
    public void Run_ShardBeyondItsCount_ExitsWithTwoSayingTheForm()
    {
        Assert.Equal(ExitCodes.UsageError, Invoke(["run", Experiment, "--shard", "5/4"]));

        Assert.Contains("--shard expects i/k, two whole numbers with 1 <= i <= k (e.g. --shard 2/4), not '5/4'.", _error.ToString());
    }
}
