using System.CommandLine;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Exploration.Runs;

namespace UcgSim.Cli;

// The exploratory commands: explore (a design's points) and analyze (their sensitivity, robustness and scenarios).
internal static partial class UcgSimCommandLine
{
    private static Command BuildExploreCommand(Guard guard)
    {
        var terminal = guard.Terminal;
        var experimentFile = new Argument<string?>("experiment-file")
        {
            Description = $"The experiment with 'uncertainties:' and 'design:' sections to explore. Default: {ExploreCommand.DefaultExperimentPath} in this folder or a parent, else the copy beside ucgsim.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var replicates = WholeNumberOption<long>("--replicates", "-n", "Replicates per design point, scenario and variant, instead of the file's.");
        var seed = WholeNumberOption<ulong>("--seed", null, "Random seed, instead of the file's; every design point uses it (common random numbers).");
        var threads = WholeNumberOption<int>("--threads", "-t", $"Threads to run on (default: all {Defaults.Threads} cores); results do not depend on it.");
        var points = new Option<string?>("--points")
        {
            Description = "PART/PARTS: run only that part of the design's points (contiguous ranges), to split it across processes or "
                          + "machines; 'ucgsim analyze' on every part's folder gives what one run would.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which the run makes its results folder.",
            DefaultValueFactory = _ => Defaults.OutputRoot,
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the PNG figures of the analysis." };
        var noAnalysis = new Option<bool>("--no-analysis") { Description = "Only run the points; analyse them later with 'ucgsim analyze'." };
        var warningsAsErrors = WarningsAsErrorsOption();
        var command = new Command("explore",
            "Run every point of an experiment's design (its uncertain parameters and conditions) under the same seed, one row per "
            + "point in points.csv, then analyse them: Sobol' indices or Morris effects, policy robustness and regret.")
        {
            experimentFile, replicates, seed, threads, points, output, noPlots, noAnalysis, warningsAsErrors,
        };
        command.SetAction(parsed => guard.Run(parsed, () =>
        {
            var split = Shard.Whole;
            if (parsed.GetValue(points) is { } text)
            {
                if (ExploreOptions.ParseSplit(text, out string? problem) is not { } given)
                {
                    terminal.Error.WriteLine($"ucgsim: {problem}");
                    return ExitCodes.UsageError;
                }
                split = given;
            }
            var options = new ExploreOptions
            {
                Replicates = parsed.GetValue(replicates),
                Seed = parsed.GetValue(seed),
                Threads = parsed.GetValue(threads) ?? Defaults.Threads,
                OutputRoot = parsed.GetValue(output)!,
                Split = split,
                Plots = !parsed.GetValue(noPlots),
                Analysis = !parsed.GetValue(noAnalysis),
                WarningsAsErrors = parsed.GetValue(warningsAsErrors),
            };
            if (options.Problem() is { } badOption)
            {
                terminal.Error.WriteLine($"ucgsim: {badOption}");
                return ExitCodes.UsageError;
            }
            if (LoadExperiment(parsed.GetValue(experimentFile), ExploreCommand.DefaultExperimentPath, "explore", terminal) is not { } loaded) return ExitCodes.UsageError;
            return UntilInterrupted(cancellation => ExploreCommand.Execute(loaded, options, terminal, cancellation));
        }));
        return command;
    }

    private static Command BuildAnalyzeCommand(Guard guard)
    {
        var folders = new Argument<string[]>("run-folder")
        {
            Description = "The results folder of an exploratory run, or the folders of every part of a split one.",
            Arity = ArgumentArity.OneOrMore,
        };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario whose shares the indices and PRIM use (default: the first)." };
        var variant = new Option<string?>("--variant") { Description = "The variant whose shares the indices and PRIM use (default: the first, the baseline)." };
        var prim = new Option<string?>("--prim")
        {
            Description = "Scenario discovery for a condition on a share, such as 'transition to civilian rule>0.2' (or >20%): the "
                          + "region of the uncertain inputs where it holds, by PRIM.",
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the PNG figures." };
        var command = new Command("analyze",
            "Analyse an exploratory run: Sobol' indices (Saltelli design) or Morris effects (Morris design) with intervals, each "
            + "variant's outcome shares and regret across the points, and PRIM scenario discovery.")
        {
            folders, scenario, variant, prim, noPlots,
        };
        command.SetAction(parsed => guard.Run(parsed, () => AnalyzeCommand.Execute(parsed.GetValue(folders)!, new AnalyzeOptions
        {
            Scenario = parsed.GetValue(scenario),
            Variant = parsed.GetValue(variant),
            Prim = parsed.GetValue(prim),
            Plots = !parsed.GetValue(noPlots),
        }, guard.Terminal)));
        return command;
    }

    // 'ucgsim run' on an experiment with a design explores it, with the run options that apply to a design; one that does
    // not is refused rather than ignored.
    private static int RunExploration(LoadedExperiment loaded, RunOptions options, Terminal terminal)
    {
        string? unusable = options.Horizon is not null ? "--horizon"
            : options.FirstReplicate is not null ? "--first-replicate"
            : options.Engine != SimulationEngine.Kernel ? "--engine"
            : options.ReplicateTrajectories is not null ? "--trajectories"
            : null;
        if (unusable is not null)
        {
            terminal.Error.WriteLine(
                $"ucgsim: {loaded.SourcePath} has a design, which 'ucgsim run' explores, and {unusable} does not apply to a design. Leave it out (split a design with --shard PART/PARTS, as 'ucgsim explore --points' does; set the horizon in the file).");
            return ExitCodes.UsageError;
        }
        return UntilInterrupted(cancellation => ExploreCommand.Execute(loaded, new ExploreOptions
        {
            Replicates = options.Replicates,
            Seed = options.Seed,
            Threads = options.Threads,
            OutputRoot = options.OutputRoot,
            // A job array's --shard i/k splits a design's points, as --points i/k does: every point needs all its
            // replicates, for the shares that sensitivity analysis compares across points.
            Split = options.Shard ?? Shard.Whole,
            Plots = options.Plots,
            WarningsAsErrors = options.WarningsAsErrors,
        }, terminal, cancellation));
    }
}
