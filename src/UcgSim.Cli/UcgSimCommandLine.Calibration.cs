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
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which the calibration makes its results folder.",
            DefaultValueFactory = _ => Defaults.OutputRoot,
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the posterior figure." };
        var data = DataOption();
        var leaveOneOut = new Option<bool>("--leave-one-out")
        {
            Description = "Then, for each case, calibrate again without its targets and judge it under that posterior: how well the model predicts a case it was not fitted to.",
        };
        var command = new Command("calibrate",
            "Fit behavioural parameters to every target of 'ucgsim validate' (case histories and the coup datasets' base rates) by "
            + "approximate Bayesian computation (ABC-SMC); write the posterior, a calibrated parameters file and a posterior predictive check.")
        {
            calibrationFile, threads, output, noPlots, data, leaveOneOut,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = new RunOptions
            {
                Threads = parsed.GetValue(threads) ?? Defaults.Threads,
                OutputRoot = parsed.GetValue(output)!,
                Plots = !parsed.GetValue(noPlots),
            };
            if (options.Problem() is { } badOption)
            {
                terminal.Error.WriteLine($"ucgsim: {badOption}");
                return ExitCodes.UsageError;
            }
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
            return UntilInterrupted(cancellation => CalibrateCommand.Execute(calibration, dataFolder, options, parsed.GetValue(leaveOneOut), terminal, cancellation));
        }));
        return command;
    }
}
