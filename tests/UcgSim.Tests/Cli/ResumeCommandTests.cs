using System.Diagnostics;
using UcgSim.Cli;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

// A run killed at random moments, by SIGKILL (nothing to clean up), SIGTERM (a scheduler's time limit) or SIGINT
// (Ctrl+C), and resumed, leaves exactly the folder of a run never stopped. A moment is a point of the run's progress (the
// length its records file has reached), drawn from a fixed seed so that a failure can be replayed, rather than a time,
// which a busy machine would make meaningless.
public sealed class ResumeCommandTests(ResumeCommandTests.Uninterrupted uninterrupted)
    : IClassFixture<ResumeCommandTests.Uninterrupted>, IDisposable
{
    private const int MomentsPerSignal = 3;

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    // 20,000 replicates in blocks of 256 make 79 blocks, committed every 16 (two threads), so kills fall before, between
    // and after checkpoints. A 24-month horizon keeps each run to a second or two.
    private static string[] RunArguments(string output) =>
    [
        "run", Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml"), "-n", "20000", "--horizon", "24", "-t", "2",
        "-o", output, "--checkpoint-every", "0.05",
    ];

    [Theory]
    [InlineData(UcgsimProcess.SigKill)]
    [InlineData(UcgsimProcess.SigTerm)]
    [InlineData(UcgsimProcess.SigInt)]
    public void Resume_RunKilledAtRandomMoments_EndsByteIdenticalToARunNeverStopped(int signal)
    {
        var random = new Random(2026 + signal);
        long checkpointsResumedFrom = 0;
        int stopped = 0;
        for (int moment = 0; moment < MomentsPerSignal; moment++)
        {
            string output = Path.Combine(_scratch.Path, $"moment-{moment}");
            long reached = (long)(uninterrupted.RecordsBytes * (0.02 + 0.9 * random.NextDouble()));
            using (var run = new UcgsimProcess(RunArguments(output)))
            {
                string manifest = WaitForManifest(output, run);
                string records = Path.Combine(Path.GetDirectoryName(manifest)!, ResultsFolder.RecordsFileName);
                while (!run.HasExited && new FileInfo(records).Length < reached) Thread.Sleep(2);
                run.Signal(signal);
                int exitCode = run.WaitForExit(TimeSpan.FromMinutes(2));
                // 128 + the signal: SIGKILL, or a SIGTERM that a loaded machine delivered only as the finished process was
                // letting go of its handlers.
                Assert.True(exitCode is ExitCodes.Success or ExitCodes.Interrupted or 128 + UcgsimProcess.SigKill or 128 + UcgsimProcess.SigTerm,
                    $"exit code {exitCode}: {run.Error}");
                if (exitCode != ExitCodes.Success) stopped++;
                // 130 is also SIGINT's own exit, for a finished process already past its handler: then the run says completed.
                if (exitCode == ExitCodes.Interrupted)
                    Assert.Contains(RunManifest.Read(manifest).State, new[] { RunManifest.Interrupted, RunManifest.Completed });
            }
            string folder = Directory.GetDirectories(output).Single();
            checkpointsResumedFrom += RunManifest.Read(Path.Combine(folder, ResultsFolder.ManifestFileName)).Checkpoint!.BlocksDone;

            var error = new StringWriter();
            int resumed = UcgSimCommandLine.Invoke(["resume", folder, "-t", "2"], new Terminal(new StringWriter(), error, false));

            Assert.True(resumed == ExitCodes.Success, $"moment {moment} (records at {reached:N0} bytes): {error}");
            Assert.Equal(RunManifest.Completed, RunManifest.Read(Path.Combine(folder, ResultsFolder.ManifestFileName)).State);
            SameResults.AssertSame(uninterrupted.Folder, folder);
        }
        // Most signals must have found the run going, and some after a checkpoint, or the test would only show that a
        // finished run stays finished, or that a run can start again.
        // On a loaded machine a signal sent near the end can land after the run finished; one such moment is allowed.
        Assert.True(stopped >= MomentsPerSignal - 1, $"only {stopped} of {MomentsPerSignal} signals came before the run ended");
        Assert.True(checkpointsResumedFrom > 0, "every kill came before the first checkpoint");
    }

    [Fact]
    public void Resume_CompletedRun_SaysSoAndChangesNothing()
    {
        string manifest = Path.Combine(uninterrupted.Folder, ResultsFolder.ManifestFileName);
        string before = File.ReadAllText(manifest);
        var error = new StringWriter();

        int exitCode = UcgSimCommandLine.Invoke(["resume", uninterrupted.Folder], new Terminal(new StringWriter(), error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("holds a completed run: nothing to resume", error.ToString());
        Assert.Equal(before, File.ReadAllText(manifest));
    }

    [Fact]
    public void Resume_FolderWithoutAManifest_ExitsWithTwoSayingWhatToName()
    {
        var error = new StringWriter();

        int exitCode = UcgSimCommandLine.Invoke(["resume", _scratch.Path], new Terminal(new StringWriter(), error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"{_scratch.Path} is not a results folder", error.ToString());
    }

    // The manifest exists from the run's first second; kills are timed from it, after the program has started.
    private static string WaitForManifest(string output, UcgsimProcess run)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (Directory.Exists(output)
                && Directory.GetDirectories(output).SingleOrDefault() is { } folder
                && Path.Combine(folder, ResultsFolder.ManifestFileName) is var manifest && File.Exists(manifest))
                return manifest;
            Assert.False(run.HasExited, $"ucgsim ended before writing a manifest: {run.Error}");
            Thread.Sleep(10);
        }
        throw new TimeoutException($"no manifest under {output} after a minute: {run.Error}");
    }

    /// <summary>The run never stopped, made once for every test of the class, and the length of its records.</summary>
    public sealed class Uninterrupted : IDisposable
    {
        private readonly ScratchFolder _scratch = new();

        public Uninterrupted()
        {
            string output = Path.Combine(_scratch.Path, "uninterrupted");
            using var run = new UcgsimProcess(RunArguments(output));
            Assert.Equal(ExitCodes.Success, run.WaitForExit(TimeSpan.FromMinutes(2)));
            Folder = Directory.GetDirectories(output).Single();
            RecordsBytes = new FileInfo(Path.Combine(Folder, ResultsFolder.RecordsFileName)).Length;
        }

        public string Folder { get; }
        public long RecordsBytes { get; }

        public void Dispose() => _scratch.Dispose();
    }
}
