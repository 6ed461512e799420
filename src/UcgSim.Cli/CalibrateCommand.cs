using System.Globalization;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Exploration.Calibration;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim calibrate from the loaded calibration file on: ABC-SMC over the priors, each particle judged by every target of
// the validation experiment (its case histories and the coup datasets' base rates), then a check of the calibrated
// parameters (the posterior mean) with the validation experiment's own replicates and seed.
internal static class CalibrateCommand
{
    public const string DefaultCalibrationPath = "configs/calibration/validation-targets.yaml";

    // dataUntil: fit only the base rates of the coups up to that year, leaving out the case histories (which carry no
    // dates, and all but the stylized 2010s case come from 2020 on), so that a backtest can score the later coups.
    public static int Execute(
        LoadedCalibration calibration, string? dataFolder, RunOptions options, bool leaveOneCaseOut, Terminal terminal, CancellationToken cancellation,
        int? dataUntil = null)
    {
        var settings = calibration.Settings;
        var validation = calibration.Validation;
        if (validation.Experiment.Variants.Count != validation.Experiment.Scenarios.Count || validation.CaseHistories.All(history => history.IsEmpty))
        {
            terminal.Error.WriteLine(
                $"ucgsim: {calibration.SourcePath} fits the targets of {validation.SourcePath}, which must be a validation experiment: one variant per scenario, and 'observed:' histories in the scenario files, as {ValidateCommand.DefaultExperimentPath} has.");
            return ExitCodes.UsageError;
        }
        foreach (var history in validation.CaseHistories) history.RequireWithin(validation.Experiment.Horizon);
        if (ValidateCommand.Targets(validation, dataFolder, "calibrate", terminal, dataUntil) is not { } allTargets) return ExitCodes.UsageError;
        IReadOnlyList<CaseTargets> targets = dataUntil is null ? allTargets : [.. allTargets.Select(target => target with { Facts = [] })];
        if (dataUntil is { } year)
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fitting the base rates of the coups up to {year} only; the case histories are left out."));
        int targetCount = targets.Sum(target => target.Facts.Count + target.BaseRates.Count);
        if (targetCount == 0)
        {
            terminal.Error.WriteLine(
                $"ucgsim: {calibration.SourcePath} leaves no target to fit: no scenario of {validation.SourcePath} declares base rates ('recurrence:'), and --data-until leaves out the case histories. Declare base rates, or calibrate without --data-until.");
            return ExitCodes.UsageError;
        }
        if (RunCommand.CreateResultsFolder(options.OutputRoot, settings.Name, terminal) is not { } folder) return ExitCodes.UsageError;
        File.Copy(calibration.SourcePath, Path.Combine(folder.Path, "calibration.yaml"));

        string[] names = [.. calibration.Priors.Select(prior => prior.Input.Name)];
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calibrating {names.Length} parameter(s) against {targetCount} targets of {targets.Count} case(s) by ABC-SMC: {settings.Particles:N0} particles, at most {settings.MaxGenerations} generations, {settings.Replicates:N0} replicates per case and evaluation, seed {settings.Seed}, {options.Threads} thread(s)."));

        var kept = new List<string>();
        try
        {
            var fit = Calibrate(calibration, targets, options.Threads, terminal, cancellation);
            CalibrationResults.WriteGenerations(folder.Path, fit.Generations);
            CalibrationResults.WritePosterior(folder.Path, names, fit.Generations);
            File.WriteAllText(Path.Combine(folder.Path, CalibrationResults.CalibratedParametersFileName),
                Header(calibration, fit.Posterior) + ConfigurationWriter.WriteParameters(fit.Calibrated));
            kept.AddRange([CalibrationResults.GenerationsFileName, CalibrationResults.PosteriorFileName, CalibrationResults.CalibratedParametersFileName]);

            // The posterior predictive check: every target under each posterior particle, on the calibration's own replicates.
            var checks = Predictive(calibration, targets, fit.Posterior, options.Threads, cancellation);
            CalibrationResults.WritePredictive(folder.Path, checks);
            kept.Add(CalibrationResults.PredictiveFileName);
            if (options.Plots) CalibrationResults.WriteFigure(folder.Path, fit.Parameters, fit.Posterior);

            // The calibrated parameters judged as 'ucgsim validate' judges the shipped ones: the file's replicates and seed.
            var verdicts = CaseValidation.Run(validation.Experiment with { Parameters = fit.Calibrated }, targets, options.Threads,
                cancellation: cancellation);
            int met = verdicts.Sum(v => v.Facts.Count(f => f.Passed) + v.BaseRates.Count(b => b.Passed));

            WriteTable(terminal.Output, fit, checks);
            terminal.Output.WriteLine();
            terminal.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"With the calibrated parameters (posterior means), {met} of {targetCount} targets met ({validation.Experiment.Replicates:N0} replicates per case, seed {validation.Experiment.Seed})."));
            if (leaveOneCaseOut) LeaveOneCaseOut(calibration, targets, folder, options, terminal, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            terminal.Error.WriteLine($"Interrupted. Kept in {folder.Path}: the calibration file"
                + (kept.Count == 0 ? "; no posterior." : $" and {string.Join(", ", kept)}."));
            return ExitCodes.Interrupted;
        }
        terminal.Output.WriteLine($"Results: {folder.Path}");
        return ExitCodes.Success;
    }

    // A calibration's posterior, its summary per parameter and the parameters file it gives (the posterior means).
    private sealed record Fit(IReadOnlyList<AbcGeneration> Generations, IReadOnlyList<CalibratedParameter> Parameters, BehaviouralParameters Calibrated)
    {
        public AbcGeneration Posterior => Generations[^1];
    }

    private static Fit Calibrate(
        LoadedCalibration calibration, IReadOnlyList<CaseTargets> targets, int threads, Terminal terminal, CancellationToken cancellation)
    {
        var generations = AbcSmc.Run([.. calibration.Priors.Select(prior => prior.Input.Distribution)],
            (values, seed) => CalibrationTargets.Total(Judge(calibration, targets, values, seed)), calibration.Settings.Abc, threads,
            generation => terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generation {generation.Index}: tolerance {generation.Tolerance:0.###}, {generation.Proposals:N0} proposals ({100 * generation.AcceptanceRate:0.#}% accepted), effective sample size {generation.EffectiveSampleSize:0}.")),
            cancellation,
            (index, tolerance, budget) => terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generation {index} (tolerance {tolerance:0.###}) dropped: its particles needed more than {budget:N0} proposals, an acceptance below minimumAcceptance {calibration.Settings.MinimumAcceptance}. The posterior is generation {index - 1}.")));
        var defaults = calibration.Validation.Experiment.Parameters;
        var parameters = calibration.Priors.Select((prior, k) =>
            CalibratedParameter.Of(prior.Input.Name, prior.Input.Distribution, Convert.ToDouble(prior.Setting.Property.GetValue(defaults), CultureInfo.InvariantCulture), generations[^1], k)).ToList();
        var calibrated = calibration.Plan.At(calibration.Validation.Experiment, [.. parameters.Select(parameter => parameter.Mean)]).Parameters;
        return new Fit(generations, parameters, calibrated);
    }

    // Every target at the values, on the calibration's replicates and the given seed; a case with no targets is not run.
    private static IReadOnlyList<TargetDistance> Judge(LoadedCalibration calibration, IReadOnlyList<CaseTargets> targets, IReadOnlyList<double> values, ulong seed)
    {
        var validation = calibration.Validation.Experiment;
        int[] judged = [.. Enumerable.Range(0, targets.Count).Where(i => targets[i].Facts.Count + targets[i].BaseRates.Count > 0)];
        var experiment = calibration.Plan.At(validation with
        {
            Seed = seed,
            Replicates = calibration.Settings.Replicates,
            Scenarios = [.. judged.Select(i => validation.Scenarios[i])],
            Variants = [.. judged.Select(i => validation.Variants[i])],
        }, values);
        return CalibrationTargets.Of(CaseValidation.Run(experiment, [.. judged.Select(i => targets[i])], threads: 1),
            calibration.Settings.FactWeight, calibration.Settings.BaseRateWeight);
    }

    private static (int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)[] Predictive(
        LoadedCalibration calibration, IReadOnlyList<CaseTargets> targets, AbcGeneration posterior, int threads, CancellationToken cancellation)
    {
        var checks = new (int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)[posterior.Particles.Count];
        Parallel.For(0, checks.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation },
            i => checks[i] = (i, posterior.Particles[i].Weight,
                Judge(calibration, targets, posterior.Particles[i].Values, calibration.Validation.Experiment.Seed)));
        return checks;
    }

    // Out of sample: each case's targets left out of the calibration in turn, then judged under the posterior that never saw them.
    private static void LeaveOneCaseOut(
        LoadedCalibration calibration, IReadOnlyList<CaseTargets> targets, ResultsFolder folder, RunOptions options, Terminal terminal,
        CancellationToken cancellation)
    {
        var rows = new List<(string HeldOut, TargetDistance Target, double PosteriorShareMet)>();
        for (int held = 0; held < targets.Count; held++)
        {
            if (targets[held].Facts.Count + targets[held].BaseRates.Count == 0) continue;
            string name = calibration.Validation.Experiment.Scenarios[held].Name;
            var without = targets.Select((target, i) => i == held ? new CaseTargets([], []) : target).ToList();
            if (without.All(target => target.Facts.Count + target.BaseRates.Count == 0))
            {
                terminal.Error.WriteLine($"Not leaving out {name}: it holds every target, so a calibration without it would fit nothing.");
                continue;
            }
            terminal.Error.WriteLine($"Leaving out {name}:");
            var fit = Calibrate(calibration, without, options.Threads, terminal, cancellation);
            var only = targets.Select((target, i) => i == held ? target : new CaseTargets([], [])).ToList();
            var checks = Predictive(calibration, only, fit.Posterior, options.Threads, cancellation);
            var atMean = Judge(calibration, only, [.. fit.Parameters.Select(parameter => parameter.Mean)], calibration.Validation.Experiment.Seed);
            // Matched by position: every judgment lists the case's targets in the same order, even two with the same words.
            for (int t = 0; t < atMean.Count; t++)
                rows.Add((name, atMean[t], checks.Where(check => check.Targets[t].Passed).Sum(check => check.Weight)));
        }
        CalibrationResults.WriteLeaveOneCaseOut(folder.Path, rows);
        var writer = terminal.Output;
        writer.WriteLine();
        writer.WriteLine("Leave one case out: each case's targets judged under a calibration that never saw them, at the posterior means");
        writer.WriteLine("(simulated: the share the target judges, by the observed month or within the window) and over the posterior (the weight under which it is met).");
        foreach (var group in rows.GroupBy(row => row.HeldOut))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key}: {group.Count(row => row.Target.Passed)} of {group.Count()} targets met"));
            foreach (var (_, target, share) in group)
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {target.Target}: {(target.Passed ? "met" : "missed")} (simulated {100 * target.Simulated:0.#}%; met under {100 * share:0}% of the posterior)"));
        }
    }

    private static string Header(LoadedCalibration calibration, AbcGeneration posterior) => string.Create(CultureInfo.InvariantCulture,
        $"# Calibrated by 'ucgsim calibrate {Path.GetFileName(calibration.SourcePath)}' (ABC-SMC, seed {calibration.Settings.Seed}): the parameters\n"
        + $"# {string.Join(", ", calibration.Priors.Select(p => p.Input.Name))} are posterior means over {posterior.Particles.Count} particles\n"
        + $"# of generation {posterior.Index} (tolerance {posterior.Tolerance:0.###}); every other parameter keeps its default.\n");

    private static void WriteTable(TextWriter writer, Fit fit, IReadOnlyList<(int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)> checks)
    {
        var last = fit.Posterior;
        var generations = fit.Generations;
        var calibrated = fit.Parameters;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Posterior: generation {last.Index} of {generations.Count - 1}, tolerance {last.Tolerance:0.###}, effective sample size {last.EffectiveSampleSize:0}."));
        int width = Math.Max(9, calibrated.Max(p => p.Name.Length));
        writer.WriteLine($"  {"parameter".PadRight(width)}  {"prior range",-17}  {"default",9}  posterior mean [90% interval]");
        foreach (var p in calibrated)
        {
            var (lower, upper) = p.Prior.Support;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Name.PadRight(width)}  {$"{lower:0.####} to {upper:0.####}",-17}  {p.Default,9:0.####}  {p.Mean:0.####} [{p.Lower90:0.####}, {p.Upper90:0.####}]"));
        }
        writer.WriteLine();
        writer.WriteLine("Posterior predictive: share of the posterior (by weight) under which each target is met, on the calibration's replicates.");
        var byTarget = checks.SelectMany(check => check.Targets.Select(target => (target, check.Weight)))
            .GroupBy(pair => (pair.target.Case, pair.target.Target));
        foreach (var group in byTarget)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key.Case}: {group.Key.Target}: {100 * group.Where(pair => pair.target.Passed).Sum(pair => pair.Weight):0}%"));
    }
}
