using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;

namespace UcgSim.Cli;

// The ucgsim command tree and what every command shares: exit code 2 and no stack trace for a usage or configuration
// mistake, a one-line "please report" for anything unexpected.
internal static partial class UcgSimCommandLine
{
    public const string DefaultExperimentPath = "configs/experiments/default.yaml";

    private static readonly RunOptions Defaults = new();

    public static int Invoke(string[] args, Terminal terminal)
    {
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Show the full details of an unexpected error.",
            Recursive = true,
        };
        var root = new RootCommand("Simulates what happens after an unconstitutional change of government in a country with a UN mission.");
        root.Options.Add(verbose);
        root.Subcommands.Add(BuildRunCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildLeversCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildExploreCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildAnalyzeCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildCalibrateCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildBacktestCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildParametersCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildValidateCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(BuildBaseRatesCommand(new Guard(terminal, verbose)));
        root.Subcommands.Add(ResumeCommand.Build(new Guard(terminal, verbose)));
        root.Subcommands.Add(MergeCommand.Build(new Guard(terminal, verbose)));
        root.Subcommands.Add(SlurmCommand.Build(new Guard(terminal, verbose)));
        root.Subcommands.Add(InspectCommand.Build(new Guard(terminal, verbose)));

        var commandList = new CommandList(root);
        root.Options.OfType<HelpOption>().Single().Action = commandList;
        // An unknown option in the place of the file would otherwise be taken for its name.
        foreach (Command command in root.Subcommands)
        {
            foreach (Argument argument in command.Arguments)
            {
                argument.Validators.Add(result =>
                {
                    if (result.Tokens is not [{ Value: var token }] || !IsOptionLike(token)) return;
                    string suggestion = Spelling.DidYouMean(token, OptionNames(command, root));
                    result.AddError(suggestion.Length > 0
                        ? UnknownOption(token, command, root, suggestion)
                        : $"{UnknownOption(token, command, root, "")} To name a file whose name starts with '-', write ./{token}.");
                });
            }
        }
        // Said here, with a suggestion, rather than as System.CommandLine's "Unrecognized command or argument".
        foreach (Command command in root.Subcommands.Prepend(root))
            command.TreatUnmatchedTokensAsErrors = false;
        // No command is a mistake, as in git: exit code 2, so that a script that lost its arguments fails, and the list of
        // commands to choose from. Asking for the list with --help is not a mistake, and exits with 0.
        root.SetAction(_ =>
        {
            terminal.Error.WriteLine("ucgsim: name a command, e.g. 'ucgsim run'.");
            terminal.Error.WriteLine();
            commandList.Write(terminal.Error);
            return ExitCodes.UsageError;
        });

        var parsed = root.Parse(args);
        Command given = parsed.CommandResult.Command;
        var mistakes = parsed.Errors.Select(error => error.Message)
            .Concat(parsed.UnmatchedTokens.Select(token => Unmatched(token, given, root)))
            .ToList();
        if (mistakes.Count > 0 && parsed.Action is not CommandList)
        {
            foreach (string mistake in mistakes) terminal.Error.WriteLine($"ucgsim: {mistake}");
            terminal.Error.WriteLine(given == root
                ? "Run 'ucgsim --help' for the commands and options."
                : $"Run 'ucgsim {given.Name} --help' for its options.");
            return ExitCodes.UsageError;
        }
        // Ctrl+C is handled by the run and validate commands themselves, so that they can say what they kept.
        return parsed.Invoke(new InvocationConfiguration
        {
            Output = terminal.Output,
            Error = terminal.Error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
    }

    private static Command BuildRunCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var experimentFile = ExperimentFileArgument("The experiment to run.");
        var replicates = WholeNumberOption<long>("--replicates", "-n", "Replicates per scenario and variant, instead of the file's.");
        var firstReplicate = WholeNumberOption<long>("--first-replicate", null,
            "Index of the first replicate, to split one experiment across processes or machines: "
            + "-n 5000 --first-replicate 5000 runs replicates 5000 to 9999, identical to those of a single run.");
        var seed = WholeNumberOption<ulong>("--seed", null, "Random seed, instead of the file's (a whole number, 0 or more).");
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores).");
        var horizon = WholeNumberOption<int>("--horizon", null, "Months simulated after the change of government, instead of the file's.");
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which each run makes its own results folder.",
            DefaultValueFactory = _ => Defaults.OutputRoot,
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the PNG figures." };
        var noRecords = new Option<bool>("--no-records") { Description = "Do not write the per-replicate records file." };
        var noParquet = new Option<bool>("--no-parquet")
        {
            Description = "Do not write the Parquet copies of the records and tables (the CSV and MessagePack files are written either way).",
        };
        var replicateTrajectories = WholeNumberOption<long>("--trajectories", null,
            "Also write the monthly path of every measure of the first N replicates of each scenario and variant "
            + "(replicate-trajectories.csv and .parquet), to plot individual histories.");
        var engine = new Option<string>("--engine")
        {
            Description = "What simulates the replicates: the batch kernel (fast) or the reference model (the specification). "
                          + "Results are the same bits either way.",
            DefaultValueFactory = _ => "kernel",
        };
        engine.AcceptOnlyFromAmong("kernel", "reference");
        var warningsAsErrors = WarningsAsErrorsOption();
        var checkpointEvery = CheckpointEveryOption();
        var shard = ShardOption();
        var runParameters = ParametersOption("run");
        var ignoreDiskSpace = new Option<bool>("--ignore-disk-space")
        {
            Description = "Start even when the run would write more than the output folder's disk has free.",
        };

        var command = new Command("run", "Run an experiment and write its results folder.")
        {
            experimentFile, replicates, firstReplicate, seed, threads, horizon, output, noPlots, noRecords, noParquet, replicateTrajectories,
            engine, warningsAsErrors, checkpointEvery, shard, ignoreDiskSpace, runParameters,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = new RunOptions
            {
                Replicates = parsed.GetValue(replicates),
                FirstReplicate = parsed.GetValue(firstReplicate),
                Seed = parsed.GetValue(seed),
                Threads = parsed.GetValue(threads) ?? Defaults.Threads,
                Horizon = parsed.GetValue(horizon),
                OutputRoot = parsed.GetValue(output)!,
                Plots = !parsed.GetValue(noPlots),
                Records = !parsed.GetValue(noRecords),
                Parquet = !parsed.GetValue(noParquet),
                ReplicateTrajectories = parsed.GetValue(replicateTrajectories),
                Engine = Enum.Parse<SimulationEngine>(parsed.GetValue(engine)!, ignoreCase: true),
                WarningsAsErrors = parsed.GetValue(warningsAsErrors),
                CheckpointInterval = TimeSpan.FromSeconds(parsed.GetValue(checkpointEvery)),
                Shard = parsed.GetValue(shard),
                IgnoreDiskSpace = parsed.GetValue(ignoreDiskSpace),
            };
            // Checked before loading, so that a mistyped option does not wait on a large experiment file.
            if (options.Problem() is { } badOption)
            {
                terminal.Error.WriteLine($"ucgsim: {badOption}");
                return ExitCodes.UsageError;
            }
            if (LoadExperiment(parsed.GetValue(experimentFile), DefaultExperimentPath, "run", terminal) is not { } loaded)
                return ExitCodes.UsageError;
            loaded = WithParameters(loaded, parsed.GetValue(runParameters), terminal);
            if (loaded.Exploration is not null) return RunExploration(loaded, options, terminal);
            return UntilInterrupted(cancellation =>
                RunCommand.Execute(loaded.Experiment, loaded.FilesRead, loaded.Warnings(), options, terminal, cancellation));
        }));
        return command;
    }

    private static Command BuildValidateCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var experimentFile = new Argument<string?>("experiment-file")
        {
            Description = $"The validation experiment: scenario i is run under variant i only. Default: {ValidateCommand.DefaultExperimentPath} in this folder or a parent, else the copy beside ucgsim.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var replicates = WholeNumberOption<long>("--replicates", "-n", "Replicates per case, instead of the file's.");
        var seed = WholeNumberOption<ulong>("--seed", null, "Random seed, instead of the file's (a whole number, 0 or more).");
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores).");
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which each validation makes its own results folder.",
            DefaultValueFactory = _ => Defaults.OutputRoot,
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the PNG figure of each case." };
        var parameters = ParametersOption("validate");
        var data = DataOption();
        var warningsAsErrors = WarningsAsErrorsOption();

        var command = new Command("validate",
            "Judge the model against case histories: each case scenario under its as-happened variant, against the 'observed:' targets "
            + "of its scenario file and the coup datasets' base rates. Exit code 0 when every target is met, 1 when any is missed, 2 for a mistake in the files.")
        {
            experimentFile, replicates, seed, threads, output, noPlots, data, warningsAsErrors, parameters,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = new RunOptions
            {
                Replicates = parsed.GetValue(replicates),
                Seed = parsed.GetValue(seed),
                Threads = parsed.GetValue(threads) ?? Defaults.Threads,
                OutputRoot = parsed.GetValue(output)!,
                Plots = !parsed.GetValue(noPlots),
                WarningsAsErrors = parsed.GetValue(warningsAsErrors),
            };
            if (options.Problem() is { } badOption)
            {
                terminal.Error.WriteLine($"ucgsim: {badOption}");
                return ExitCodes.UsageError;
            }
            if (LoadExperiment(parsed.GetValue(experimentFile), ValidateCommand.DefaultExperimentPath, "validate", terminal) is not { } loaded)
                return ExitCodes.UsageError;
            loaded = WithParameters(loaded, parsed.GetValue(parameters), terminal);
            string? dataFolder = parsed.GetValue(data) ?? BaseRatesCommand.FindDataFolder(Environment.CurrentDirectory);
            return UntilInterrupted(cancellation => ValidateCommand.Execute(loaded, dataFolder, options, terminal, cancellation));
        }));
        return command;
    }

    private static Command BuildLeversCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var experimentFile = ExperimentFileArgument("The experiment whose first variant is the baseline and whose scenarios the conditions are changed from.");
        var replicates = WholeNumberOption<long>("--replicates", "-n",
            $"Paired replicates per change (default {LeversOptions.DefaultReplicates}; the file's count is not used).");
        var seed = WholeNumberOption<ulong>("--seed", null, "Random seed, instead of the file's (a whole number, 0 or more).");
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores); results do not depend on it.");
        var scenario = new Option<string?>("--scenario")
        {
            Description = "The name of one of the file's scenarios to change conditions from (default: each in turn).",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which the command makes its results folder, holding lever-effects.csv.",
            DefaultValueFactory = _ => Defaults.OutputRoot,
        };
        var command = new Command("levers",
            "Rank every lever and structural condition by its effect on the outcomes: each is changed on its own from the "
            + "file's first variant and each scenario's values, over the same replicates (paired differences with 95% intervals).")
        {
            experimentFile, replicates, seed, threads, scenario, output,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var options = new LeversOptions
            {
                Replicates = parsed.GetValue(replicates) ?? LeversOptions.DefaultReplicates,
                Seed = parsed.GetValue(seed),
                Threads = parsed.GetValue(threads) ?? Defaults.Threads,
                Scenario = parsed.GetValue(scenario),
                OutputRoot = parsed.GetValue(output)!,
            };
            // Checked before loading, so that a mistyped option does not wait on a large experiment file.
            if (options.Problem() is { } badOption)
            {
                terminal.Error.WriteLine($"ucgsim: {badOption}");
                return ExitCodes.UsageError;
            }
            if (LoadExperiment(parsed.GetValue(experimentFile), DefaultExperimentPath, "levers", terminal) is not { } loaded) return ExitCodes.UsageError;
            return LeversCommand.Execute(loaded.Experiment, options, terminal);
        }));
        return command;
    }

    private static Argument<string?> ExperimentFileArgument(string what) => new("experiment-file")
    {
        Description = $"{what} Default: {DefaultExperimentPath} in this folder or a parent, else the copy beside ucgsim.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    // The experiment file given, else the default one; null, after saying why, when there is none to load. A file that
    // is missing, a folder or not a configuration file is reported by the loader, as a referenced one would be.
    internal static LoadedExperiment? LoadExperiment(string? given, string defaultPath, string commandName, Terminal terminal)
    {
        string? path = given ?? FindDefaultExperiment(Environment.CurrentDirectory, AppContext.BaseDirectory, defaultPath);
        if (path is null)
        {
            terminal.Error.WriteLine(
                $"ucgsim: no experiment file given, and no {defaultPath} in {Environment.CurrentDirectory}, its parents or beside ucgsim. Name one: ucgsim {commandName} <experiment-file>.");
            return null;
        }
        var loaded = ExperimentFile.Load(path);
        terminal.Error.WriteLine($"Experiment file: {Path.GetFullPath(path)}");
        return loaded;
    }

    // A token that can only have been meant as an option: '-' alone is a common name for standard input.
    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';

    private static string Unmatched(string token, Command command, RootCommand root)
    {
        if (IsOptionLike(token))
            return UnknownOption(token, command, root, Spelling.DidYouMean(token, OptionNames(command, root)));
        if (command == root)
        {
            var names = root.Subcommands.Select(subcommand => subcommand.Name).ToList();
            return $"unknown command '{token}'.{Spelling.DidYouMean(token, names)} The commands are {string.Join(", ", names)}.";
        }
        return command.Arguments.Count == 0
            ? $"unexpected argument '{token}': 'ucgsim {command.Name}' takes options only."
            : $"unexpected argument '{token}': 'ucgsim {command.Name}' takes {string.Join(" and ", command.Arguments.Select(argument => $"one <{argument.Name}>"))} and options.";
    }

    private static string UnknownOption(string token, Command command, RootCommand root, string suggestion) =>
        $"unknown option '{token}' for 'ucgsim{(command == root ? "" : " " + command.Name)}'.{suggestion}";

    private static IEnumerable<string> OptionNames(Command command, RootCommand root) =>
        command.Options.Concat(root.Options.Where(option => option.Recursive)).SelectMany(option => option.Aliases.Prepend(option.Name));

    // Runs a command that can stop cleanly: the first Ctrl+C or SIGTERM cancels it, so that it can say what it kept; a
    // second Ctrl+C ends the process at once.
    internal static int UntilInterrupted(Func<CancellationToken, int> command)
    {
        using var interruption = new CancellationTokenSource();
        void Interrupt(PosixSignalContext signal)
        {
            if (interruption.IsCancellationRequested) return;
            signal.Cancel = true;
            interruption.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        // A cluster's scheduler ends a job with SIGTERM (at its time limit, or to preempt it) before it kills it.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        return command(interruption.Token);
    }

    // --shard i/k, said as a fix when it is not two whole numbers with a slash between.
    private static Option<Shard?> ShardOption()
    {
        var option = new Option<Shard?>("--shard")
        {
            Description = "Run only the i-th of k equal parts of the replicates (i/k, i from 1 to k), for a job array; 'ucgsim merge' adds the parts up.",
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Shard.Parse(text) is { } shard) return shard;
            result.AddError($"--shard expects i/k, two whole numbers with 1 <= i <= k (e.g. --shard 2/4), not '{text}'.");
            return null;
        };
        return option;
    }

    internal static Option<double> CheckpointEveryOption() => new("--checkpoint-every")
    {
        Description = $"Seconds between checkpoints, the most work a killed run loses (default {Defaults.CheckpointInterval.TotalSeconds}).",
        DefaultValueFactory = _ => Defaults.CheckpointInterval.TotalSeconds,
    };

    private static Option<bool> WarningsAsErrorsOption() => new("--warnings-as-errors")
    {
        Description = "Stop with exit code 2, before running, when a lever cannot act in a scenario it is run with.",
    };

    private static Option<string?> DataOption() => new("--data")
    {
        Description = "Folder holding the Powell & Thyne and Cline Center CSV files. Default: shared/data above this folder.",
    };

    // A numeric option whose parse error says what was expected in words, not as a .NET type name.
    internal static Option<T?> WholeNumberOption<T>(string name, string? alias, string description)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var option = alias is null ? new Option<T?>(name) : new Option<T?>(name, alias);
        option.Description = description;
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out T value)) return value;
            result.AddError($"{name} expects a whole number{(T.IsNegative(T.MinValue) ? "" : " (0 or more)")}, not '{text}'.");
            return null;
        };
        return option;
    }

    private static Command BuildParametersCommand(Guard guard)
    {
        var command = new Command("parameters", "Print the default behavioural parameters as a documented parameter file.");
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            guard.Terminal.Output.Write(ConfigurationWriter.WriteParameters(new BehaviouralParameters()));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command BuildBaseRatesCommand(Guard guard)
    {
        var data = DataOption();
        var command = new Command("base-rates", "Print the coup-recurrence base rates computed from the coup datasets.") { data };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            string? folder = parsed.GetValue(data) ?? BaseRatesCommand.FindDataFolder(Environment.CurrentDirectory);
            if (folder is null)
            {
                guard.Terminal.Error.WriteLine(
                    $"ucgsim: no shared/data folder with {BaseRatesCommand.PowellThyneFile} above {Environment.CurrentDirectory}. Name one: ucgsim base-rates --data <folder>.");
                return ExitCodes.UsageError;
            }
            return BaseRatesCommand.Execute(folder, guard.Terminal);
        }));
        return command;
    }

    // The nearest defaultPath (by default that of run) in currentDirectory or a parent, else the copy bundled in
    // programDirectory; null if neither exists.
    public static string? FindDefaultExperiment(string currentDirectory, string programDirectory, string defaultPath = DefaultExperimentPath)
    {
        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, defaultPath);
            if (File.Exists(candidate)) return candidate;
        }
        string bundled = Path.Combine(programDirectory, defaultPath);
        return File.Exists(bundled) ? bundled : null;
    }

    // How every command's action turns exceptions into messages and exit codes.
    internal sealed record Guard(Terminal Terminal, Option<bool> Verbose)
    {
        public int Run(ParseResult parsed, Func<int> action)
        {
            try
            {
                return action();
            }
            catch (ConfigurationException mistake)
            {
                Terminal.Error.WriteLine(mistake.Message);
                return ExitCodes.UsageError;
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                Terminal.Error.WriteLine($"ucgsim: {failure.Message}");
                return ExitCodes.Failure;
            }
            catch (Exception bug)
            {
                Terminal.Error.WriteLine(parsed.GetValue(Verbose)
                    ? $"ucgsim: unexpected error: {bug}"
                    : $"ucgsim: unexpected error: {bug.GetType().Name}: {bug.Message} Please report this (add --verbose for details).");
                return ExitCodes.Failure;
            }
        }
    }
}
