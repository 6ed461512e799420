using UcgSim.Tests.Cli;
using UcgSim.Tests.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Kernel;

// The same bits whatever vector instructions the processor offers: ucgsim run in a process of its own with the runtime
// told to leave out AVX-512 (the JIT then targets AVX2, the target machine), AVX2 (Vector256 and the Philox
// multiply fall back to their software paths) or every hardware intrinsic, against a run with all that this machine
// has. The golden-file tests pin the bits within one process; this is what pins them across machines of other kinds.
public sealed class InstructionSetTests : IDisposable
{
    private static readonly string[] ComparedFiles = ["summary.csv", "trajectories.csv", "replicates.msgpack"];

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("DOTNET_EnableAVX512", "kernel")]
    [InlineData("DOTNET_EnableAVX2", "kernel")]
    [InlineData("DOTNET_EnableHWIntrinsic", "kernel")]
    [InlineData("DOTNET_EnableHWIntrinsic", "reference")]
    public void Run_WithAnInstructionSetSwitchedOff_WritesTheSameBytes(string switchedOff, string engine)
    {
        foreach (string experiment in new[] { "default.yaml", "cases.yaml" })
        {
            string everything = Run(experiment, "all", new Dictionary<string, string>(), "kernel");
            string without = Run(experiment, switchedOff, new Dictionary<string, string> { [switchedOff] = "0" }, engine);
            foreach (string file in ComparedFiles)
                Assert.True(File.ReadAllBytes(Path.Combine(everything, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(without, file))),
                    $"{experiment}: {file} differs with {switchedOff}=0 ({engine})");
        }
    }

    // The generic scenario and the five cases under the three default variants, so that every scenario's branches run.
    private string Run(string experiment, string name, IReadOnlyDictionary<string, string> environment, string engine)
    {
        string root = Path.Combine(_scratch.Path, experiment + "-" + name + "-" + engine);
        using var process = new UcgsimProcess(environment,
            "run", Path.Combine(RepositoryPaths.Configs, "experiments", experiment), "-n", "1000", "--horizon", "36",
            "--engine", engine, "--no-plots", "--no-parquet", "-o", root);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)) == 0, process.Error);
        return Directory.GetDirectories(root).Single();
    }
}
