using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim validate from the loaded experiment on: each case scenario under its as-happened variant, judged against the
// history its scenario file declares and, for a scenario standing for a class of coups, the coup datasets' base rates.
// Takes the replicates, seed, threads, output folder and plots of RunOptions; the horizon stays the file's, since the
// targets' months were checked against it.
internal static class ValidateCommand
{
    public const string DefaultExperimentPath = "configs/experiments/validation.yaml";

    public static int Execute(
        LoadedExperiment loaded, string? dataFolder, RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        if (options.Problem() is { } badOption)
        {
            terminal.Error.WriteLine($"ucgsim: {badOption}");
            return ExitCodes.UsageError;
        }
        var experiment = loaded.Experiment with
        {
            Replicates = options.Replicates ?? loaded.Experiment.Replicates,
            Seed = options.Seed ?? loaded.Experiment.Seed,
        };
        if (experiment.Variants.Count != experiment.Scenarios.Count)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ucgsim: validate pairs scenario i with variant i, each case under its policy as it happened, but {loaded.SourcePath} lists {experiment.Scenarios.Count} scenario(s) and {experiment.Variants.Count} variant(s). List one variant per scenario, in the same order, as {DefaultExperimentPath} does."));
            return ExitCodes.UsageError;
        }
        if (loaded.CaseHistories.All(history => history.IsEmpty))
        {
            terminal.Error.WriteLine(
                $"ucgsim: no scenario of {loaded.SourcePath} declares an 'observed:' history, so there is nothing to validate. Add one to a case scenario file, as configs/scenarios/mali-2021.yaml does.");
            return ExitCodes.UsageError;
        }
        foreach (var history in loaded.CaseHistories) history.RequireWithin(experiment.Horizon);
        var warnings = loaded.WarningsFor(Enumerable.Range(0, experiment.Scenarios.Count).Select(i => (i, i)));
        if (!RunCommand.Warn(warnings, options, terminal)) return ExitCodes.UsageError;

        if (Targets(loaded, dataFolder, "validate", terminal) is not { } targets) return ExitCodes.UsageError;

        if (RunCommand.CreateResultsFolder(options.OutputRoot, experiment.Name, terminal) is not { } folder) return ExitCodes.UsageError;
        folder.WriteResolvedExperiment(ConfigurationWriter.Write(experiment));
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Validating \"{experiment.Name}\": {experiment.Scenarios.Count} case(s), scenario i under variant i, {experiment.Replicates:N0} replicates each, {experiment.Horizon}-month horizon, seed {experiment.Seed}, {options.Threads} thread(s)."));

        var started = DateTimeOffset.UtcNow;
        var progress = new RunProgressLine(terminal);
        IReadOnlyList<CaseVerdict> verdicts;
        try
        {
            verdicts = CaseValidation.Run(experiment, targets, options.Threads, progress, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            progress.Finish("Stopped after");
            RunCommand.WriteManifest(folder, experiment, loaded.FilesRead, warnings, options, started, completed: false);
            terminal.Error.WriteLine($"Interrupted. Kept in {folder.Path}: the resolved experiment and the manifest; no verdict.");
            return ExitCodes.Interrupted;
        }
        progress.Finish("Ran");
        RunCommand.WriteManifest(folder, experiment, loaded.FilesRead, warnings, options, started, completed: true);

        if (options.Plots) ValidationPlots.WriteAll(verdicts, folder.Path);
        ValidationTable.Write(terminal.Output, experiment, verdicts);
        terminal.Output.WriteLine();
        terminal.Output.WriteLine($"Results: {folder.Path}");
        return verdicts.All(verdict => verdict.Passed) ? ExitCodes.Success : ExitCodes.TargetMissed;
    }

    // Each case's observed history and, where its scenario declares them, the base rates of the coup datasets (from the
    // coups up to dataUntil, when given, as a forecaster at the end of that year saw them); null, with the fix said, when
    // base rates are declared and no datasets are found.
    internal static IReadOnlyList<CaseTargets>? Targets(
        LoadedExperiment loaded, string? dataFolder, string commandName, Terminal terminal, int? dataUntil = null)
    {
        if (!loaded.CaseHistories.Any(history => history.DeclaresBaseRates))
            return [.. loaded.CaseHistories.Select(history => history.Targets([]))];
        if (dataFolder is null)
        {
            terminal.Error.WriteLine(
                $"ucgsim: a scenario declares base rates ('recurrence:'), but there is no shared/data folder with {BaseRatesCommand.PowellThyneFile} above {Environment.CurrentDirectory}. Name one: ucgsim {commandName} --data <folder>.");
            return null;
        }
        var powellThyne = CoupDatasets.LoadPowellThyne(Path.Combine(dataFolder, BaseRatesCommand.PowellThyneFile));
        var targets = TargetsUntil(loaded, powellThyne, dataUntil);
        if (targets is null && dataUntil is null)
        {
            terminal.Error.WriteLine($"ucgsim: {Path.Combine(dataFolder, BaseRatesCommand.PowellThyneFile)} holds no coup, so the base rates the scenarios declare cannot be computed. Restore the file from shared/data.");
            return null;
        }
        if (targets is null && dataUntil is { } until)
        {
            // The first year whose data give every base rate a coup, found rather than assumed, so that any scenario's
            // windows are judged.
            int? first = Enumerable.Range(until + 1, Math.Max(0, powellThyne.Max(coup => coup.Year) - until))
                .Select(year => (int?)year).FirstOrDefault(year => TargetsUntil(loaded, powellThyne, year) is not null);
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ucgsim: --data-until {until} leaves a base rate with no successful coup whose whole window closes by then, so there is nothing to fit it to. ")
                + (first is { } year ? $"Give {year} or later." : "No year of the data closes every window; leave out --data-until."));
            return null;
        }
        return targets;
    }

    // The targets with base rates from the coups up to a year (all of them for null); null when a base rate would count no coup.
    private static IReadOnlyList<CaseTargets>? TargetsUntil(LoadedExperiment loaded, IReadOnlyList<CoupEvent> powellThyne, int? year)
    {
        IReadOnlyList<CoupEvent> known = year is null ? powellThyne : [.. powellThyne.Where(coup => coup.Year <= year)];
        if (known.Count == 0) return null;
        IReadOnlyList<CaseTargets> targets = [.. loaded.CaseHistories.Select(history => history.Targets(known))];
        return year is not null && targets.Any(target => target.BaseRates.Any(rate => rate.Observed.Total == 0)) ? null : targets;
    }
}
