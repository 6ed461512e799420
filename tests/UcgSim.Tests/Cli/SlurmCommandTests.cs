using UcgSim.Cli;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

// What 'ucgsim slurm' writes, without a cluster (SlurmClusterTests submits it to one).
public sealed class SlurmCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    private static readonly string Experiment = Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml");

    private int Slurm(params string[] args) =>
        UcgSimCommandLine.Invoke(["slurm", Experiment, .. args], new Terminal(_output, _error, ErrorIsInteractive: false));

    [Fact]
    public void Slurm_WritesTheArrayTheMergeAndSubmit_WithTheShardsOptionsAndNoPlaceholderLeft()
    {
        int exitCode = Slurm("--shards", "8", "-n", "4000", "--seed", "3", "--no-plots", "-t", "2", "--time", "02:00:00",
            "--max-requeues", "5", "--ucgsim", "/opt/ucgsim/ucgsim", "-o", _scratch.Path);

        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        string folder = Directory.GetDirectories(_scratch.Path).Single();
        string array = File.ReadAllText(Path.Combine(folder, "ucgsim-shards.sbatch"));
        Assert.Contains("#SBATCH --array=1-8\n", array);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", array);
        Assert.Contains("#SBATCH --time=02:00:00\n", array);
        Assert.Contains("ucgsim=(/opt/ucgsim/ucgsim)", array);
        Assert.Contains($"run {Experiment} --replicates 4000 --seed 3 --no-plots --shard \"${{SLURM_ARRAY_TASK_ID}}/8\"", array);
        Assert.Contains("-lt 5 ]", array);
        Assert.Contains($"--dependency=afterok:\"$array\" {folder}/ucgsim-merge.sbatch", File.ReadAllText(Path.Combine(folder, "submit.sh")));
        Assert.Contains($"merge \"${{shards[@]}}\" --output {folder}/merged", File.ReadAllText(Path.Combine(folder, "ucgsim-merge.sbatch")));
        foreach (string file in Directory.GetFiles(folder))
            Assert.DoesNotMatch("@[A-Z_]+@", File.ReadAllText(file));
        Assert.Contains($"Submit with:  sh {folder}/submit.sh", _output.ToString());
    }

    [Fact]
    public void Slurm_MoreShardsThanReplicatesOrAPathWithASpace_IsRefusedSayingWhy()
    {
        Assert.Equal(ExitCodes.UsageError, Slurm("--shards", "8", "-n", "5", "-o", _scratch.Path));
        Assert.Contains("--shards 8 splits 5 replicates into 8 shards, and some would be empty: use at most 5 shards.", _error.ToString());

        Assert.Equal(ExitCodes.UsageError, Slurm("--shards", "2", "-o", Path.Combine(_scratch.Path, "with space")));
        Assert.Contains("has a character that #SBATCH lines cannot hold", _error.ToString());
        Assert.Empty(Directory.GetDirectories(Path.Combine(_scratch.Path, "with space")));
    }

    [Fact]
    public void Slurm_AValueEveryShardWouldRefuse_IsRefusedHereBeforeAnyScript()
    {
        Assert.Equal(ExitCodes.UsageError, Slurm("--shards", "2", "--checkpoint-every", "-5", "-o", _scratch.Path));
        Assert.Contains("--checkpoint-every must be 0 seconds or more (got -5)", _error.ToString());
        Assert.Empty(Directory.GetDirectories(_scratch.Path));
    }

    [Fact]
    public void Slurm_FileWithADesign_IsRefusedPointingToExplorePoints()
    {
        string design = Path.Combine(RepositoryPaths.Configs, "experiments", "sensitivity.yaml");
        int exitCode = UcgSimCommandLine.Invoke(["slurm", design, "--shards", "4", "-o", _scratch.Path],
            new Terminal(_output, _error, ErrorIsInteractive: false));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("has a design, whose parts 'ucgsim slurm' cannot merge", _error.ToString());
        Assert.Contains("(#SBATCH --array=1-4), each task 'ucgsim run", _error.ToString());
        Assert.Contains("--shard $SLURM_ARRAY_TASK_ID/4'", _error.ToString());
        Assert.Empty(Directory.GetDirectories(_scratch.Path));
    }
}
