using System.Diagnostics;
using System.Text.RegularExpressions;
using UcgSim.Cli;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

// The cluster run for real: a single-node Slurm on this machine (scripts/slurm/start-test-cluster.sh installs Debian's
// slurm-wlm and munge when missing, which needs root and apt), the job array 'ucgsim slurm' writes, submitted by its
// submit.sh; one task's ucgsim is killed (SIGKILL) after its first checkpoint, the task requeues itself and resumes, and
// the merge job's folder must be that of a single local run, byte for byte. Takes a minute or two, more the first time.
public sealed partial class SlurmClusterTests : IDisposable
{
    private const string Shards = "4";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    // 24,000 replicates make shards of 6,000, 24 blocks each, committed after the 16th (one CPU per task).
    private static readonly string[] Experiment =
        [Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml"), "-n", "24000", "--horizon", "24"];

    [Fact]
    public void JobArray_OneTaskKilledMidwayAndRequeued_MergesIntoTheFolderOfASingleLocalRun()
    {
        var cluster = Shell(Path.Combine(RepositoryPaths.Root, "scripts", "slurm", "start-test-cluster.sh"));
        Assert.True(cluster.ExitCode == 0 && cluster.Output.Contains("ready"), $"no Slurm cluster: {cluster.Output} {cluster.Error}");

        string local = Path.Combine(_scratch.Path, "local");
        Assert.Equal(ExitCodes.Success, Ucgsim(["run", .. Experiment, "-t", "2", "-o", local]));
        string single = Directory.GetDirectories(local).Single();

        string root = Path.Combine(_scratch.Path, "cluster");
        string program = $"dotnet {Path.Combine(AppContext.BaseDirectory, "ucgsim.dll")}";
        Assert.Equal(ExitCodes.Success,
            Ucgsim(["slurm", .. Experiment, "--shards", Shards, "--checkpoint-every", "0", "--ucgsim", program, "-o", root]));
        string folder = Directory.GetDirectories(root).Single();
        var submitted = Shell("sh", Path.Combine(folder, "submit.sh"));
        var jobs = SubmittedJobs().Match(submitted.Output);
        Assert.True(jobs.Success, $"submit.sh said: {submitted.Output} {submitted.Error}");
        string array = jobs.Groups[1].Value, merge = jobs.Groups[2].Value;

        var clock = Stopwatch.StartNew();
        KillAfterFirstCheckpoint(Path.Combine(folder, "shard-2"), clock);
        while (Shell("squeue", "-h", "-j", merge).Output.Trim().Length > 0)
        {
            Assert.True(clock.Elapsed < Limit, $"the jobs did not end within {Limit}: {Shell("squeue").Output}");
            // Slurm holds a requeued job for a couple of minutes before it may start again; a test need not wait.
            if (Shell("squeue", "-h", "-j", $"{array}_2", "-o", "%r").Output.Contains("BeginTime"))
                Shell("scontrol", "update", $"JobId={array}_2", "StartTime=now");
            Thread.Sleep(1000);
        }

        Assert.Contains("JobState=COMPLETED", Shell("scontrol", "show", "job", merge).Output);
        string log = File.ReadAllText(Path.Combine(folder, "logs", "shard-2.log"));
        Assert.Contains("requeueing shard 2 to resume it from its checkpoint", log);
        Assert.Contains("Resuming \"default\"", log);
        Assert.DoesNotContain(", 0 of 18,000 replicate runs done", log);
        string merged = Directory.GetDirectories(Path.Combine(folder, "merged")).Single();
        SameResults.AssertSame(single, merged);
    }

    // Waits until shard 2's manifest shows a checkpoint past its first blocks, then kills its ucgsim as the kernel's
    // out-of-memory killer or a lost process would: SIGKILL, nothing saved on the way out.
    private static void KillAfterFirstCheckpoint(string shardRoot, Stopwatch clock)
    {
        while (true)
        {
            Assert.True(clock.Elapsed < Limit, $"shard 2 made no checkpoint within {Limit}");
            string? manifest = Directory.Exists(shardRoot)
                ? Directory.GetFiles(shardRoot, ResultsFolder.ManifestFileName, SearchOption.AllDirectories).SingleOrDefault()
                : null;
            if (manifest is not null && RunManifest.Read(manifest) is { State: RunManifest.Running, Checkpoint.BlocksDone: > 0 })
                break;
            Thread.Sleep(50);
        }
        int pid = Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(int.Parse!)
            .Single(id => CommandLine(id) is var line && line.Contains("--shard 2/" + Shards) && line.Contains(shardRoot));
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static int Ucgsim(string[] args) =>
        UcgSimCommandLine.Invoke(args, new Terminal(new StringWriter(), new StringWriter(), ErrorIsInteractive: false));

    // The exit code, the standard output (what the test reads) and the standard error (what a failure shows).
    private static (int ExitCode, string Output, string Error) Shell(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Limit), $"{program} did not end within {Limit}");
        return (process.ExitCode, output, error.Result);
    }

    [GeneratedRegex(@"job array (\d+) .* merge as job (\d+)\.")]
    private static partial Regex SubmittedJobs();
}
