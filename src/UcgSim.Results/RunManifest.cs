using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>
/// <c>manifest.json</c>: what is needed to tell how a results folder came about and to run it again —
/// the experiment's size and seed, the program and source revision, the files read, the machine and the times — and,
/// from the first second of a run, how far it has got: its state and its last checkpoint. Replaced atomically, so a
/// run killed at any instant leaves a whole manifest.
/// </summary>
public sealed record RunManifest
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Interrupted = "interrupted";

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
    /// <summary>The first replicate of the run: with <see cref="Replicates"/>, the range of replicates the folder holds.</summary>
    public long FirstReplicate { get; init; }
    public required int Horizon { get; init; }
    public required int Threads { get; init; }
    /// <summary>The engine that simulated the replicates, <c>kernel</c> or <c>reference</c>; results are the same bits either way.</summary>
    public required string Engine { get; init; }
    public required string ProgramVersion { get; init; }
    public required string SourceRevision { get; init; }
    public required bool? SourceTreeDirty { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>When the run ended, completed or interrupted; null while it runs.</summary>
    public required DateTimeOffset? EndedUtc { get; init; }
    public double? ElapsedSeconds => EndedUtc is { } ended ? (ended - StartedUtc).TotalSeconds : null;
    /// <summary>When each resume of the run started.</summary>
    public IReadOnlyList<DateTimeOffset> ResumedUtc { get; init; } = [];
    /// <summary><see cref="Running"/>, <see cref="Completed"/> or <see cref="Interrupted"/>; a run killed outright stays "running".</summary>
    public string State { get; init; } = Running;
    /// <summary>False when the run was stopped before every replicate had run.</summary>
    [JsonPropertyName("completed")]
    public required bool IsCompleted { get; init; }
    /// <summary>Whether the run writes replicates.msgpack.</summary>
    public bool Records { get; init; } = true;
    /// <summary>Whether the run draws the PNG figures.</summary>
    public bool Plots { get; init; } = true;
    /// <summary>Whether the run writes the Parquet copies of its records and tables.</summary>
    public bool Parquet { get; init; } = true;
    /// <summary>How many replicates' monthly paths the run writes (<c>--trajectories</c>); null for none.</summary>
    public long? ReplicateTrajectories { get; init; }
    /// <summary>Which of an experiment's shards the folder holds (<c>ucgsim run --shard</c>); null for a whole run.</summary>
    public ManifestShard? Shard { get; init; }
    /// <summary>The shard folders a <c>ucgsim merge</c> added up into this one; empty for a run.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];
    /// <summary>How far the run had got at its last checkpoint; what <c>ucgsim resume</c> starts from.</summary>
    public ManifestCheckpoint? Checkpoint { get; init; }
    public required IReadOnlyList<string> ConfigurationFiles { get; init; }
    /// <summary>The configuration warnings printed before the run: levers that could not act in a scenario they ran with.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    public string OperatingSystem { get; init; } = RuntimeInformation.OSDescription;
    public string DotNetVersion { get; init; } = RuntimeInformation.FrameworkDescription;

    /// <summary>Describes a run of <paramref name="experiment"/> by <paramref name="program"/>.</summary>
    public static RunManifest For(
        Experiment experiment, int threads, SimulationEngine engine, Assembly program, SourceRevision revision,
        IReadOnlyList<string> configurationFiles, IReadOnlyList<string> warnings, DateTimeOffset started, DateTimeOffset? ended,
        bool completed) => new()
    {
        ExperimentName = experiment.Name,
        Seed = experiment.Seed,
        Replicates = experiment.Replicates,
        Horizon = experiment.Horizon,
        Threads = threads,
        Engine = engine.ToString().ToLowerInvariant(),
        ProgramVersion = ProgramVersionOf(program),
        SourceRevision = revision.Commit,
        SourceTreeDirty = revision.Dirty,
        FirstReplicate = experiment.FirstReplicate,
        StartedUtc = started.ToUniversalTime(),
        EndedUtc = ended?.ToUniversalTime(),
        IsCompleted = completed,
        State = ended is null ? Running : completed ? Completed : Interrupted,
        ConfigurationFiles = configurationFiles,
        Warnings = warnings,
    };

    /// <summary>The version a manifest records for <paramref name="program"/>: its informational version, with the commit it was built from.</summary>
    public static string ProgramVersionOf(Assembly program) =>
        program.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? program.GetName().Version?.ToString()
        ?? Results.SourceRevision.Unknown;

    /// <summary>The text of manifest.json, also embedded in report.html.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public void Write(string path) => AtomicFile.Replace(path, stream => stream.Write(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>Reads the manifest of a results folder.</summary>
    /// <exception cref="InvalidDataException">The file is not a manifest this version wrote.</exception>
    public static RunManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} holds null, not a manifest.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a manifest ucgsim can read: {e.Message}");
        }
    }
}

/// <summary>A run's last checkpoint as the manifest says it, for people and scripts; the checkpoint file is what resumes.</summary>
public sealed record ManifestCheckpoint
{
    public required DateTimeOffset WrittenUtc { get; init; }
    public required long BlocksDone { get; init; }
    /// <summary>Replicates done under every variant, per scenario.</summary>
    public required IReadOnlyList<ManifestRange> ReplicatesFinished { get; init; }
    /// <summary>Length of replicates.msgpack at the checkpoint; what follows it is cut off on resume. Null without records.</summary>
    public long? RecordsBytes { get; init; }
    public long? RecordsCount { get; init; }
    /// <summary>"xxhash64:" and the hash of the records file's first <see cref="RecordsBytes"/> bytes, in hexadecimal.</summary>
    public string? RecordsChecksum { get; init; }

    public static ManifestCheckpoint Of(RunState state, RecordsCheckpoint? records, DateTimeOffset written) => new()
    {
        WrittenUtc = written.ToUniversalTime(),
        BlocksDone = state.BlocksDone,
        ReplicatesFinished = [.. state.Finished().Select(range => new ManifestRange(
            state.Experiment.Scenarios[range.Scenario].Name, range.First, range.First + range.Replicates - 1))],
        RecordsBytes = records?.Bytes,
        RecordsCount = records?.Records,
        RecordsChecksum = records is { } r ? $"xxhash64:{r.Checksum:x16}" : null,
    };
}

/// <summary>The <see cref="Index"/>-th (from 1) of <see cref="Count"/> shards of an experiment's replicates.</summary>
public sealed record ManifestShard(int Index, int Count);

/// <summary>Replicates <see cref="First"/> to <see cref="Last"/> (both included) of a scenario.</summary>
public sealed record ManifestRange(string Scenario, long First, long Last);
