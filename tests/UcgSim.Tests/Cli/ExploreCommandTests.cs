using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Runs;
using UcgSim.Results;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

public sealed class ExploreCommandTests : IDisposable
{
    // Two variants on the generic scenario, so that robustness has something to compare; a parameter, a number, a
    // whole number, a choice and a yes-or-no, so that every kind of input goes through the points file.
    private const string EveryKindOfInput = """
          commitmentSlope: {normal: [5.5, 1.5]}
          popularSupport: {uniform: [0.2, 0.8]}
          earlierCoups: {uniform: [0, 4]}
          regionalSetting: {values: [none, africanUnionOnly, africanUnionAndStrongCommunity]}
          insurgencyActive: {values: [false, true]}
        """;

    private static string Experiment(string design, string uncertainties) => $"""
        name: small-design
        scenarios:
          - {Path.Combine(RepositoryPaths.Configs, "scenarios", "generic.yaml")}
        variants:
          - name: status-quo
          - name: pragmatic
            missionPosture: pragmatic
        replicates: 120
        seed: 7
        horizon: 36
        uncertainties:
        {uncertainties}
        design: {design}
        """;

    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Explore_OneThreadTwoThreadsAndASplitRun_WriteTheSameRowsAndIndices()
    {
        string file = Write("{kind: saltelli, points: 6}");

        string one = Explore(file, "one", "-t", "1");
        string two = Explore(file, "two", "-t", "2");
        string first = Explore(file, "parts", "-t", "2", "--points", "1/2");
        string second = Explore(file, "parts", "-t", "1", "--points", "2/2");

        string whole = File.ReadAllText(Path.Combine(one, DesignPointsCsv.FileName));
        Assert.Equal(whole, File.ReadAllText(Path.Combine(two, DesignPointsCsv.FileName)));
        string[] parts = [.. File.ReadAllLines(Path.Combine(first, DesignPointsCsv.FileName)),
            .. File.ReadAllLines(Path.Combine(second, DesignPointsCsv.FileName)).Skip(1)];
        Assert.Equal(whole, string.Join("\n", parts) + "\n");
        Assert.Equal(1 + 6 * 7, parts.Length);

        // The parts analysed together give the indices of the whole run, bit for bit.
        Assert.Equal(ExitCodes.Success, Invoke("analyze", first, second, "--no-plots"));
        Assert.Equal(File.ReadAllText(Path.Combine(one, ExplorationCsv.SobolIndicesFileName)), File.ReadAllText(Path.Combine(first, ExplorationCsv.SobolIndicesFileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(one, ExplorationCsv.RobustnessFileName)), File.ReadAllText(Path.Combine(first, ExplorationCsv.RobustnessFileName)));
    }

    [Fact]
    public void Explore_AnInputThatCannotAct_EveryPointGivesTheSameShares()
    {
        // The Council polarization shock acts only from a shock month, which the generic scenario has not: every point
        // then runs the same replicates with the same draws (common random numbers), so its shares cannot differ.
        string file = WriteAs("inert.yaml", "{kind: monteCarlo, points: 4}", "  councilPolarizationShock: {uniform: [-0.5, 0.5]}");
        var loaded = ExperimentFile.Load(file);
        Assert.Single(loaded.Exploration!.Inputs);
        string folder = Explore(file, "inert", "--no-analysis");

        var rows = File.ReadAllLines(Path.Combine(folder, DesignPointsCsv.FileName)).Skip(1).Select(row => row.Split(',')).ToList();
        Assert.Equal(4, rows.Select(row => row[1]).Distinct().Count());
        Assert.Single(rows.Select(row => string.Join(",", row.Skip(2))).Distinct());
    }

    [Fact]
    public void Explore_Morris_PrintsEffectsRobustnessAndPrimAndDrawsTheFigures()
    {
        string folder = Explore(Write("{kind: morris, points: 4}"), "morris", "-t", "2");
        Assert.Equal(ExitCodes.Success, Invoke("analyze", folder, "--prim", "entrenched authorities>0.5"));

        string said = _output.ToString();
        Assert.Contains("Morris elementary effects", said);
        Assert.Contains("Policy robustness", said);
        Assert.Contains("Scenario discovery (PRIM) for 'generic/status-quo/entrenched authorities' > 0.5", said);
        foreach (string file in new[] { ExplorationCsv.MorrisEffectsFileName, ExplorationCsv.RobustnessFileName, ExplorationCsv.PrimFileName,
                     ExplorationPlots.MorrisFileName, ExplorationPlots.DistributionsFileName, ExplorationPlots.PairedDifferencesFileName, ExplorationPlots.PrimFileName })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing.");
        // Four trajectories of six points: twenty elementary effects per measure and input.
        Assert.Equal(1 + 7 * 5, File.ReadAllLines(Path.Combine(folder, ExplorationCsv.MorrisEffectsFileName)).Length);
    }

    [Fact]
    public void Run_FileWithADesign_ExploresIt()
    {
        string root = Path.Combine(_scratch.Path, "run");
        Assert.Equal(ExitCodes.Success, Invoke("run", Write("{kind: latinHypercube, points: 5}"), "-o", root, "--no-plots"));
        string folder = Directory.GetDirectories(root).Single();
        Assert.Equal(1 + 5, File.ReadAllLines(Path.Combine(folder, DesignPointsCsv.FileName)).Length);
        // The resolved file repeats the run: it loads back to the same plan, its seed written out.
        var plan = ExperimentFile.Load(Path.Combine(folder, ResultsFolder.ResolvedExperimentFileName)).Exploration!;
        Assert.Equal(ExperimentFile.Load(Path.Combine(_scratch.Path, "experiment.yaml")).Exploration!.Inputs, plan.Inputs);
        Assert.Equal(new DesignSettings { Kind = DesignKind.LatinHypercube, Points = 5, Seed = 7 }, plan.Design);
    }

    [Fact]
    public void Run_FileWithADesignAndAShard_RunsThatPartOfThePoints_AsExplorePointsDoes()
    {
        // A Slurm job array passes --shard i/k to ucgsim run whatever the file holds; each task must run its own points.
        string file = Write("{kind: latinHypercube, points: 5}");
        string root = Path.Combine(_scratch.Path, "shard");
        Assert.Equal(ExitCodes.Success, Invoke("run", file, "--shard", "2/2", "-o", root, "--no-plots"));
        string shard = Directory.GetDirectories(root).Single();
        string part = Explore(file, "points", "--points", "2/2");
        string[] rows = File.ReadAllLines(Path.Combine(shard, DesignPointsCsv.FileName));
        Assert.Equal(File.ReadAllLines(Path.Combine(part, DesignPointsCsv.FileName)), rows);
        Assert.Equal(1 + 3, rows.Length);
    }

    [Theory]
    [InlineData("--horizon")]
    [InlineData("--first-replicate")]
    [InlineData("--trajectories")]
    public void Run_FileWithADesign_RefusesARunOptionThatDoesNotApply(string option)
    {
        Assert.Equal(ExitCodes.UsageError, Invoke("run", Write("{kind: sobol, points: 4}"), option, "12", "-o", _scratch.Path));
        Assert.Contains($"{option} does not apply to a design", _error.ToString());
        Assert.Empty(Directory.GetDirectories(_scratch.Path));
    }

    [Theory]
    [InlineData("--points", "3/2", "--points expects PART/PARTS")]
    [InlineData("--points", "half", "--points expects PART/PARTS")]
    [InlineData("-t", "0", "--threads must be at least 1")]
    public void Explore_BadOption_ExitsWithTwoSayingTheFix(string option, string value, string message)
    {
        Assert.Equal(ExitCodes.UsageError, Invoke("explore", Write("{kind: sobol, points: 4}"), option, value, "-o", _scratch.Path));
        Assert.Contains(message, _error.ToString());
    }

    [Fact]
    public void Explore_FileWithoutADesign_ExitsWithTwoPointingToRun()
    {
        string file = Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml");
        Assert.Equal(ExitCodes.UsageError, Invoke("explore", file, "-o", _scratch.Path));
        Assert.Contains("has no 'uncertainties:' and 'design:' sections", _error.ToString());
    }

    [Fact]
    public void Analyze_PartsOfDifferentRuns_ExitsWithTwo()
    {
        string a = Explore(Write("{kind: sobol, points: 4}"), "a", "--no-analysis");
        string b = Explore(WriteAs("other.yaml", "{kind: sobol, points: 4, seed: 3}"), "b", "--no-analysis");
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", a, b));
        Assert.Contains("not parts of one exploratory run", _error.ToString());
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", _scratch.Path));
        Assert.Contains("does not exist", _error.ToString());
    }

    [Fact]
    public void Analyze_APointsFileCutOffOrAPartGivenTwice_ExitsWithTwoSayingWhich()
    {
        string folder = Explore(Write("{kind: sobol, points: 4}"), "cut", "--no-analysis");
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", folder, folder));
        Assert.Contains("point 0 is also in an earlier row or file", _error.ToString());

        string points = Path.Combine(folder, DesignPointsCsv.FileName);
        string text = File.ReadAllText(points);
        // Cut inside the last row's fields, or inside its last number (its line end and last digit gone), where the
        // row still has every field.
        foreach (int cut in new[] { 20, 2 })
        {
            File.WriteAllText(points, text[..(text.Length - cut)]);
            _error.GetStringBuilder().Clear();
            Assert.Equal(ExitCodes.UsageError, Invoke("analyze", folder));
            Assert.Contains($"{points}:5: ", _error.ToString());
            Assert.Contains("the file was cut off while being written", _error.ToString());
        }
    }

    [Fact]
    public void Analyze_PrimThresholdAboveOne_ExitsWithTwoSuggestingAPercentage()
    {
        string folder = Explore(Write("{kind: sobol, points: 4}"), "prim", "--no-analysis");
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", folder, "--prim", "entrenched authorities>20"));
        Assert.Contains("--prim compares a share, from 0 to 1, and 20 is outside it: did you mean 'entrenched authorities>20%'?", _error.ToString());
    }

    [Fact]
    public void Analyze_APointsFileWithNoRowOrNothingAtAll_ExitsWithTwoSayingWhich()
    {
        string folder = Explore(Write("{kind: sobol, points: 4}"), "empty", "--no-analysis");
        string points = Path.Combine(folder, DesignPointsCsv.FileName);
        File.WriteAllLines(points, [File.ReadLines(points).First()]);
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", folder));
        Assert.Contains($"{points} holds no finished point", _error.ToString());

        File.WriteAllText(points, "");
        Assert.Equal(ExitCodes.UsageError, Invoke("analyze", folder));
        Assert.Contains($"{points} is empty", _error.ToString());
    }

    [Theory]
    [InlineData("explore", "--points")]
    [InlineData("run", "--shard")]
    public void Explore_MorePartsThanPoints_IsRefusedBeforeAnyFolder(string command, string option)
    {
        string root = Path.Combine(_scratch.Path, "parts");
        Assert.Equal(ExitCodes.UsageError, Invoke(command, Write("{kind: latinHypercube, points: 3}"), option, "4/5", "-o", root));
        Assert.Contains("part 4 of 5 of a design of 3 points: some parts would have no point. Split it into at most 3 parts.", _error.ToString());
        Assert.False(Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any());
    }

    [Fact]
    public void Explore_Interrupted_KeepsTheFolderWithItsHeaderAndAnUnfinishedManifest()
    {
        var loaded = ExperimentFile.Load(Write("{kind: sobol, points: 4}"));
        using var interruption = new CancellationTokenSource();
        interruption.Cancel();
        string root = Path.Combine(_scratch.Path, "interrupted");

        int exitCode = ExploreCommand.Execute(loaded, new ExploreOptions { OutputRoot = root, Threads = 2 },
            new Terminal(_output, _error, ErrorIsInteractive: false), interruption.Token);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        string folder = Directory.GetDirectories(root).Single();
        Assert.Single(File.ReadAllLines(Path.Combine(folder, DesignPointsCsv.FileName)));
        Assert.Contains("\"completed\": false", File.ReadAllText(Path.Combine(folder, ResultsFolder.ManifestFileName)));
        Assert.Contains("Interrupted. Kept in", _error.ToString());
    }

    [Fact]
    public void SensitivityExperiment_Shipped_EveryBehaviouralParameterAndConditionIsUncertain_AndABaseRowRuns()
    {
        var loaded = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "sensitivity.yaml"));
        var plan = loaded.Exploration!;
        var parameters = plan.Uncertainties.Where(u => u.Kind == UncertainInputKind.BehaviouralParameter).Select(u => u.Input.Name);
        Assert.Equal(typeof(UcgSim.Core.Parameters.BehaviouralParameters).GetProperties().Length, parameters.Count());
        var design = (SaltelliDesign)plan.CreateDesign(loaded.Experiment);
        var experiment = loaded.Experiment with { Replicates = 20 };
        var rows = Enumerable.Range(0, design.PointsPerRow).Select(i => DesignRunner.RunPoint(design, values => plan.At(experiment, values), i)).ToList();
        Assert.All(rows, row => Assert.Equal(20, row.Summary.Tally(0, 0).OutcomeCounts.Sum()));
    }

    private string Write(string design) => WriteAs("experiment.yaml", design);

    private string WriteAs(string name, string design, string uncertainties = EveryKindOfInput)
    {
        string path = Path.Combine(_scratch.Path, name);
        File.WriteAllText(path, Experiment(design, uncertainties));
        return path;
    }

    // Runs ucgsim explore into its own output root and returns the results folder it made.
    private string Explore(string file, string root, params string[] options)
    {
        string output = Path.Combine(_scratch.Path, "out-" + root);
        int exitCode = Invoke(["explore", file, "-o", output, "--no-plots", .. options]);
        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        return Directory.GetDirectories(output).OrderBy(Directory.GetCreationTimeUtc).ThenBy(d => d, StringComparer.Ordinal).Last();
    }

    private int Invoke(params string[] args) => UcgSimCommandLine.Invoke(args, new Terminal(_output, _error, ErrorIsInteractive: false));
}
