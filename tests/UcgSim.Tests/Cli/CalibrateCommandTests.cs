using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Results;
using UcgSim.Tests.Configuration;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly ConfigFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _folder.Dispose();

    // The shipped calibration cut to a few particles, generations and replicates, so that a test runs it in seconds.
    private string SmallCalibration(string extra = "") => _folder.Write("calibration.yaml",
        $"experiment: {Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml")}\n"
        + "uncertainties:\n  coupAttemptBase: {uniform: [0.003, 0.01]}\n  transitionAgreementBase: {uniform: [0.03, 0.08]}\n"
        + "particles: 12\nmaxGenerations: 2\nreplicates: 100\nseed: 5\n" + extra);

    [Fact]
    public void Execute_SmallCalibration_WritesThePosteriorTheCalibratedFileAndTheCheck()
    {
        int exit = Run(CalibrationFile.Load(SmallCalibration()), threads: 2, "out");

        Assert.Equal(ExitCodes.Success, exit);
        string folder = Directory.GetDirectories(Path.Combine(_folder.Root, "out")).Single();
        foreach (string file in new[] { CalibrationResults.GenerationsFileName, CalibrationResults.PosteriorFileName,
                     CalibrationResults.PredictiveFileName, CalibrationResults.CalibratedParametersFileName, CalibrationResults.FigureFileName })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.Equal(1 + 12 * 2, File.ReadAllLines(Path.Combine(folder, CalibrationResults.PosteriorFileName)).Length);
        // The calibrated file is a parameters file the model reads back, with the calibrated values in it.
        var calibrated = ParameterFile.Load(Path.Combine(folder, CalibrationResults.CalibratedParametersFileName));
        Assert.InRange(calibrated.CoupAttemptBase, 0.003, 0.01);
        Assert.Contains("targets met", _output.ToString());
        Assert.Contains("Generation 1:", _error.ToString());
    }

    [Fact]
    public void Execute_LeaveOneCaseOut_JudgesEveryCaseWithTargetsUnderACalibrationWithoutThem()
    {
        Assert.Equal(ExitCodes.Success, Run(CalibrationFile.Load(SmallCalibration()), threads: 2, "loo", leaveOneCaseOut: true));

        string folder = Directory.GetDirectories(Path.Combine(_folder.Root, "loo")).Single();
        var rows = File.ReadAllLines(Path.Combine(folder, CalibrationResults.LeaveOneCaseOutFileName)).Skip(1).ToArray();
        Assert.Equal(23, rows.Length);
        Assert.Equal(6, rows.Select(row => row.Split(',')[0]).Distinct().Count());
        Assert.Contains("Leaving out mali-2021:", _error.ToString());
        Assert.Contains("Leave one case out", _output.ToString());
    }

    [Fact]
    public void Execute_OneOrTwoThreads_SamePosteriorByteForByte()
    {
        var calibration = CalibrationFile.Load(SmallCalibration());
        Assert.Equal(ExitCodes.Success, Run(calibration, threads: 1, "one"));
        Assert.Equal(ExitCodes.Success, Run(calibration, threads: 2, "two"));

        string Posterior(string root) => File.ReadAllText(Path.Combine(Directory.GetDirectories(Path.Combine(_folder.Root, root)).Single(),
            CalibrationResults.PosteriorFileName));
        Assert.Equal(Posterior("one"), Posterior("two"));
    }

    [Fact]
    public void Load_ScenarioConditionAsPrior_IsAnErrorAtItsLine()
    {
        string path = _folder.Write("c.yaml",
            $"experiment: {Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml")}\nuncertainties:\n  popularSupport: {{uniform: [0.2, 0.6]}}\n");

        ConfigurationAssert.Fails(() => CalibrationFile.Load(path), path, 3, "popularSupport", "is a scenario condition", "behavioural parameters only");
    }

    [Fact]
    public void Load_ListOfValuesAsPrior_IsAnErrorSayingWhatToGive()
    {
        string path = _folder.Write("c.yaml",
            $"experiment: {Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml")}\nuncertainties:\n  coupSuccessBase: {{values: [0.2, 0.3]}}\n");

        ConfigurationAssert.Fails(() => CalibrationFile.Load(path), path, 3, "coupSuccessBase", "list of values", "uniform, triangular or normal prior");
    }

    [Fact]
    public void Load_MisspeltSetting_SuggestsTheSetting()
    {
        string path = SmallCalibration("particle: 10\n");

        ConfigurationAssert.Fails(() => CalibrationFile.Load(path), path, 9, "particle", "is not a calibration setting", "Did you mean 'particles'?");
    }

    [Fact]
    public void Load_WithoutExperiment_SaysWhatToAdd()
    {
        string path = _folder.Write("c.yaml", "uncertainties:\n  coupSuccessBase: {uniform: [0.2, 0.3]}\n");

        ConfigurationAssert.Fails(() => CalibrationFile.Load(path), path, 1, "experiment", "'experiment' is missing", "validation experiment");
    }

    [Fact]
    public void Backtest_ShippedValidationExperiment_ScoresModelAndBaselineOnEveryTarget()
    {
        var validation = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml"));

        int exit = BacktestCommand.Execute(validation, RepositoryPaths.SharedData, replicates: 200, cutoffYear: 2011,
            new RunOptions { Threads = 2, OutputRoot = Path.Combine(_folder.Root, "backtest") }, new Terminal(_output, _error, ErrorIsInteractive: false),
            CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exit);
        string folder = Directory.GetDirectories(Path.Combine(_folder.Root, "backtest")).Single();
        var scores = File.ReadAllLines(Path.Combine(folder, BacktestResults.ScoresFileName));
        Assert.Equal(1 + 4 * 2, scores.Length);
        Assert.True(File.Exists(Path.Combine(folder, BacktestResults.FigureFileName)));
        Assert.Contains("successful coup within 12 months", _output.ToString());
    }

    [Fact]
    public void Execute_DataUntil2010_FitsOnlyTheBaseRatesOfThoseYears()
    {
        var calibration = CalibrationFile.Load(SmallCalibration());

        int exit = CalibrateCommand.Execute(calibration, RepositoryPaths.SharedData,
            new RunOptions { Threads = 2, OutputRoot = Path.Combine(_folder.Root, "until") }, leaveOneCaseOut: false,
            new Terminal(_output, _error, ErrorIsInteractive: false), CancellationToken.None, dataUntil: 2010);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Fitting the base rates of the coups up to 2010 only", _error.ToString());
        string folder = Directory.GetDirectories(Path.Combine(_folder.Root, "until")).Single();
        var cases = File.ReadAllLines(Path.Combine(folder, CalibrationResults.PredictiveFileName)).Skip(1)
            .Select(line => line.Split(',')[0]).Distinct();
        Assert.Equal(["generic"], cases);
    }

    [Theory]
    [InlineData(1800)]
    [InlineData(1992)]
    public void Execute_DataUntilTooEarlyForABaseRate_ExitsWithTwoSayingWhichYearsWork(int year)
    {
        int exit = CalibrateCommand.Execute(CalibrationFile.Load(SmallCalibration()), RepositoryPaths.SharedData,
            new RunOptions { Threads = 1, OutputRoot = Path.Combine(_folder.Root, "early") }, leaveOneCaseOut: false,
            new Terminal(_output, _error, ErrorIsInteractive: false), CancellationToken.None, dataUntil: year);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains($"--data-until {year} leaves a base rate with no successful coup", _error.ToString());
        Assert.Contains("1996 or later", _error.ToString());
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, "early")));
    }

    [Fact]
    public void Backtest_WithAParametersFile_ForecastsWithIt()
    {
        string parameters = _folder.Write("p.yaml", "coupSuccessBase: 0.45\n");
        var error = new StringWriter();

        int exit = UcgSimCommandLine.Invoke(
            ["backtest", Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml"), "--parameters", parameters, "-n", "100",
             "--data", RepositoryPaths.SharedData, "-o", Path.Combine(_folder.Root, "bt"), "--no-plots"],
            new Terminal(_output, error, ErrorIsInteractive: false));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains($"Parameters file: {parameters}", error.ToString());
        Assert.Contains("successful coup within 24 months", _output.ToString());
    }

    [Fact]
    public void Validate_ShippedCalibratedParameters_MeetEveryTarget()
    {
        string calibrated = Path.Combine(RepositoryPaths.Configs, "parameters-calibrated.yaml");

        int exit = UcgSimCommandLine.Invoke(
            ["validate", Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml"), "--parameters", calibrated,
             "--data", RepositoryPaths.SharedData, "-o", Path.Combine(_folder.Root, "validate"), "--no-plots"],
            new Terminal(_output, _error, ErrorIsInteractive: false));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("23 of 23 targets met", _output.ToString());
        // It differs from the hand-set file where the calibration moved the defaults.
        Assert.NotEqual(new Core.Parameters.BehaviouralParameters().CoupSuccessBase, ParameterFile.Load(calibrated).CoupSuccessBase);
    }

    [Fact]
    public void Run_WithTheCalibratedParameters_RunsWithThemAndSaysSo()
    {
        string calibrated = Path.Combine(RepositoryPaths.Configs, "parameters-calibrated.yaml");
        string root = Path.Combine(_folder.Root, "run");

        int exit = UcgSimCommandLine.Invoke(["run", "--parameters", calibrated, "-n", "50", "--no-plots", "--no-parquet", "-o", root],
            new Terminal(_output, _error, ErrorIsInteractive: false));

        Assert.Equal(ExitCodes.Success, exit);
        string resolved = File.ReadAllText(Directory.GetFiles(Directory.GetDirectories(root).Single(), ResultsFolder.ResolvedExperimentFileName).Single());
        double calibratedValue = ParameterFile.Load(calibrated).CoupSuccessBase;
        Assert.Contains($"coupSuccessBase: {calibratedValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", resolved);
        Assert.Contains(calibrated, Manifest(root));
    }

    private static string Manifest(string root) =>
        File.ReadAllText(Path.Combine(Directory.GetDirectories(root).Single(), ResultsFolder.ManifestFileName));

    [Fact]
    public void ShippedCalibration_Loads()
    {
        var calibration = CalibrationFile.Load(Path.Combine(RepositoryPaths.Configs, "calibration", "validation-targets.yaml"));

        Assert.Equal(6, calibration.Priors.Count);
        Assert.Equal(6, calibration.Validation.Experiment.Scenarios.Count);
    }

    private int Run(LoadedCalibration calibration, int threads, string root, bool leaveOneCaseOut = false) =>
        CalibrateCommand.Execute(calibration, RepositoryPaths.SharedData,
            new RunOptions { Threads = threads, OutputRoot = Path.Combine(_folder.Root, root) }, leaveOneCaseOut,
            new Terminal(_output, _error, ErrorIsInteractive: false), CancellationToken.None);
}
