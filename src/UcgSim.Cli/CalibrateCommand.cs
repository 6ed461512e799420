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

    public static int Execute(LoadedCalibration calibration, string? dataFolder, RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var settings = calibration.Settings;
        var validation = calibration.Validation;
        if (validation.Experiment.Variants.Count != validation.Experiment.Scenarios.Count || validation.CaseHistories.All(history => history.IsEmpty))
        {
            terminal.Error.WriteLine(
                $"ucgsim: {calibration.SourcePath} fits the targets of {validation.SourcePath}, which must be a validation experiment: one variant per scenario, and 'observed:' histories in the scenario files, as {ValidateCommand.DefaultExperimentPath} has.");
            return ExitCodes.UsageError;
        }
        if (ValidateCommand.Targets(validation, dataFolder, "calibrate", terminal) is not { } targets) return ExitCodes.UsageError;
        if (RunCommand.CreateResultsFolder(options.OutputRoot, settings.Name, terminal) is not { } folder) return ExitCodes.UsageError;
        File.Copy(calibration.SourcePath, Path.Combine(folder.Path, "calibration.yaml"));

        var experiment = validation.Experiment with { Replicates = settings.Replicates };
        string[] names = [.. calibration.Priors.Select(prior => prior.Input.Name)];
        int targetCount = targets.Sum(target => target.Facts.Count + target.BaseRates.Count);
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calibrating {names.Length} parameter(s) against {targetCount} targets of {targets.Count} case(s) by ABC-SMC: {settings.Particles:N0} particles, at most {settings.MaxGenerations} generations, {settings.Replicates:N0} replicates per case and evaluation, seed {settings.Seed}, {options.Threads} thread(s)."));

        IReadOnlyList<TargetDistance> Judge(IReadOnlyList<double> values, ulong seed) =>
            CalibrationTargets.Of(CaseValidation.Run(calibration.Plan.At(experiment with { Seed = seed }, values), targets, threads: 1),
                settings.FactWeight, settings.BaseRateWeight);

        IReadOnlyList<AbcGeneration> generations;
        try
        {
            generations = AbcSmc.Run([.. calibration.Priors.Select(prior => prior.Input.Distribution)],
                (values, seed) => CalibrationTargets.Total(Judge(values, seed)), settings.Abc, options.Threads,
                generation => terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Generation {generation.Index}: tolerance {generation.Tolerance:0.###}, {generation.Proposals:N0} proposals ({100 * generation.AcceptanceRate:0.#}% accepted), effective sample size {generation.EffectiveSampleSize:0}.")),
                cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            terminal.Error.WriteLine($"Interrupted. Kept in {folder.Path}: the calibration file; no posterior.");
            return ExitCodes.Interrupted;
        }
        var posterior = generations[^1];
        CalibrationResults.WriteGenerations(folder.Path, generations);
        CalibrationResults.WritePosterior(folder.Path, names, generations);

        var defaults = experiment.Parameters;
        var calibrated = names.Select((name, k) => CalibratedParameter.Of(name, calibration.Priors[k].Input.Distribution,
            DefaultOf(defaults, name), posterior, k)).ToList();
        var calibratedParameters = calibration.Plan.At(validation.Experiment, [.. calibrated.Select(parameter => parameter.Mean)]).Parameters;
        File.WriteAllText(Path.Combine(folder.Path, CalibrationResults.CalibratedParametersFileName),
            Header(calibration, posterior) + ConfigurationWriter.WriteParameters(calibratedParameters));

        // The posterior predictive check: every target under each posterior particle, on the calibration's own replicates.
        var checks = new (int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)[posterior.Particles.Count];
        Parallel.For(0, checks.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellation },
            i => checks[i] = (i, posterior.Particles[i].Weight, Judge(posterior.Particles[i].Values, validation.Experiment.Seed)));
        CalibrationResults.WritePredictive(folder.Path, checks);
        if (options.Plots) CalibrationResults.WriteFigure(folder.Path, calibrated, posterior);

        // The calibrated parameters judged as 'ucgsim validate' judges the shipped ones: the file's replicates and seed.
        var verdicts = CaseValidation.Run(validation.Experiment with { Parameters = calibratedParameters }, targets, options.Threads,
            cancellation: cancellation);
        int met = verdicts.Sum(v => v.Facts.Count(f => f.Passed) + v.BaseRates.Count(b => b.Passed));

        WriteTable(terminal.Output, calibrated, generations, checks);
        terminal.Output.WriteLine();
        terminal.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"With the calibrated parameters (posterior means), {met} of {targetCount} targets met ({validation.Experiment.Replicates:N0} replicates per case, seed {validation.Experiment.Seed})."));
        terminal.Output.WriteLine($"Results: {folder.Path}");
        return ExitCodes.Success;
    }

    private static double DefaultOf(BehaviouralParameters parameters, string name) =>
        Convert.ToDouble(typeof(BehaviouralParameters).GetProperties().Single(p => YamlSpelling.Name(p.Name) == name).GetValue(parameters), CultureInfo.InvariantCulture);

    private static string Header(LoadedCalibration calibration, AbcGeneration posterior) => string.Create(CultureInfo.InvariantCulture,
        $"# Calibrated by 'ucgsim calibrate {Path.GetFileName(calibration.SourcePath)}' (ABC-SMC, seed {calibration.Settings.Seed}): the parameters\n"
        + $"# {string.Join(", ", calibration.Priors.Select(p => p.Input.Name))} are posterior means over {posterior.Particles.Count} particles\n"
        + $"# of generation {posterior.Index} (tolerance {posterior.Tolerance:0.###}); every other parameter keeps its default.\n");

    private static void WriteTable(TextWriter writer, IReadOnlyList<CalibratedParameter> calibrated,
        IReadOnlyList<AbcGeneration> generations, IReadOnlyList<(int Particle, double Weight, IReadOnlyList<TargetDistance> Targets)> checks)
    {
        var last = generations[^1];
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Posterior: generation {last.Index} of {generations.Count - 1}, tolerance {last.Tolerance:0.###}, effective sample size {last.EffectiveSampleSize:0}."));
        int width = Math.Max(9, calibrated.Max(p => p.Name.Length));
        writer.WriteLine($"  {"parameter".PadRight(width)}  {"prior range",-17}  {"default",9}  {"posterior mean [90% interval]",-30}");
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
