using System.CommandLine;
using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim merge: the folders of an experiment's shards added up into the folder one run would have made. Tallies are
// integer counts and records are copied in the order a single run writes them, so the summary, trajectories, figures,
// records and checkpoint are those of a single run byte for byte (the manifest says it was merged, and from what).
internal static class MergeCommand
{
    public static Command Build(UcgSimCommandLine.Guard guard)
    {
        var folders = new Argument<string[]>("shard-folders")
        {
            Description = "The results folders of the shards (ucgsim run --shard i/k), each completed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which the merged results folder is made.",
            DefaultValueFactory = _ => new RunOptions().OutputRoot,
        };
        var ignoreDiskSpace = new Option<bool>("--ignore-disk-space")
        {
            Description = "Merge even where the output folder's disk seems too small for the merged records.",
        };
        var command = new Command("merge",
            "Add up the shards of one experiment (same experiment and program, every replicate exactly once) into the results of a single run.")
        {
            folders, output, ignoreDiskSpace,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
            Execute(parsed.GetValue(folders)!, parsed.GetValue(output)!, guard.Terminal, parsed.GetValue(ignoreDiskSpace))));
        return command;
    }

    private sealed record ShardFolder(ResultsFolder Folder, RunManifest Manifest, string ResolvedExperiment);

    public static int Execute(IReadOnlyList<string> paths, string outputRoot, Terminal terminal, bool ignoreDiskSpace = false)
    {
        var shards = new List<ShardFolder>();
        try
        {
            foreach (string path in paths)
            {
                var folder = ResultsFolder.Existing(path);
                if (!File.Exists(folder.ManifestPath) || !File.Exists(folder.ResolvedExperimentPath))
                    return Refuse(terminal, $"{folder.Path} is not a results folder: it has no {ResultsFolder.ManifestFileName} or {ResultsFolder.ResolvedExperimentFileName}.");
                var shardManifest = RunManifest.Read(folder.ManifestPath);
                if (shardManifest.State != RunManifest.Completed)
                    return Refuse(terminal, $"{folder.Path} holds a run that is {shardManifest.State}, not completed: finish it first with: ucgsim resume {folder.Path}");
                shards.Add(new ShardFolder(folder, shardManifest, File.ReadAllText(folder.ResolvedExperimentPath)));
            }
            if (Mismatch(shards) is { } mismatch) return Refuse(terminal, mismatch);

            var whole = ExperimentFile.Load(shards[0].Folder.ResolvedExperimentPath).Experiment;
            shards.Sort((a, b) => a.Manifest.FirstReplicate.CompareTo(b.Manifest.FirstReplicate));
            if (CoverageProblem(whole, shards) is { } coverage) return Refuse(terminal, coverage);

            var parts = shards.Select(shard => whole with { FirstReplicate = shard.Manifest.FirstReplicate, Replicates = shard.Manifest.Replicates }).ToList();
            var summary = new ExperimentSummary(whole);
            for (int i = 0; i < shards.Count; i++)
            {
                var state = CheckpointFile.Read(shards[i].Folder.CheckpointPath, parts[i]).State;
                if (!state.Complete)
                    return Refuse(terminal, $"{shards[i].Folder.Path} says it completed, but its checkpoint holds {state.BlocksDone} of {RunState.TotalBlocks(parts[i])} blocks: resume it or run the shard again.");
                for (int s = 0; s < whole.Scenarios.Count; s++)
                    for (int v = 0; v < whole.Variants.Count; v++) summary.Tally(s, v).Merge(state.Summary.Tally(s, v));
            }

            bool records = shards.All(shard => shard.Manifest.Records);
            bool parquet = shards.All(shard => shard.Manifest.Parquet);
            // The merged records are a copy of every shard's, so a cluster's scratch disk may not hold them twice.
            long recordsBytes = records ? shards.Sum(shard => new FileInfo(shard.Folder.RecordsPath).Length) : 0;
            if (!ignoreDiskSpace && DiskSpace.MergeProblem(whole, recordsBytes, parquet, shards[0].Manifest.ReplicateTrajectories, outputRoot) is { } tooBig)
                return Refuse(terminal, tooBig);

            if (RunCommand.CreateResultsFolder(outputRoot, whole.Name, terminal) is not { } merged) return ExitCodes.UsageError;
            File.Copy(shards[0].Folder.ResolvedExperimentPath, merged.ResolvedExperimentPath);
            var recordsCheckpoint = records
                ? ReplicateRecordMerge.Write(merged.RecordsPath, whole, shards.Select((shard, i) => (shard.Folder.RecordsPath, parts[i])).ToList())
                : (RecordsCheckpoint?)null;
            var done = new RunState(RunState.TotalBlocks(whole), summary);
            CheckpointFile.Write(merged.CheckpointPath, done, recordsCheckpoint);
            var now = DateTimeOffset.UtcNow;
            var manifest = shards[0].Manifest with
            {
                Replicates = whole.Replicates,
                FirstReplicate = whole.FirstReplicate,
                Shard = null,
                MergedFrom = [.. shards.Select(shard => shard.Folder.Path)],
                StartedUtc = now,
                EndedUtc = now,
                ResumedUtc = [],
                State = RunManifest.Completed,
                IsCompleted = true,
                Records = records,
                Plots = shards.All(shard => shard.Manifest.Plots),
                Parquet = parquet,
                // Single replicates' paths are those of the whole run's first replicates, which the first shard holds.
                ReplicateTrajectories = shards[0].Manifest.ReplicateTrajectories,
                Checkpoint = ManifestCheckpoint.Of(done, recordsCheckpoint, now),
            };
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Merged {shards.Count} shard(s) of \"{whole.Name}\": replicates {whole.FirstReplicate:N0} to {whole.FirstReplicate + whole.Replicates - 1:N0}")
                + (records ? ", with their records." : "; not every shard wrote records, so the merged folder has none."));
            RunCommand.WriteResults(merged, summary, manifest, terminal);
            manifest.Write(merged.ManifestPath);
            return ExitCodes.Success;
        }
        catch (InvalidDataException damage)
        {
            return Refuse(terminal, damage.Message);
        }
        catch (DamagedRecordsException damage)
        {
            return Refuse(terminal, damage.Message);
        }
    }

    // Why the folders are not shards of one experiment run by one program; null when they are.
    private static string? Mismatch(IReadOnlyList<ShardFolder> shards)
    {
        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            if (other.ResolvedExperiment != first.ResolvedExperiment)
                return $"{other.Folder.Path} ran another experiment than {first.Folder.Path}: their {ResultsFolder.ResolvedExperimentFileName} differ. Merge only the shards of one experiment.";
            if ((other.Manifest.ProgramVersion, other.Manifest.SourceRevision) != (first.Manifest.ProgramVersion, first.Manifest.SourceRevision))
                return $"{other.Folder.Path} was run by ucgsim {other.Manifest.ProgramVersion} (revision {other.Manifest.SourceRevision}), {first.Folder.Path} by ucgsim {first.Manifest.ProgramVersion} (revision {first.Manifest.SourceRevision}): shards add up to one run only when one program ran them all.";
        }
        return null;
    }

    // Whether the shards, sorted by first replicate, hold every replicate of the experiment exactly once.
    private static string? CoverageProblem(Experiment whole, IReadOnlyList<ShardFolder> shards)
    {
        long next = whole.FirstReplicate, end = whole.FirstReplicate + whole.Replicates;
        ShardFolder? previous = null;
        foreach (var shard in shards)
        {
            long first = shard.Manifest.FirstReplicate, last = first + shard.Manifest.Replicates - 1;
            if (first > next)
                return string.Create(CultureInfo.InvariantCulture, $"replicates {next:N0} to {first - 1:N0} are in none of the folders: run the missing shard and merge it too.");
            if (first < next)
                return string.Create(CultureInfo.InvariantCulture,
                    $"replicates {first:N0} to {Math.Min(next, last + 1) - 1:N0} are in both {previous?.Folder.Path ?? "the experiment's start"} and {shard.Folder.Path}: give each shard once.");
            next = last + 1;
            previous = shard;
        }
        if (next < end)
            return string.Create(CultureInfo.InvariantCulture, $"replicates {next:N0} to {end - 1:N0} are in none of the folders: run the missing shard and merge it too.");
        if (next > end)
            return string.Create(CultureInfo.InvariantCulture, $"{previous!.Folder.Path} holds replicates up to {next - 1:N0}, beyond the experiment's last, {end - 1:N0}.");
        return null;
    }

    private static int Refuse(Terminal terminal, string why)
    {
        terminal.Error.WriteLine($"ucgsim: cannot merge: {why}");
        return ExitCodes.UsageError;
    }
}
