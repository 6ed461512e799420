using System.Text.Json;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class RunManifestTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Write_CompletedRun_RecordsWhatIsNeededToRepeatIt()
    {
        var experiment = SyntheticSummary.Experiment(scenarios: 1, variants: 2) with { Seed = 12345 };
        var started = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(1));
        string path = Path.Combine(_scratch.Path, ResultsFolder.ManifestFileName);

        RunManifest.For(experiment, threads: 8, SimulationEngine.Reference, typeof(RunManifest).Assembly, new SourceRevision("abc123", Dirty: true),
            ["configs/experiments/default.yaml"], ["v.yaml:3:5: lever 'interventionThreat' ... has no effect ..."], started,
            started.AddSeconds(90), completed: true).Write(path);

        using var manifest = JsonDocument.Parse(File.ReadAllText(path));
        var root = manifest.RootElement;
        Assert.Equal("synthetic", root.GetProperty("experiment_name").GetString());
        Assert.Equal(12345UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(400, root.GetProperty("replicates").GetInt64());
        Assert.Equal(36, root.GetProperty("horizon").GetInt32());
        Assert.Equal(8, root.GetProperty("threads").GetInt32());
        Assert.Equal("reference", root.GetProperty("engine").GetString());
        Assert.Equal("abc123", root.GetProperty("source_revision").GetString());
        Assert.True(root.GetProperty("source_tree_dirty").GetBoolean());
        Assert.Equal(90, root.GetProperty("elapsed_seconds").GetDouble());
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), root.GetProperty("started_utc").GetDateTimeOffset());
        Assert.Equal("configs/experiments/default.yaml", root.GetProperty("configuration_files")[0].GetString());
        Assert.Equal("v.yaml:3:5: lever 'interventionThreat' ... has no effect ...", root.GetProperty("warnings")[0].GetString());
        Assert.StartsWith("0.1.0", root.GetProperty("program_version").GetString());
        Assert.DoesNotContain("\\u002B", File.ReadAllText(path));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("dot_net_version").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("operating_system").GetString()));
        Assert.True(root.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public void Detect_FolderOutsideAnyRepository_SaysUnknown()
    {
        var revision = SourceRevision.Detect(_scratch.Path);

        Assert.Equal(SourceRevision.Unknown, revision.Commit);
        Assert.Null(revision.Dirty);
    }
}
