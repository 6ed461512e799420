using System.CommandLine;
using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim resume: finishes a run that was stopped, whatever stopped it (Ctrl+C, SIGTERM, SIGKILL, a lost node), from its
// last checkpoint. The records after the checkpoint are cut off and run again, so the folder ends byte for byte as an
// uninterrupted run's would (manifest.json and the manifest inside report.html aside: they say when it ran and resumed).
internal static class ResumeCommand
{
    public static Command Build(UcgSimCommandLine.Guard guard)
    {
        var folder = new Argument<string>("run-folder") { Description = "The results folder of the stopped run." };
        var threads = UcgSimCommandLine.WholeNumberOption<int>("--threads", "-t",
            $"Threads to run on (default: all {Environment.ProcessorCount} cores); results do not depend on it.");
        var checkpointEvery = UcgSimCommandLine.CheckpointEveryOption();
        var ignoreDiskSpace = new Option<bool>("--ignore-disk-space")
        {
            Description = "Resume even where the folder's disk seems too small for the rest of the run.",
        };
        var command = new Command("resume", "Finish a stopped run from its last checkpoint; the results are those of a run never stopped.")
        {
            folder, threads, checkpointEvery, ignoreDiskSpace,
        };
        command.SetAction(parsed => guard.Run(parsed, () => UcgSimCommandLine.UntilInterrupted(cancellation => Execute(
            parsed.GetValue(folder)!, parsed.GetValue(threads) ?? Environment.ProcessorCount,
            TimeSpan.FromSeconds(parsed.GetValue(checkpointEvery)), guard.Terminal, cancellation, parsed.GetValue(ignoreDiskSpace)))));
        return command;
    }

    public static int Execute(string path, int threads, TimeSpan checkpointInterval, Terminal terminal, CancellationToken cancellation,
        bool ignoreDiskSpace = false)
    {
        if (threads < 1)
        {
            terminal.Error.WriteLine($"ucgsim: --threads must be at least 1 (got {threads}).");
            return ExitCodes.UsageError;
        }
        var folder = ResultsFolder.Existing(path);
        if (!File.Exists(folder.ManifestPath) || !File.Exists(folder.ResolvedExperimentPath))
        {
            terminal.Error.WriteLine(
                $"ucgsim: {folder.Path} is not a results folder: it has no {ResultsFolder.ManifestFileName} or {ResultsFolder.ResolvedExperimentFileName}. Name the folder a run made (ucgsim run prints it).");
            return ExitCodes.UsageError;
        }
        RunManifest manifest;
        SavedCheckpoint checkpoint;
        Experiment experiment;
        try
        {
            manifest = RunManifest.Read(folder.ManifestPath);
            if (manifest.State == RunManifest.Completed)
            {
                terminal.Error.WriteLine($"{folder.Path} holds a completed run: nothing to resume.");
                return ExitCodes.Success;
            }
            if (Refusal(folder, manifest) is { } refusal)
            {
                terminal.Error.WriteLine($"ucgsim: {refusal}");
                return ExitCodes.UsageError;
            }
            experiment = ExperimentFile.Load(folder.ResolvedExperimentPath).Experiment with
            {
                FirstReplicate = manifest.FirstReplicate,
                Replicates = manifest.Replicates,
            };
            checkpoint = CheckpointFile.Read(folder.CheckpointPath, experiment);
        }
        catch (InvalidDataException damage)
        {
            terminal.Error.WriteLine($"ucgsim: cannot resume {folder.Path}: {damage.Message}");
            return ExitCodes.UsageError;
        }
        if (manifest.Records && checkpoint.Records is null)
        {
            terminal.Error.WriteLine($"ucgsim: cannot resume {folder.Path}: its manifest says it writes records, but its checkpoint has none. The folder was changed by hand; run the experiment again.");
            return ExitCodes.UsageError;
        }

        var options = new RunOptions
        {
            Threads = threads,
            Engine = Enum.Parse<SimulationEngine>(manifest.Engine, ignoreCase: true),
            Plots = manifest.Plots,
            Records = manifest.Records,
            CheckpointInterval = checkpointInterval,
        };
        // The disk may have filled since the run began: a run stopped for want of space would stop again.
        long recordsWritten = manifest.Records ? checkpoint.Records!.Value.Bytes : 0;
        if (!ignoreDiskSpace
            && DiskSpace.ResumeProblem(experiment, manifest.Records, manifest.Records && manifest.Parquet, manifest.ReplicateTrajectories,
                recordsWritten, folder.Path) is { } tooBig)
        {
            terminal.Error.WriteLine($"ucgsim: cannot resume {folder.Path}: {tooBig}");
            return ExitCodes.UsageError;
        }
        var state = checkpoint.State;
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Resuming \"{experiment.Name}\" in {folder.Path} from its checkpoint: {state.ReplicateRunsDone:N0} of {experiment.Replicates * experiment.Scenarios.Count * experiment.Variants.Count:N0} replicate runs done; {threads} thread(s)."));
        ReplicateRecordFile? records;
        try
        {
            records = manifest.Records ? ReplicateRecordFile.Reopen(folder.RecordsPath, experiment, checkpoint.Records!.Value) : null;
        }
        catch (DamagedRecordsException damage)
        {
            terminal.Error.WriteLine($"ucgsim: cannot resume {folder.Path}: {damage.Message} Run the experiment again.");
            return ExitCodes.UsageError;
        }
        var journal = new RunJournal(folder, manifest with
        {
            State = RunManifest.Running,
            EndedUtc = null,
            Threads = threads,
            ResumedUtc = [.. manifest.ResumedUtc, DateTimeOffset.UtcNow],
        }, records, checkpointInterval);
        journal.Begin(state);
        return RunCommand.RunToEnd(experiment, folder, journal, records, state, options, terminal, cancellation);
    }

    // Why this program should not resume the run in folder; null when it can.
    private static string? Refusal(ResultsFolder folder, RunManifest manifest)
    {
        string program = RunManifest.ProgramVersionOf(typeof(RunCommand).Assembly);
        if (manifest.ProgramVersion != program)
            return $"{folder.Path} was run by ucgsim {manifest.ProgramVersion}, and this is ucgsim {program}: only the same program finishes it byte for byte. Resume it with ucgsim {manifest.ProgramVersion}.";
        if (!File.Exists(folder.CheckpointPath))
            return $"{folder.Path} has no {ResultsFolder.CheckpointFileName}: the run stopped before its first checkpoint (in its first second). Run the experiment again.";
        return null;
    }
}
