using System.CommandLine;
using UcgSim.Configuration;

namespace UcgSim.Cli;

// ucgsim calibrate: ABC-SMC of behavioural parameters against the validation targets.
internal static partial class UcgSimCommandLine
{
    private static Command BuildCalibrateCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var calibrationFile = new Argument<string?>("calibration-file")
        {
            Description = $"The calibration: its validation experiment, the priors and the ABC-SMC settings. Default: {CalibrateCommand.DefaultCalibrationPath} in this folder or a parent, else the copy beside ucgsim.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores); the posterior does not depend on it.");
        var output = ResultsRootOption("calibration");
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the posterior figure." };
        var data = DataOption();
        var leaveOneOut = new Option<bool>("--leave-one-out")
        {
            Description = "Then, for each case, calibrate again without its targets and judge it under that posterior: how well the model predicts a case it was not fitted to.",
        };
        var dataUntil = WholeNumberOption<int>("--data-until", null,
            "Fit only the base rates computed from the coups up to this year, without the case histories: a calibration a backtest can score on the later coups.");
        var command = new Command("calibrate",
            "Fit behavioural parameters to every target of 'ucgsim validate' (case histories and the coup datasets' base rates) by "
            + "approximate Bayesian computation (ABC-SMC); write the posterior, a calibrated parameters file and a posterior predictive check.")
        {
            calibrationFile, threads, output, noPlots, data, leaveOneOut, dataUntil,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = OutputOptions(parsed, threads, output, noPlots);
            if (Refused(options, terminal)) return ExitCodes.UsageError;
            string? path = parsed.GetValue(calibrationFile)
                           ?? FindDefaultExperiment(Environment.CurrentDirectory, AppContext.BaseDirectory, CalibrateCommand.DefaultCalibrationPath);
            if (path is null)
            {
                terminal.Error.WriteLine(
                    $"ucgsim: no calibration file given, and no {CalibrateCommand.DefaultCalibrationPath} in {Environment.CurrentDirectory}, its parents or beside ucgsim. Name one: ucgsim calibrate <calibration-file>.");
                return ExitCodes.UsageError;
            }
            var calibration = CalibrationFile.Load(path);
            terminal.Error.WriteLine($"Calibration file: {Path.GetFullPath(path)}");
            string? dataFolder = parsed.GetValue(data) ?? BaseRatesCommand.FindDataFolder(Environment.CurrentDirectory);
            return UntilInterrupted(cancellation => CalibrateCommand.Execute(calibration, dataFolder, options, parsed.GetValue(leaveOneOut), terminal, cancellation,
                parsed.GetValue(dataUntil)));
        }));
        return command;
    }

    private static Option<string> ResultsRootOption(string what) => new("--output", "-o")
    {
        Description = $"Folder under which the {what} makes its results folder.",
        DefaultValueFactory = _ => Defaults.OutputRoot,
    };

    private static RunOptions OutputOptions(ParseResult parsed, Option<int?> threads, Option<string> output, Option<bool> noPlots) => new()
    {
        Threads = parsed.GetValue(threads) ?? Defaults.Threads,
        OutputRoot = parsed.GetValue(output)!,
        Plots = !parsed.GetValue(noPlots),
    };

    // Says the first unusable option as its fix; true when the command must stop there.
    private static bool Refused(RunOptions options, Terminal terminal)
    {
        if (options.Problem() is not { } badOption) return false;
        terminal.Error.WriteLine($"ucgsim: {badOption}");
        return true;
    }

    // --parameters: the behavioural parameters from another file, such as a calibration's, in place of the experiment's.
    private static Option<string?> ParametersOption(string verb) => new("--parameters")
    {
        Description = $"A parameters file to {verb} with instead of the experiment's: configs/parameters-calibrated.yaml, or the calibrated-parameters.yaml of a calibration.",
    };

    internal static LoadedExperiment WithParameters(LoadedExperiment loaded, string? parametersFile, Terminal terminal)
    {
        if (parametersFile is null) return loaded;
        var parameters = ParameterFile.Load(parametersFile);
        terminal.Error.WriteLine($"Parameters file: {Path.GetFullPath(parametersFile)}");
        return loaded with { Experiment = loaded.Experiment with { Parameters = parameters }, FilesRead = [.. loaded.FilesRead, parametersFile] };
    }

    private static Command BuildBacktestCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var experimentFile = new Argument<string?>("experiment-file")
        {
            Description = $"The validation experiment whose '{BacktestCommand.GenericScenarioName}' scenario and variant each coup's scenario is built from. Default: {ValidateCommand.DefaultExperimentPath}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var replicates = WholeNumberOption<long>("--replicates", "-n", "Replicates per coup (default 2000).");
        var cutoff = WholeNumberOption<int>("--cutoff", null, "Also score the coups from this year on separately (default 2011).");
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores).");
        var output = ResultsRootOption("backtest");
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the reliability diagram." };
        var parameters = ParametersOption("forecast");
        var data = DataOption();
        var command = new Command("backtest",
            "Score the model's forecasts of coups after each successful coup in an African state since 1990 (Powell & Thyne) against "
            + "what happened, beside the base rate known before each coup's year: Brier and log scores and a reliability diagram.")
        {
            experimentFile, replicates, cutoff, threads, output, noPlots, data, parameters,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = OutputOptions(parsed, threads, output, noPlots) with { Replicates = parsed.GetValue(replicates) ?? 2000 };
            if (Refused(options, terminal)) return ExitCodes.UsageError;
            if (LoadExperiment(parsed.GetValue(experimentFile), ValidateCommand.DefaultExperimentPath, "backtest", terminal) is not { } loaded)
                return ExitCodes.UsageError;
            loaded = WithParameters(loaded, parsed.GetValue(parameters), terminal);
            string? dataFolder = parsed.GetValue(data) ?? BaseRatesCommand.FindDataFolder(Environment.CurrentDirectory);
            return UntilInterrupted(cancellation => BacktestCommand.Execute(loaded, dataFolder, options.Replicates!.Value,
                parsed.GetValue(cutoff) ?? 2011, options, terminal, cancellation));
        }));
        return command;
    }
}
