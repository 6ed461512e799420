using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// The choices of ucgsim run beyond the experiment file; a null override keeps the file's value.
internal sealed record RunOptions
{
    public const long MaxReplicateTrajectories = 10_000;

    public long? Replicates { get; init; }
    public long? FirstReplicate { get; init; }
    public ulong? Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public SimulationEngine Engine { get; init; } = SimulationEngine.Kernel;
    public int? Horizon { get; init; }
    public string OutputRoot { get; init; } = "results";
    public bool Plots { get; init; } = true;
    public bool Records { get; init; } = true;
    public bool Parquet { get; init; } = true;
    public long? ReplicateTrajectories { get; init; }
    public bool WarningsAsErrors { get; init; }
    // The most time a killed run can lose: how often the committed state is saved.
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);
    // Run only this part of the experiment's replicates; null for all of them.
    public Shard? Shard { get; init; }
    public bool IgnoreDiskSpace { get; init; }

    /// <summary>The experiment with the values these options give in place of the file's.</summary>
    public Experiment ApplyTo(Experiment experiment) => experiment with
    {
        Replicates = Replicates ?? experiment.Replicates,
        FirstReplicate = FirstReplicate ?? experiment.FirstReplicate,
        Seed = Seed ?? experiment.Seed,
        Horizon = Horizon ?? experiment.Horizon,
    };

    // The first value the run cannot go ahead with, said as the fix; null when all are usable.
    public string? Problem()
    {
        if (Threads < 1) return $"--threads must be at least 1 (got {Threads}).";
        if (CheckpointInterval < TimeSpan.Zero) return $"--checkpoint-every must be 0 seconds or more (got {CheckpointInterval.TotalSeconds}).";
        if (Replicates < 1) return $"--replicates must be at least 1 (got {Replicates}).";
        if (FirstReplicate < 0) return $"--first-replicate must be 0 or more (got {FirstReplicate}).";
        if (Horizon is < 1 or > Experiment.MaxHorizon)
            return $"--horizon must be between 1 and {Experiment.MaxHorizon} months (got {Horizon}).";
        if (ReplicateTrajectories is < 1 or > MaxReplicateTrajectories)
            return string.Create(CultureInfo.InvariantCulture,
                $"--trajectories must be between 1 and {MaxReplicateTrajectories:N0} replicates (got {ReplicateTrajectories}); each writes about 20 KB per variant and scenario. For outcomes and event months of every replicate, read replicates.parquet.");
        return null;
    }
}

// ucgsim run from the loaded experiment on: kept apart from the command-line wiring so that tests can run an
// experiment built in code, without configuration files.
internal static class RunCommand
{
    public static int Execute(
        Experiment experiment, IReadOnlyList<string> configurationFiles, IReadOnlyList<ConfigurationWarning> warnings,
        RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        if (options.Problem() is { } badOption)
        {
            terminal.Error.WriteLine($"ucgsim: {badOption}");
            return ExitCodes.UsageError;
        }
        experiment = options.ApplyTo(experiment);
        if (Problem(experiment) is { } badExperiment)
        {
            terminal.Error.WriteLine($"ucgsim: experiment \"{experiment.Name}\" {badExperiment}");
            return ExitCodes.UsageError;
        }
        if (options.Shard?.Problem(experiment) is { } badShard)
        {
            terminal.Error.WriteLine($"ucgsim: {badShard}");
            return ExitCodes.UsageError;
        }
        // The replicates this folder will hold: a shard's, or all of them.
        var part = options.Shard?.Of(experiment) ?? experiment;
        // A shard writes the paths of its own first replicates, so it must hold as many.
        long held = part.Replicates;
        if (options.ReplicateTrajectories > held)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ucgsim: --trajectories {options.ReplicateTrajectories} asks for more replicates than the {(options.Shard is null ? "run" : "shard")} has ({held:N0}); give at most {held}."));
            return ExitCodes.UsageError;
        }
        if (!Warn(warnings, options, terminal)) return ExitCodes.UsageError;
        if (!options.IgnoreDiskSpace && DiskSpace.Problem(part, options) is { } tooBig)
        {
            terminal.Error.WriteLine($"ucgsim: {tooBig}");
            return ExitCodes.UsageError;
        }

        if (CreateResultsFolder(options.OutputRoot, experiment.Name, terminal) is not { } folder) return ExitCodes.UsageError;
        // Written before the run so that an interrupted run still says what it was running.
        folder.WriteResolvedExperiment(ConfigurationWriter.Write(experiment));
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Running \"{experiment.Name}\": {experiment.Scenarios.Count} scenario(s) x {experiment.Variants.Count} variant(s) x {experiment.Replicates:N0} replicates, {experiment.Horizon}-month horizon, seed {experiment.Seed}, {options.Threads} thread(s), {options.Engine.ToString().ToLowerInvariant()} engine."));

        // The resolved experiment is the whole one, the same in every shard's folder; the manifest and the records say
        // which replicates this folder holds.
        if (options.Shard is { } shard)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Shard {shard}: replicates {part.FirstReplicate:N0} to {part.FirstReplicate + part.Replicates - 1:N0}."));
        }
        var records = options.Records ? new ReplicateRecordFile(folder.RecordsPath, part) : null;
        var manifest = ManifestFor(part, configurationFiles, warnings, options, DateTimeOffset.UtcNow, ended: null, completed: false)
            with { Shard = options.Shard is { } s ? new ManifestShard(s.Index, s.Count) : null };
        var journal = new RunJournal(folder, manifest, records, options.CheckpointInterval);
        journal.Begin(new RunState(0, new ExperimentSummary(part)));
        return RunToEnd(part, folder, journal, records, resumeFrom: null, options, terminal, cancellation);
    }

    // Runs the experiment from resumeFrom (or its start) to its end, checkpointing as it goes, and writes the results;
    // interrupted, it saves the state reached and says how to finish. Shared by run and resume, so that a resumed run
    // ends exactly as one never stopped.
    internal static int RunToEnd(
        Experiment experiment, ResultsFolder folder, RunJournal journal, ReplicateRecordFile? records, RunState? resumeFrom,
        RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var progress = new RunProgressLine(terminal, doneBefore: resumeFrom?.ReplicateRunsDone ?? 0);
        ExperimentSummary summary;
        RunManifest manifest;
        try
        {
            summary = ExperimentRunner.Run(experiment, options.Threads, records, progress, cancellation, options.Engine, journal, resumeFrom);
            records?.Complete();
            manifest = journal.End(completed: true);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            progress.Finish("Stopped after");
            journal.End(completed: false);
            journal.WriteManifest();
            terminal.Error.WriteLine(
                $"Interrupted. Kept in {folder.Path}: the resolved experiment, the manifest and the checkpoint of every replicate done"
                + (records is null ? "" : ", with their records") + $"; no summary or plots yet. Finish the run with: ucgsim resume {folder.Path}");
            return ExitCodes.Interrupted;
        }
        finally
        {
            records?.Dispose();
        }
        progress.Finish("Ran");
        WriteResults(folder, summary, manifest, terminal);
        journal.WriteManifest();
        return ExitCodes.Success;
    }

    // The files made from a finished run's summary, and its table on the output. The manifest is written after, by the
    // caller, so that a folder whose manifest says "completed" holds all of them.
    // The manifest says which of them the run asked for (figures, Parquet copies, single replicates' paths), so that a
    // resumed or merged run writes what the first run would have.
    internal static void WriteResults(ResultsFolder folder, ExperimentSummary summary, RunManifest manifest, Terminal terminal)
    {
        SummaryCsv.Write(folder.SummaryPath, summary);
        TrajectoriesCsv.Write(folder.TrajectoriesPath, summary);
        var experiment = summary.Experiment;
        if (manifest.Parquet)
        {
            ParquetFiles.WriteSummary(folder.Path, summary);
            ParquetFiles.WriteTrajectories(folder.Path, summary);
            if (manifest.Records)
            {
                terminal.Error.WriteLine($"Copying the records into {ParquetFiles.RecordsFileName} (--no-parquet skips the Parquet copies).");
                ParquetFiles.WriteRecords(folder.Path, folder.RecordsPath, experiment);
            }
        }
        if (manifest.ReplicateTrajectories is { } trajectories)
            ReplicateTrajectories.Write(folder.Path, experiment, trajectories, manifest.Parquet);
        var figures = manifest.Plots ? OutcomePlots.WriteAll(summary, folder.Path) : [];
        HtmlReport.Write(folder.ReportPath, summary, figures, File.ReadAllText(folder.ResolvedExperimentPath), manifest.ToJson());
        OutcomeTable.Write(terminal.Output, summary);
        terminal.Output.WriteLine();
        terminal.Output.WriteLine($"Results: {folder.Path}");
    }

    // A new results folder under outputRoot; null, with the fix said, when it cannot be made there.
    internal static ResultsFolder? CreateResultsFolder(string outputRoot, string name, Terminal terminal)
    {
        try
        {
            var folder = ResultsFolder.Create(outputRoot, name, DateTime.Now);
            // Said, so that whoever looks for the results under the experiment's name knows what to look for instead.
            if (ResultsFolder.FileNameFor(name) is var safe && safe != name)
                terminal.Error.WriteLine(
                    $"notice: the results folder is named after '{safe}', not the experiment name '{name}', which holds characters a folder name should not, or is too long for one.");
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.WriteLine(
                $"ucgsim: cannot make a results folder under '{Path.GetFullPath(outputRoot)}': {e.Message} Choose a writable folder with --output.");
            return null;
        }
    }

    // What makes an experiment unrunnable. The configuration loader already refuses these; an experiment built in
    // code, or an override, could still bring one here.
    internal static string? Problem(Experiment experiment)
    {
        if (experiment.Scenarios.Count == 0) return "has no scenarios; add at least one.";
        if (experiment.Variants.Count == 0) return "has no variants; add at least one.";
        if (experiment.Replicates < 1) return $"asks for {experiment.Replicates} replicates; give at least 1.";
        if (experiment.Horizon is < 1 or > Experiment.MaxHorizon)
            return $"has a horizon of {experiment.Horizon} months; it must be between 1 and {Experiment.MaxHorizon}.";
        return null;
    }

    // Says each warning before anything is run or written; false when --warnings-as-errors makes them stop the command.
    internal static bool Warn(IReadOnlyList<ConfigurationWarning> warnings, RunOptions options, Terminal terminal)
    {
        foreach (var warning in warnings) terminal.Error.WriteLine($"warning: {warning.Message}");
        if (warnings.Count == 0 || !options.WarningsAsErrors) return true;
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ucgsim: stopped before running: {warnings.Count} warning(s), and --warnings-as-errors makes each one a mistake. Fix them, or leave out --warnings-as-errors."));
        return false;
    }

    internal static void WriteManifest(
        ResultsFolder folder, Experiment experiment, IReadOnlyList<string> configurationFiles,
        IReadOnlyList<ConfigurationWarning> warnings, RunOptions options, DateTimeOffset started, bool completed) =>
        ManifestFor(experiment, configurationFiles, warnings, options, started, DateTimeOffset.UtcNow, completed).Write(folder.ManifestPath);

    internal static RunManifest ManifestFor(
        Experiment experiment, IReadOnlyList<string> configurationFiles, IReadOnlyList<ConfigurationWarning> warnings,
        RunOptions options, DateTimeOffset started, DateTimeOffset? ended, bool completed)
    {
        string repository = configurationFiles.Count > 0
            ? Path.GetDirectoryName(Path.GetFullPath(configurationFiles[0]))!
            : Environment.CurrentDirectory;
        return RunManifest.For(experiment, options.Threads, options.Engine, typeof(RunCommand).Assembly, SourceRevision.Detect(repository),
                configurationFiles, [.. warnings.Select(warning => warning.Message)], started, ended, completed)
            with { Records = options.Records, Plots = options.Plots, Parquet = options.Parquet, ReplicateTrajectories = options.ReplicateTrajectories };
    }
}
