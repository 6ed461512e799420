using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>
/// <c>manifest.json</c>: what is needed to tell how a results folder came about and to run it again —
/// the experiment's size and seed, the program and source revision, the files read, the machine and the times.
/// </summary>
public sealed record RunManifest
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // The file is read by people and scripts, not embedded in HTML: keep '+' in "0.1.0+commit" as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string ExperimentName { get; init; }
    public required ulong Seed { get; init; }
    public required long Replicates { get; init; }
    public required int Horizon { get; init; }
    public required int Threads { get; init; }
    /// <summary>The engine that simulated the replicates, <c>kernel</c> or <c>reference</c>; results are the same bits either way.</summary>
    public required string Engine { get; init; }
    public required string ProgramVersion { get; init; }
    public required string SourceRevision { get; init; }
    public required bool? SourceTreeDirty { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset EndedUtc { get; init; }
    public double ElapsedSeconds => (EndedUtc - StartedUtc).TotalSeconds;
    /// <summary>False when the run was stopped before every replicate had run.</summary>
    public required bool Completed { get; init; }
    public required IReadOnlyList<string> ConfigurationFiles { get; init; }
    /// <summary>The configuration warnings printed before the run: levers that could not act in a scenario they ran with.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    public string OperatingSystem { get; init; } = RuntimeInformation.OSDescription;
    public string DotNetVersion { get; init; } = RuntimeInformation.FrameworkDescription;

    /// <summary>Describes a run of <paramref name="experiment"/> by <paramref name="program"/>.</summary>
    public static RunManifest For(
        Experiment experiment, int threads, SimulationEngine engine, Assembly program, SourceRevision revision,
        IReadOnlyList<string> configurationFiles, IReadOnlyList<string> warnings, DateTimeOffset started, DateTimeOffset ended,
        bool completed) => new()
    {
        ExperimentName = experiment.Name,
        Seed = experiment.Seed,
        Replicates = experiment.Replicates,
        Horizon = experiment.Horizon,
        Threads = threads,
        Engine = engine.ToString().ToLowerInvariant(),
        ProgramVersion = program.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? program.GetName().Version?.ToString()
            ?? Results.SourceRevision.Unknown,
        SourceRevision = revision.Commit,
        SourceTreeDirty = revision.Dirty,
        StartedUtc = started.ToUniversalTime(),
        EndedUtc = ended.ToUniversalTime(),
        Completed = completed,
        ConfigurationFiles = configurationFiles,
        Warnings = warnings,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}
