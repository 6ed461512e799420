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
    [InlineData("simulate")]
    [InlineData]
    public void Invoke_BadCommandLine_ExitsWithTwoAndNoStackTrace(params string[] args)
    {
        int exitCode = UcgSimCommandLine.Invoke(args, new Terminal(_output, _error, ErrorIsInteractive: false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("ucgsim: ", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Fact]
    public void Invoke_ExperimentFileNotThere_ExitsWithTwoNamingIt()
    {
        string missing = Path.Combine(_scratch.Path, "missing.yaml");

        int exitCode = UcgSimCommandLine.Invoke(["run", missing], new Terminal(_output, _error, false));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"experiment file not found: {missing}", _error.ToString());
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
