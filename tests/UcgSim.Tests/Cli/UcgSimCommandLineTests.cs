using UcgSim.Cli;
using UcgSim.Tests.Results;

namespace UcgSim.Tests.Cli;

public sealed class UcgSimCommandLineTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("run", "experiment.yaml", "--threads", "0")]
    [InlineData("run", "experiment.yaml", "-n", "0")]
    [InlineData("run", "experiment.yaml", "--replicates", "many")]
    [InlineData("run", "experiment.yaml", "--seed", "-1")]
    [InlineData("run", "experiment.yaml", "--unknown")]
    [InlineData("run", "experiment.yaml", "--engine", "gpu")]
    [InlineData("levers", "experiment.yaml", "-n", "0")]
    [InlineData("levers", "experiment.yaml", "--threads", "0")]
    [InlineData("levers", "experiment.yaml", "--scenario")]
    [InlineData("simulate")]
    [InlineData]
    public void Invoke_BadCommandLine_ExitsWithTwoAndNoStackTrace(params string[] args)
    {
        int exitCode = UcgSimCommandLine.Invoke(args, new Terminal(_output, _error, ErrorIsInteractive: false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("ucgsim: ", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Theory]
    [InlineData("-n", "abc", "--replicates expects a whole number, not 'abc'.")]
    [InlineData("--seed", "-1", "--seed expects a whole number (0 or more), not '-1'.")]
    [InlineData("--threads", "two", "--threads expects a whole number, not 'two'.")]
    public void Invoke_NonNumericOption_SaysWhatWasExpectedInWords(string option, string value, string message)
    {
        int exitCode = UcgSimCommandLine.Invoke(["run", "experiment.yaml", option, value], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(message, _error.ToString());
        Assert.DoesNotContain("System.", _error.ToString());
    }

    [Fact]
    public void Invoke_ExperimentFileNotThere_ExitsWithTwoNamingIt()
    {
        string missing = Path.Combine(_scratch.Path, "missing.yaml");

        int exitCode = UcgSimCommandLine.Invoke(["run", missing], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"{missing}: there is no such file.", _error.ToString());
    }

    [Fact]
    public void Invoke_ScenarioWithMistake_ExitsWithTwoNamingFileLineAndKey_WritesNoResults()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "scenario.yaml"), "name: typo\npopularSupport: 1.4\n");
        File.WriteAllText(Path.Combine(_scratch.Path, "experiment.yaml"),
            "name: broken\nscenarios: [scenario.yaml]\nvariants:\n  - name: baseline\nreplicates: 10\n");
        string output = Path.Combine(_scratch.Path, "out");

        int exitCode = UcgSimCommandLine.Invoke(["run", Path.Combine(_scratch.Path, "experiment.yaml"), "-o", output],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("scenario.yaml:2:", _error.ToString());
        Assert.Contains("popularSupport", _error.ToString());
        Assert.Contains("between 0 and 1", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
        Assert.False(Directory.Exists(output));
    }

    // A lever that cannot act where it is run: regional dialogue in a scenario with no regional body (line 7).
    private const string DialogueWithNoRegionalBody =
        "name: warned\nscenarios:\n  - name: no-body\n    regionalSetting: none\nvariants:\n  - name: baseline\n    regionalDialogue: true\nreplicates: 10\n";

    [Fact]
    public void Invoke_LeverThatCannotActInAScenario_WarnsBeforeRunningAndRuns()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "experiment.yaml"), DialogueWithNoRegionalBody);
        string output = Path.Combine(_scratch.Path, "out");

        int exitCode = UcgSimCommandLine.Invoke(["run", Path.Combine(_scratch.Path, "experiment.yaml"), "-o", output, "--no-plots"],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        string[] lines = _error.ToString().Split(Environment.NewLine);
        Assert.StartsWith($"warning: {Path.Combine(_scratch.Path, "experiment.yaml")}:7:5: lever 'regionalDialogue' of variant 'baseline' has no effect in scenario 'no-body'", lines[1]);
        Assert.StartsWith("Running \"warned\"", lines[2]);
        Assert.Single(Directory.GetDirectories(output));
    }

    [Fact]
    public void Invoke_WarningsAsErrors_ExitsWithTwoAndWritesNoResults()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "experiment.yaml"), DialogueWithNoRegionalBody);
        string output = Path.Combine(_scratch.Path, "out");

        int exitCode = UcgSimCommandLine.Invoke(["run", Path.Combine(_scratch.Path, "experiment.yaml"), "-o", output, "--warnings-as-errors"],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("warning: ", _error.ToString());
        Assert.Contains("--warnings-as-errors makes each one a mistake", _error.ToString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Invoke_Parameters_PrintsAFileThatReadsBackAsTheDefaults()
    {
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["parameters"], new Terminal(_output, _error, false)));
        string path = Path.Combine(_scratch.Path, "parameters.yaml");
        File.WriteAllText(path, _output.ToString());
        Assert.Equal(new UcgSim.Core.Parameters.BehaviouralParameters(), UcgSim.Configuration.ParameterFile.Load(path));
    }

    [Fact]
    public void Invoke_BaseRates_PrintsRecurrenceFromBothDatasets()
    {
        int exitCode = UcgSimCommandLine.Invoke(["base-rates", "--data", UcgSim.Tests.Validation.RepositoryPaths.SharedData],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Powell & Thyne   1990-2022", _output.ToString());
        Assert.Contains("Cline Center     1950-2022", _output.ToString());
    }

    [Fact]
    public void Invoke_BaseRatesWithoutData_ExitsWithTwoNamingTheFile()
    {
        int exitCode = UcgSimCommandLine.Invoke(["base-rates", "--data", _scratch.Path], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("powell_thyne_coups_ptcoups_2023-03.csv", _error.ToString());
        Assert.Contains("shared/data", _error.ToString());
    }

    [Fact]
    public void Invoke_Help_ExitsWithZeroAndListsTheRunOptions()
    {
        int exitCode = UcgSimCommandLine.Invoke(["run", "--help"], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (string option in new[] { "--replicates", "--seed", "--threads", "--horizon", "--output", "--no-plots", "--no-records" })
            Assert.Contains(option, _output.ToString());
    }

    [Fact]
    public void Invoke_NoArguments_ListsTheCommandsOnTheErrorStreamAndExitsWithTwo()
    {
        int exitCode = UcgSimCommandLine.Invoke([], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("ucgsim: name a command", _error.ToString());
        foreach (string command in new[] { "run", "levers", "parameters", "validate", "base-rates" })
            Assert.Contains($"\n  {command} ", _error.ToString());
        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public void Invoke_HelpOfUcgsimAndOfRun_AgreeThatTheExperimentFileIsOptional()
    {
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["--help"], new Terminal(_output, _error, false)));
        string commands = _output.ToString();
        _output.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, UcgSimCommandLine.Invoke(["run", "--help"], new Terminal(_output, _error, false)));

        Assert.Contains("  run [<experiment-file>]  ", commands);
        Assert.Contains("  validate [<experiment-file>]  ", commands);
        Assert.Contains("  --verbose  ", commands);
        Assert.DoesNotContain("<experiment-file> ", commands);
        // The usage line starts with the name of the running program: testhost here, ucgsim when installed.
        Assert.Contains(" run [<experiment-file>] [options]", _output.ToString());
    }

    [Fact]
    public void Invoke_OptionInThePlaceOfTheFile_IsAnUnknownOptionNotAFileName()
    {
        int exitCode = UcgSimCommandLine.Invoke(["run", "--bogus"], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("ucgsim: unknown option '--bogus' for 'ucgsim run'. To name a file whose name starts with '-', write ./--bogus.", _error.ToString());
        Assert.Contains("Run 'ucgsim run --help' for its options.", _error.ToString());
        Assert.DoesNotContain("no such file", _error.ToString());
    }

    [Theory]
    [InlineData("run --replicate 5", "unknown option '--replicate' for 'ucgsim run'. Did you mean '--replicates'?")]
    [InlineData("run experiment.yaml --sed 3", "unknown option '--sed' for 'ucgsim run'. Did you mean '--seed'?")]
    [InlineData("run experiment.yaml --no-plot", "unknown option '--no-plot' for 'ucgsim run'. Did you mean '--no-plots'?")]
    [InlineData("levers experiment.yaml --scenari generic", "unknown option '--scenari' for 'ucgsim levers'. Did you mean '--scenario'?")]
    [InlineData("validate --dta shared", "unknown option '--dta' for 'ucgsim validate'. Did you mean '--data'?")]
    [InlineData("rn", "unknown command 'rn'. Did you mean 'run'? The commands are run, levers, explore, analyze, calibrate, backtest, parameters, validate, base-rates, resume, merge, slurm, inspect.")]
    [InlineData("run a.yaml b.yaml", "unexpected argument 'b.yaml': 'ucgsim run' takes one <experiment-file> and options.")]
    public void Invoke_MistypedCommandLine_SaysWhatWasMeant(string commandLine, string message)
    {
        int exitCode = UcgSimCommandLine.Invoke(commandLine.Split(' '), new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"ucgsim: {message}", _error.ToString());
    }

    [Fact]
    public void Invoke_ExperimentFileIsAFolder_SaysItIsAFolderAndNamesAFileInIt()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "default.yaml"), "name: x\n");

        int exitCode = UcgSimCommandLine.Invoke(["run", _scratch.Path], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"{_scratch.Path}: this is a folder, not a file; name one of the YAML files in it, such as default.yaml.", _error.ToString());
    }

    [Fact]
    public void Invoke_ExperimentNameNotFitForAFolder_SaysWhatItsResultsFolderIsNamedAfter()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "experiment.yaml"),
            "name: \"Mali 2021/ECOWAS: harsh?\"\nscenarios:\n  - name: s\nvariants:\n  - name: baseline\nreplicates: 10\n");
        string output = Path.Combine(_scratch.Path, "out");

        int exitCode = UcgSimCommandLine.Invoke(["run", Path.Combine(_scratch.Path, "experiment.yaml"), "-o", output, "--no-plots", "--no-records"],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("notice: the results folder is named after 'Mali-2021-ECOWAS-harsh', not the experiment name 'Mali 2021/ECOWAS: harsh?'", _error.ToString());
        Assert.StartsWith("Mali-2021-ECOWAS-harsh-", Path.GetFileName(Assert.Single(Directory.GetDirectories(output))));
    }

    [Fact]
    public void Invoke_ExperimentNameFitForAFolder_GivesNoNotice()
    {
        File.WriteAllText(Path.Combine(_scratch.Path, "experiment.yaml"),
            "name: mali-2021_v2.1\nscenarios:\n  - name: s\nvariants:\n  - name: baseline\nreplicates: 10\n");

        int exitCode = UcgSimCommandLine.Invoke(["run", Path.Combine(_scratch.Path, "experiment.yaml"), "-o", Path.Combine(_scratch.Path, "out"), "--no-plots", "--no-records"],
            new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("notice:", _error.ToString());
    }

    [Fact]
    public void FindDefaultExperiment_FileInAParentFolder_FindsTheNearestOne()
    {
        string outer = WriteDefaultExperiment(_scratch.Path);
        string project = Path.Combine(_scratch.Path, "project");
        string inner = WriteDefaultExperiment(project);
        string deep = Directory.CreateDirectory(Path.Combine(project, "a", "b")).FullName;

        Assert.Equal(inner, UcgSimCommandLine.FindDefaultExperiment(deep, Path.Combine(_scratch.Path, "bin")));
        Assert.NotEqual(outer, inner);
    }

    [Fact]
    public void FindDefaultExperiment_NoneAboveTheCurrentFolder_FallsBackToTheBundledCopy()
    {
        string bundled = WriteDefaultExperiment(Path.Combine(_scratch.Path, "bin"));
        string elsewhere = Directory.CreateDirectory(Path.Combine(_scratch.Path, "elsewhere")).FullName;

        Assert.Equal(bundled, UcgSimCommandLine.FindDefaultExperiment(elsewhere, Path.Combine(_scratch.Path, "bin")));
        Assert.Null(UcgSimCommandLine.FindDefaultExperiment(elsewhere, elsewhere));
    }

    private static string WriteDefaultExperiment(string root)
    {
        string path = Path.Combine(root, UcgSimCommandLine.DefaultExperimentPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "name: default\n");
        return path;
    }
}
