using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Exploration.Backtest;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim backtest: for every successful coup in an African state since 1990 in the Powell & Thyne data, the model's
// probability of another successful coup, and of any coup attempt, within 12 and 24 months, from a month-0 scenario built
// from what the data said at the time, scored against what happened beside the base rate known before that year.
internal static class BacktestCommand
{
    public const string GenericScenarioName = "generic";
    private static readonly int[] Windows = [12, 24];

    public static int Execute(LoadedExperiment validation, string? dataFolder, long replicates, int cutoffYear, RunOptions options,
        Terminal terminal, CancellationToken cancellation)
    {
        var experiment = validation.Experiment;
        int generic = experiment.Scenarios.ToList().FindIndex(s => s.Name == GenericScenarioName);
        if (generic < 0 || experiment.Variants.Count <= generic)
        {
            terminal.Error.WriteLine(
                $"ucgsim: the backtest builds each coup's scenario from the scenario named '{GenericScenarioName}', run under its own variant, but {validation.SourcePath} has none. Use {ValidateCommand.DefaultExperimentPath}.");
            return ExitCodes.UsageError;
        }
        if (dataFolder is null)
        {
            terminal.Error.WriteLine($"ucgsim: the backtest needs the coup datasets, and there is no shared/data folder with {BaseRatesCommand.PowellThyneFile} above {Environment.CurrentDirectory}. Name one: ucgsim backtest --data <folder>.");
            return ExitCodes.UsageError;
        }
        var cases = CoupBacktest.Cases(CoupDatasets.LoadPowellThyne(Path.Combine(dataFolder, BaseRatesCommand.PowellThyneFile)), Windows);
        if (RunCommand.CreateResultsFolder(options.OutputRoot, "backtest", terminal) is not { } folder) return ExitCodes.UsageError;
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backtesting {cases.Count} successful coups in African states, {CoupBacktest.FromYear} to {cases.Max(c => c.Coup.Year)}: the '{GenericScenarioName}' scenario under '{experiment.Variants[generic].Name}', {replicates:N0} replicates each, seed {experiment.Seed}, {options.Threads} thread(s)."));

        var backtest = experiment with
        {
            Scenarios = [.. cases.Select(c => CoupBacktest.Scenario(experiment.Scenarios[generic], c))],
            Variants = [experiment.Variants[generic]],
            Replicates = replicates,
            Horizon = Windows.Max(),
        };
        var progress = new RunProgressLine(terminal);
        ExperimentSummary summary;
        try
        {
            summary = ExperimentRunner.Run(backtest, options.Threads, null, progress, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            progress.Finish("Stopped after");
            terminal.Error.WriteLine("Interrupted; no scores.");
            return ExitCodes.Interrupted;
        }
        progress.Finish("Ran");

        double Model(int c, EventKind kind, int window) => summary.CumulativeIncidence(c, 0, kind)[window];
        var targets = new List<BacktestTarget>();
        var rows = new List<string>();
        for (int w = 0; w < Windows.Length; w++)
            foreach (var (kind, label, happened, baseline) in new (EventKind, string, Func<BacktestCoup, bool>, Func<BacktestCoup, double>)[]
                     {
                         (EventKind.CounterCoup, "successful coup", c => c.SuccessfulWithin[w], c => c.BaselineSuccessful[w]),
                         (EventKind.CoupAttempt, "any coup attempt", c => c.AttemptWithin[w], c => c.BaselineAttempt[w]),
                     })
            {
                int window = Windows[w];
                targets.Add(new BacktestTarget($"{label} within {window} months",
                    [.. cases.Select((c, i) => new Forecast(Model(i, kind, window), happened(c)))],
                    [.. cases.Select(c => new Forecast(baseline(c), happened(c)))]));
            }
        BacktestResults.WriteCases(folder.Path, [.. cases.Select(c => new BacktestCase(c.Coup.Country, c.Coup.Year, c.Coup.Month, c.EarlierCoups))], targets);
        var scores = Scores(targets, cases, cutoffYear);
        BacktestResults.WriteScores(folder.Path, scores);
        if (options.Plots) BacktestResults.WriteFigure(folder.Path, targets);
        WriteTable(terminal.Output, scores, cases.Count, cases.Count(c => c.Coup.Year >= cutoffYear), cutoffYear);
        terminal.Output.WriteLine($"Results: {folder.Path}");
        return ExitCodes.Success;
    }

    private static List<BacktestScore> Scores(IReadOnlyList<BacktestTarget> targets, IReadOnlyList<BacktestCoup> cases, int cutoffYear)
    {
        var scores = new List<BacktestScore>();
        foreach (var target in targets)
            foreach (var (period, keep) in new (string, Func<int, bool>)[] { ("all", _ => true), ($"from {cutoffYear}", i => cases[i].Coup.Year >= cutoffYear) })
            {
                Forecast[] model = [.. target.Model.Where((_, i) => keep(i))], baseline = [.. target.Baseline.Where((_, i) => keep(i))];
                if (model.Length == 0) continue;
                scores.Add(new BacktestScore(target.Name, period, model.Length, model.Count(f => f.Happened),
                    ForecastScores.Brier(model), ForecastScores.Brier(baseline), ForecastScores.Log(model), ForecastScores.Log(baseline)));
            }
        return scores;
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<BacktestScore> scores, int coups, int afterCutoff, int cutoffYear)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scores of {coups} forecasts ({afterCutoff} from {cutoffYear} on); lower is better. Brier: mean squared error; log: mean negative log probability."));
        writer.WriteLine($"  {"target",-34} {"period",-10} {"happened",9}  {"Brier model",11} {"baseline",9}  {"log model",9} {"baseline",9}");
        foreach (var s in scores)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Target,-34} {s.Period,-10} {$"{s.Happened}/{s.Coups}",9}  {s.ModelBrier,11:0.000} {s.BaselineBrier,9:0.000}  {s.ModelLog,9:0.000} {s.BaselineLog,9:0.000}"));
    }
}
