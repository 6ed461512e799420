using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// Keeps a run's folder telling the truth from its first second to its end: the manifest says the run is running, and at
// most every checkpoint interval the committed state goes to disk — records flushed to the disk first, then the
// checkpoint file (tallies with the records' length, count and checksum), then the manifest, each replaced atomically —
// so that whatever kills the process, 'ucgsim resume' finds a consistent checkpoint to go on from.
internal sealed class RunJournal(ResultsFolder folder, RunManifest manifest, ReplicateRecordFile? records, TimeSpan interval)
    : IRunCheckpointSink
{
    private readonly TimeProvider _clock = TimeProvider.System;
    private RunManifest _manifest = manifest;
    private RunState? _latest;
    private DateTimeOffset _saved;

    /// <summary>Saves the state the run starts from (nothing, or the checkpoint it resumes) and a manifest saying it runs.</summary>
    public void Begin(RunState state)
    {
        _latest = state;
        Save();
    }

    public void Commit(RunState state)
    {
        _latest = state;
        if (_clock.GetUtcNow() - _saved >= interval) Save();
    }

    /// <summary>Saves the last state committed and says in the manifest how the run ended; returns the manifest written.</summary>
    public RunManifest End(bool completed)
    {
        Save();
        _manifest = _manifest with
        {
            State = completed ? RunManifest.Completed : RunManifest.Interrupted,
            IsCompleted = completed,
            EndedUtc = _clock.GetUtcNow(),
        };
        return _manifest;
    }

    /// <summary>Writes the manifest as <see cref="End"/> left it; called after the report that embeds it, so that "completed" comes last.</summary>
    public void WriteManifest() => _manifest.Write(folder.ManifestPath);

    private void Save()
    {
        if (_latest is null) return;
        records?.FlushToDisk();
        var recordsCheckpoint = records?.Checkpoint;
        CheckpointFile.Write(folder.CheckpointPath, _latest, recordsCheckpoint);
        _saved = _clock.GetUtcNow();
        _manifest = _manifest with { Checkpoint = ManifestCheckpoint.Of(_latest, recordsCheckpoint, _saved) };
        _manifest.Write(folder.ManifestPath);
    }
}
