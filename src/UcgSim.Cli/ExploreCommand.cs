using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Exploration.Runs;
using UcgSim.Results;

namespace UcgSim.Cli;

// The choices of ucgsim explore beyond the experiment file; a null override keeps the file's value.
internal sealed record ExploreOptions
{
    public long? Replicates { get; init; }
    public ulong? Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string OutputRoot { get; init; } = "results";
    public Shard Split { get; init; } = Shard.Whole;
    public bool Plots { get; init; } = true;
    public bool Analysis { get; init; } = true;
    public bool WarningsAsErrors { get; init; }

    public string? Problem()
    {
        if (Threads < 1) return $"--threads must be at least 1 (got {Threads}).";
        if (Replicates < 1) return $"--replicates must be at least 1 (got {Replicates}).";
        return null;
    }

    // "--points i/k": the i-th of k parts, 1 <= i <= k; null, with the fix said, when the text is not that.
    public static Shard? ParseSplit(string text, out string? problem)
    {
        var split = Shard.Parse(text);
        problem = split is null
            ? $"--points expects PART/PARTS with 1 <= PART <= PARTS, such as 2/4 for the second quarter of the design's points, not '{text}'."
            : null;
        return split;
    }
}

// ucgsim explore (and ucgsim run on a file with a design): runs every design point of the loaded experiment as an
// experiment under the same seed, streams one row per point to points.csv, then analyses the whole design.
internal static class ExploreCommand
{
    // Every behavioural parameter and scenario condition of the generic scenario, ranked by influence.
    public const string DefaultExperimentPath = "configs/experiments/sensitivity.yaml";

    public static int Execute(LoadedExperiment loaded, ExploreOptions options, Terminal terminal, CancellationToken cancellation)
    {
        if (options.Problem() is { } badOption)
        {
            terminal.Error.WriteLine($"ucgsim: {badOption}");
            return ExitCodes.UsageError;
        }
        if (loaded.Exploration is not { } plan)
        {
            terminal.Error.WriteLine(
                $"ucgsim: {loaded.SourcePath} has no 'uncertainties:' and 'design:' sections, so there is nothing to explore. Run it with 'ucgsim run', or add the sections (README, 'Exploratory experiments').");
            return ExitCodes.UsageError;
        }
        var experiment = loaded.Experiment with
        {
            Replicates = options.Replicates ?? loaded.Experiment.Replicates,
            Seed = options.Seed ?? loaded.Experiment.Seed,
        };
        if (RunCommand.Problem(experiment) is { } badExperiment)
        {
            terminal.Error.WriteLine($"ucgsim: experiment \"{experiment.Name}\" {badExperiment}");
            return ExitCodes.UsageError;
        }
        var runOptions = new RunOptions { Threads = options.Threads, WarningsAsErrors = options.WarningsAsErrors };
        var warnings = loaded.Warnings();
        if (!RunCommand.Warn(warnings, runOptions, terminal)) return ExitCodes.UsageError;

        // The design's seed is written out, so that the resolved file rebuilds the same points whatever seed it is run with.
        plan = plan with { Design = plan.Design with { Seed = plan.Design.Seed ?? experiment.Seed } };
        var design = plan.CreateDesign(experiment);
        if (options.Split.PointsProblem(design.Count) is { } badSplit)
        {
            terminal.Error.WriteLine($"ucgsim: {badSplit}");
            return ExitCodes.UsageError;
        }
        var (first, end) = options.Split.Range(design.Count);
        string suffix = options.Split == Shard.Whole ? "" : $"-part{options.Split.Index}of{options.Split.Count}";
        if (RunCommand.CreateResultsFolder(options.OutputRoot, experiment.Name + suffix, terminal) is not { } folder)
            return ExitCodes.UsageError;
        folder.WriteResolvedExperiment(ExplorationWriter.Write(ConfigurationWriter.Write(experiment), plan));
        long perPoint = experiment.Replicates * experiment.Scenarios.Count * experiment.Variants.Count;
        string part = options.Split == Shard.Whole ? ""
            : string.Create(CultureInfo.InvariantCulture, $", part {options.Split.Index} of {options.Split.Count}: points {first:N0} to {end - 1:N0}");
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exploring \"{experiment.Name}\": {YamlSpelling.Value(plan.Design.Kind)} design of {design.Count:N0} points over {plan.Uncertainties.Count} uncertain inputs{part}; each point {experiment.Scenarios.Count} scenario(s) x {experiment.Variants.Count} variant(s) x {experiment.Replicates:N0} replicates (the same for every point), seed {experiment.Seed}, {options.Threads} thread(s)."));

        var started = DateTimeOffset.UtcNow;
        var progress = new RunProgressLine(terminal);
        var scaled = new Progress(progress, perPoint);
        using (var points = new DesignPointsCsv(Path.Combine(folder.Path, DesignPointsCsv.FileName), [.. plan.Inputs.Select(input => input.Name)], experiment))
        {
            try
            {
                DesignRunner.Run(design, values => plan.At(experiment, values), options.Split, options.Threads,
                    result => points.Write(result.Index, result.Values, result.Summary), scaled, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                progress.Finish("Stopped after");
                RunCommand.WriteManifest(folder, experiment, loaded.FilesRead, [.. warnings], runOptions, started, completed: false);
                terminal.Error.WriteLine($"Interrupted. Kept in {folder.Path}: the resolved experiment, the manifest and {DesignPointsCsv.FileName} with every point finished; no analysis.");
                return ExitCodes.Interrupted;
            }
        }
        progress.Finish("Ran");
        RunCommand.WriteManifest(folder, experiment, loaded.FilesRead, [.. warnings], runOptions, started, completed: true);
        terminal.Output.WriteLine($"Results: {folder.Path}");
        if (options.Split != Shard.Whole)
        {
            terminal.Output.WriteLine($"This is part {options.Split.Index} of {options.Split.Count}; once every part has run, analyse them together: ucgsim analyze <folder of each part>.");
            return ExitCodes.Success;
        }
        return options.Analysis
            ? AnalyzeCommand.Execute([folder.Path], new AnalyzeOptions { Plots = options.Plots }, terminal)
            : ExitCodes.Success;
    }

    // Progress in replicates, as every other command counts it, from progress in points.
    private sealed class Progress(IProgress<RunProgress> inner, long replicatesPerPoint) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) =>
            inner.Report(new RunProgress(value.ReplicatesDone * replicatesPerPoint, value.ReplicatesTotal * replicatesPerPoint));
    }
}
