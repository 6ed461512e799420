using System.Text.Json;
using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Results;
using UcgSim.Tests.Results;

namespace UcgSim.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private static readonly Experiment Tiny = new()
    {
        Scenarios = [new ScenarioConditions()],
        Variants = [new PolicyVariant(), new PolicyVariant { Name = "b" }],
        Replicates = 500,
        Horizon = 24,
    };

    private static readonly ConfigurationWarning Inert = new("v.yaml", 3, 5, "interventionThreat",
        "v.yaml:3:5: lever 'interventionThreat' of variant 'b' has no effect in scenario 'unnamed' (s.yaml): ...");

    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Execute_TinyExperiment_WritesTheWholeFolderAndPrintsTheTable()
    {
        int exitCode = Run(Tiny, Options());

        Assert.Equal(ExitCodes.Success, exitCode);
        string folder = Assert.Single(Directory.GetDirectories(_scratch.Path));
        string[] files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(
        [
            "bands-aid-level.png", "bands-hardship.png", "bands-mission-relationship.png", "bands-popular-support.png",
            ResultsFolder.CheckpointFileName, ResultsFolder.ResolvedExperimentFileName, ResultsFolder.ManifestFileName, "outcome-shares.png",
            "paired-differences.png", ResultsFolder.RecordsFileName, ParquetFiles.RecordsFileName, ResultsFolder.ReportFileName,
            ResultsFolder.SummaryFileName, ParquetFiles.SummaryFileName, "time-to-civil-war.png", "time-to-counter-coup.png",
            "time-to-mission-asked-to-leave.png", "time-to-transition.png", ResultsFolder.TrajectoriesFileName, ParquetFiles.TrajectoriesFileName,
        ], files);
        Assert.Equal(1000, ReplicateRecordFile.Read(Path.Combine(folder, ResultsFolder.RecordsFileName)).Records.Count());
        Assert.Contains("Outcome at the horizon", _output.ToString());
        Assert.Contains($"Results: {folder}", _output.ToString());
        Assert.True(Manifest(folder).GetProperty("completed").GetBoolean());
    }

    [Fact]
    public void Execute_OneAndTwoThreads_WriteByteIdenticalRecordsAndTables()
    {
        Assert.Equal(ExitCodes.Success, Run(Tiny, Options() with { Threads = 1, OutputRoot = Path.Combine(_scratch.Path, "one") }));
        Assert.Equal(ExitCodes.Success, Run(Tiny, Options() with { Threads = 2, OutputRoot = Path.Combine(_scratch.Path, "two") }));

        byte[] FileUnder(string root, string file) =>
            File.ReadAllBytes(Path.Combine(Directory.GetDirectories(Path.Combine(_scratch.Path, root)).Single(), file));
        foreach (string file in TablesAndRecords)
            Assert.Equal(FileUnder("one", file), FileUnder("two", file));
    }

    private static readonly string[] TablesAndRecords =
    [
        ResultsFolder.RecordsFileName, ResultsFolder.SummaryFileName, ResultsFolder.TrajectoriesFileName,
        ParquetFiles.RecordsFileName, ParquetFiles.SummaryFileName, ParquetFiles.TrajectoriesFileName,
    ];

    [Fact]
    public void Execute_KernelAndReferenceEngines_WriteByteIdenticalRecordsAndSummaries()
    {
        var experiment = ExperimentFile.Load(Path.Combine(Validation.RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment
            with { Replicates = 300 };
        string RunWith(SimulationEngine engine)
        {
            string root = Path.Combine(_scratch.Path, engine.ToString());
            Assert.Equal(ExitCodes.Success, Run(experiment, Options() with { Engine = engine, Plots = false, OutputRoot = root }));
            return Directory.GetDirectories(root).Single();
        }
        string kernel = RunWith(SimulationEngine.Kernel);
        string reference = RunWith(SimulationEngine.Reference);

        foreach (string file in TablesAndRecords)
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, file)), File.ReadAllBytes(Path.Combine(kernel, file)));
        Assert.Equal("kernel", Manifest(kernel).GetProperty("engine").GetString());
        Assert.Equal("reference", Manifest(reference).GetProperty("engine").GetString());
    }

    [Fact]
    public void Execute_OutputRootIsAFile_ExitsWithTwoNamingTheOutputOption()
    {
        string notAFolder = Path.Combine(_scratch.Path, "plain-file");
        File.WriteAllText(notAFolder, "");

        int exitCode = Run(Tiny, Options() with { OutputRoot = notAFolder });

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("cannot make a results folder under", _error.ToString());
        Assert.Contains("--output", _error.ToString());
    }

    [Fact]
    public void Execute_SplitAcrossTwoRuns_SameRecordsAsOneRun()
    {
        string RunInto(string root, long replicates, long first)
        {
            Assert.Equal(ExitCodes.Success, Run(Tiny, Options() with
            {
                Replicates = replicates, FirstReplicate = first, Plots = false, OutputRoot = Path.Combine(_scratch.Path, root),
            }));
            return Path.Combine(Directory.GetDirectories(Path.Combine(_scratch.Path, root)).Single(), ResultsFolder.RecordsFileName);
        }
        string Fingerprint(IEnumerable<UcgSim.Core.Simulation.ReplicateRecord> records) => string.Join(";", records
            .OrderBy(r => (r.ScenarioIndex, r.Replicate, r.VariantIndex))
            .Select(r => $"{r.ScenarioIndex},{r.VariantIndex},{r.Replicate},{r.Outcome},{string.Join(",", r.EventMonths)}"));

        var whole = ReplicateRecordFile.Read(RunInto("whole", 500, 0)).Records;
        var parts = ReplicateRecordFile.Read(RunInto("part-1", 200, 0)).Records
            .Concat(ReplicateRecordFile.Read(RunInto("part-2", 300, 200)).Records);
        Assert.Equal(Fingerprint(whole), Fingerprint(parts));
    }

    [Theory]
    [InlineData(0, null, null, "--threads must be at least 1")]
    [InlineData(1, 0L, null, "--replicates must be at least 1")]
    [InlineData(1, null, 0, "--horizon must be between 1 and")]
    [InlineData(1, null, Experiment.MaxHorizon + 1, "--horizon must be between 1 and")]
    public void Execute_BadOptionValue_ExitsWithTwoAndWritesNothing(int threads, long? replicates, int? horizon, string message)
    {
        string root = Path.Combine(_scratch.Path, "results");

        int exitCode = Run(Tiny, Options() with { Threads = threads, Replicates = replicates, Horizon = horizon, OutputRoot = root });

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(message, _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Execute_ExperimentWithoutVariants_ExitsWithTwo()
    {
        int exitCode = Run(Tiny with { Variants = [] }, Options());

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("has no variants", _error.ToString());
    }

    [Fact]
    public void Execute_Overrides_ReplaceTheExperimentFileValues()
    {
        Run(Tiny, Options() with { Replicates = 300, Seed = 77, Horizon = 12 });

        var manifest = Manifest(Directory.GetDirectories(_scratch.Path).Single());
        Assert.Equal(300, manifest.GetProperty("replicates").GetInt64());
        Assert.Equal(77UL, manifest.GetProperty("seed").GetUInt64());
        Assert.Equal(12, manifest.GetProperty("horizon").GetInt32());
    }

    [Fact]
    public void Execute_NoRecordsNoPlots_WritesOnlyTablesManifestExperimentAndReport()
    {
        Run(Tiny, Options() with { Records = false, Plots = false });

        string folder = Directory.GetDirectories(_scratch.Path).Single();
        Assert.Equal(
            [
                ResultsFolder.CheckpointFileName, ResultsFolder.ResolvedExperimentFileName, ResultsFolder.ManifestFileName, ResultsFolder.ReportFileName,
                ResultsFolder.SummaryFileName, ParquetFiles.SummaryFileName, ResultsFolder.TrajectoriesFileName, ParquetFiles.TrajectoriesFileName,
            ],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Execute_Interrupted_ExitsWith130AndKeepsWhatWasWritten()
    {
        using var interruption = new CancellationTokenSource();
        interruption.Cancel();

        int exitCode = RunCommand.Execute(Tiny, [], [], Options(), new Terminal(_output, _error, false), interruption.Token);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        string folder = Directory.GetDirectories(_scratch.Path).Single();
        Assert.False(Manifest(folder).GetProperty("completed").GetBoolean());
        Assert.Equal("interrupted", Manifest(folder).GetProperty("state").GetString());
        Assert.Equal(0, Manifest(folder).GetProperty("checkpoint").GetProperty("blocks_done").GetInt64());
        Assert.True(File.Exists(Path.Combine(folder, ResultsFolder.ResolvedExperimentFileName)));
        var damage = Assert.Throws<DamagedRecordsException>(() => ReplicateRecordFile.Read(Path.Combine(folder, ResultsFolder.RecordsFileName)).Records.Count());
        Assert.Contains("after 0 of the 1,000 records", damage.Message);
        Assert.False(File.Exists(Path.Combine(folder, ResultsFolder.SummaryFileName)));
        Assert.Contains($"Finish the run with: ucgsim resume {folder}", _error.ToString());
    }

    [Fact]
    public void Execute_ErrorStreamRedirected_WritesOnlyTheFinalProgressLine()
    {
        Run(Tiny, Options() with { Plots = false });

        Assert.DoesNotContain('\r', _error.ToString());
        Assert.Contains("Ran 1,000 of 1,000 replicates", _error.ToString());
    }

    [Fact]
    public void Execute_WithWarnings_PrintsThemFirstAndKeepsThemInTheManifest()
    {
        int exitCode = Run(Tiny, Options() with { Plots = false }, Inert);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith($"warning: {Inert.Message}{Environment.NewLine}Running ", _error.ToString());
        var manifest = Manifest(Directory.GetDirectories(_scratch.Path).Single());
        Assert.Equal(Inert.Message, Assert.Single(manifest.GetProperty("warnings").EnumerateArray()).GetString());
    }

    [Fact]
    public void Execute_WarningsAsErrors_ExitsWithTwoBeforeWritingAnything()
    {
        int exitCode = Run(Tiny, Options() with { WarningsAsErrors = true }, Inert);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"warning: {Inert.Message}", _error.ToString());
        Assert.Contains("--warnings-as-errors", _error.ToString());
        Assert.Empty(Directory.GetDirectories(_scratch.Path));
    }

    [Fact]
    public void Execute_WarningsAsErrorsWithoutWarnings_Runs()
    {
        Assert.Equal(ExitCodes.Success, Run(Tiny, Options() with { WarningsAsErrors = true, Plots = false }));
        Assert.DoesNotContain("warning", _error.ToString());
        Assert.Empty(Manifest(Directory.GetDirectories(_scratch.Path).Single()).GetProperty("warnings").EnumerateArray());
    }

    private RunOptions Options() => new() { Threads = 2, OutputRoot = _scratch.Path };

    private int Run(Experiment experiment, RunOptions options, params ConfigurationWarning[] warnings) =>
        RunCommand.Execute(experiment, [], warnings, options, new Terminal(_output, _error, ErrorIsInteractive: false), CancellationToken.None);

    private static JsonElement Manifest(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ResultsFolder.ManifestFileName))).RootElement;
}
