using System.Globalization;
using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    private string Output => Path.Combine(_scratch.Path, "out");

    // An experiment of the given scenarios, each under a default variant of its own, 200 replicates.
    private string Experiment(int horizon, params string[] scenarios)
    {
        for (int i = 0; i < scenarios.Length; i++)
            File.WriteAllText(Path.Combine(_scratch.Path, $"scenario-{i}.yaml"), scenarios[i]);
        string path = Path.Combine(_scratch.Path, "validation.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"name: check\nscenarios: [{string.Join(", ", scenarios.Select((_, i) => $"scenario-{i}.yaml"))}]\n"
            + $"variants:\n{string.Concat(scenarios.Select((_, i) => $"  - name: policy-{i}\n"))}replicates: 200\nhorizon: {horizon}\n"));
        return path;
    }

    private int Validate(params string[] args) =>
        UcgSimCommandLine.Invoke(["validate", .. args, "-o", Output, "-t", "2"], new Terminal(_output, _error, ErrorIsInteractive: false));

    private const string PossibleTarget = "name: quiet\nobserved:\n  - event: civilianRuleRestored\n    absentBy: 1\n    source: test\n";

    // With no regional organization there is nobody to impose regional sanctions.
    private const string ImpossibleTarget =
        "name: impossible\nregionalSetting: none\nobserved:\n  - event: regionalSanctionsImposed\n    month: 3\n    source: test\n";

    [Fact]
    public void Validate_EveryTargetMet_ExitsWithZeroAndWritesAFigurePerCase()
    {
        int exitCode = Validate(Experiment(24, PossibleTarget));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("civilian rule restored  not by month 1", _output.ToString());
        Assert.Contains("1 of 1 targets met.", _output.ToString());
        string folder = Assert.Single(Directory.GetDirectories(Output));
        Assert.Equal(
            [ResultsFolder.ResolvedExperimentFileName, ResultsFolder.ManifestFileName, "validation-quiet.png"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.True(new FileInfo(Path.Combine(folder, "validation-quiet.png")).Length > 20_000);
    }

    [Fact]
    public void Validate_ImpossibleTarget_ExitsWithOneAndNamesTheMiss()
    {
        int exitCode = Validate(Experiment(24, PossibleTarget, ImpossibleTarget), "--no-plots");

        Assert.Equal(ExitCodes.TargetMissed, exitCode);
        Assert.Contains("regional sanctions imposed  month 3   0.0%", _output.ToString());
        Assert.Contains("FAIL", _output.ToString());
        Assert.Contains("1 of 2 targets met.", _output.ToString());
        Assert.Contains("Missed: impossible: regional sanctions imposed, month 3.", _output.ToString());
        Assert.Empty(Directory.GetFiles(Assert.Single(Directory.GetDirectories(Output)), "*.png"));
    }

    [Fact]
    public void Validate_LeverThatCannotActInItsCase_WarnsOnlyForTheCasesRun()
    {
        // Case 0 has no regional body, so its lifting rule cannot act; case 1's dialogue could not act in case 0,
        // but validate never runs it there.
        string path = Experiment(24, "name: no-body\nregionalSetting: none\n" + PossibleTarget[PossibleTarget.IndexOf("observed", StringComparison.Ordinal)..],
            PossibleTarget);
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("  - name: policy-0\n", "  - name: policy-0\n    sanctionsLifting: never\n", StringComparison.Ordinal)
            .Replace("  - name: policy-1\n", "  - name: policy-1\n    regionalDialogue: true\n", StringComparison.Ordinal));

        int exitCode = Validate(path, "--no-plots");

        Assert.Equal(ExitCodes.Success, exitCode);
        string warning = Assert.Single(_error.ToString().Split(Environment.NewLine), line => line.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains("lever 'sanctionsLifting' of variant 'policy-0' has no effect in scenario 'no-body'", warning);
    }

    [Fact]
    public void Validate_FewerVariantsThanScenarios_ExitsWithTwoStatingThePairingRule()
    {
        string path = Experiment(24, PossibleTarget, PossibleTarget.Replace("quiet", "other", StringComparison.Ordinal));
        File.WriteAllText(path, File.ReadAllText(path).Replace("  - name: policy-1\n", "", StringComparison.Ordinal));

        int exitCode = Validate(path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("pairs scenario i with variant i", _error.ToString());
        Assert.Contains("2 scenario(s) and 1 variant(s)", _error.ToString());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Validate_NoObservedHistory_ExitsWithTwoSayingWhatToAdd()
    {
        int exitCode = Validate(Experiment(24, "name: plain\n"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("declares an 'observed:' history", _error.ToString());
    }

    [Fact]
    public void Validate_TargetMonthBeyondTheHorizon_ExitsWithTwoNamingFileAndLine()
    {
        int exitCode = Validate(Experiment(12, "name: late\nobserved:\n  - event: civilWar\n    month: 18\n    source: test\n"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("scenario-0.yaml:3:", _error.ToString());
        Assert.Contains("month 18 lies beyond the experiment's 12-month horizon", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Fact]
    public void Validate_MisspeltEvent_ExitsWithTwoAndSuggestsTheName()
    {
        int exitCode = Validate(Experiment(24, "name: typo\nobserved:\n  - event: civilwar\n    month: 18\n    source: test\n  - event: civilWarr\n    month: 18\n    source: test\n"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("scenario-0.yaml:6:", _error.ToString());
        Assert.Contains("Did you mean 'civilWar'?", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Fact]
    public void Validate_BaseRates_PrintsTheDatasetsShareComputedFromTheFile()
    {
        const string generic = "name: generic\nobserved:\n  - recurrence: counterCoup\n    within: [12]\n    region: africa\n    since: 1990\n    source: P&T test\n";
        var expected = CoupDatasets.RecurrenceAfterSuccessfulCoups(
            CoupDatasets.LoadPowellThyne(Path.Combine(RepositoryPaths.SharedData, BaseRatesCommand.PowellThyneFile)),
            new CoupSubset(CoupRegion.Africa, 1990, int.MaxValue), 12, FollowingCoup.Successful);

        Validate(Experiment(24, generic), "--data", RepositoryPaths.SharedData, "--no-plots");

        Assert.Contains("Base rates: \"generic\" under \"policy-0\"", _output.ToString());
        Assert.Contains("Coups counted: P&T test", _output.ToString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"counter-coup  12 months  {100 * expected.Estimate:0.0}% [{100 * expected.Lower:0.0}%-{100 * expected.Upper:0.0}%] ({expected.Total})"), _output.ToString());
    }

    [Fact]
    public void Validate_BaseRatesWithoutTheDataset_ExitsWithTwoNamingTheFile()
    {
        const string generic = "name: generic\nobserved:\n  - recurrence: coupAttempt\n    within: [12]\n    region: world\n    since: 1990\n    source: test\n";

        int exitCode = Validate(Experiment(24, generic), "--data", _scratch.Path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(BaseRatesCommand.PowellThyneFile, _error.ToString());
        Assert.Contains("cannot read the coup dataset", _error.ToString());
    }

    [Fact]
    public void Validate_Help_ListsTheOptions()
    {
        int exitCode = UcgSimCommandLine.Invoke(["validate", "--help"], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (string option in new[] { "--replicates", "--seed", "--threads", "--output", "--no-plots", "--data", "validation.yaml" })
            Assert.Contains(option, _output.ToString());
    }
}
