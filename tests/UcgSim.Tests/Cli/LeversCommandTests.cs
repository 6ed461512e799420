using UcgSim.Cli;
using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Results;
using UcgSim.Tests.Model;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Cli;

public sealed class LeversCommandTests : IDisposable
{
    private static readonly string DefaultExperiment = Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml");
    private static readonly string CasesExperiment = Path.Combine(RepositoryPaths.Configs, "experiments", "cases.yaml");

    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Invoke_ShippedDefaultExperiment_PrintsTheRankedTableAndWritesTheCsv()
    {
        int exitCode = Invoke("levers", DefaultExperiment, "-n", "100", "-t", "2", "-o", _scratch.Path);

        Assert.Equal(ExitCodes.Success, exitCode);
        string output = _output.ToString();
        foreach (string expected in new[]
                 {
                     "Scenario \"generic\", baseline variant \"status-quo\"", "lever or condition: setting", "baseline: status-quo", "regionalSanctions: harsh",
                     "mission lever", "other actors' lever", "structural condition", "Median largest |effect| of a row: mission levers",
                 })
            Assert.Contains(expected, output);
        string csv = Directory.GetFiles(_scratch.Path, ResultsFolder.LeverEffectsFileName, SearchOption.AllDirectories).Single();
        string[] lines = File.ReadAllLines(csv);
        int rows = LeverEffects.ChangesFrom(ModelProbe.Generic, new PolicyVariant()).Count;
        Assert.Equal(LeverEffectsCsv.Header, lines[0]);
        int measures = UcgSim.Core.Simulation.SimulationVocabulary.Outcomes.Length + LeverEffects.Events.Count;
        Assert.Equal(1 + (1 + rows) * measures, lines.Length);
        Assert.StartsWith("generic,status-quo,0,,,baseline,outcome_share,", lines[1]);
        Assert.StartsWith("generic,status-quo,1,", lines[1 + measures]);
        Assert.Contains($"Results: {Path.GetDirectoryName(csv)}", output);
    }

    [Fact]
    public void Invoke_OneScenarioNamed_RunsOnlyThatOne()
    {
        int exitCode = Invoke("levers", CasesExperiment, "--scenario", "mali-2021", "-n", "50", "-o", _scratch.Path);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Scenario \"mali-2021\"", _output.ToString());
        Assert.DoesNotContain("Scenario \"sudan-2021\"", _output.ToString());
    }

    [Fact]
    public void Invoke_UnknownScenario_ExitsWithTwoListingTheFilesScenarios()
    {
        string root = Path.Combine(_scratch.Path, "results");

        int exitCode = Invoke("levers", CasesExperiment, "--scenario", "atlantis", "-o", root);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("experiment \"cases\" has no scenario named 'atlantis'", _error.ToString());
        Assert.Contains("'mali-2021'", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Invoke_Help_ListsTheLeversOptions()
    {
        Assert.Equal(ExitCodes.Success, Invoke("levers", "--help"));

        foreach (string option in new[] { "--replicates", "--seed", "--threads", "--scenario", "--output" })
            Assert.Contains(option, _output.ToString());
    }

    private int Invoke(params string[] args) => UcgSimCommandLine.Invoke(args, new Terminal(_output, _error, ErrorIsInteractive: false));
}
