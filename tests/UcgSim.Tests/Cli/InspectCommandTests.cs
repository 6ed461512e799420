using UcgSim.Cli;
using UcgSim.Results;
using UcgSim.Tests.Results;

namespace UcgSim.Tests.Cli;

public sealed class InspectCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _scratch.Dispose();

    private int Inspect(string path) =>
        UcgSimCommandLine.Invoke(["inspect", path], new Terminal(_output, _error, ErrorIsInteractive: false));

    [Fact]
    public void Inspect_WholeFile_SaysWhatItHoldsAndThatItIsWhole()
    {
        int exitCode = Inspect(ReplicateRecordGoldenFileTests.PathOf(3));

        Assert.Equal(ExitCodes.Success, exitCode);
        string output = _output.ToString();
        Assert.Contains("format      3", output);
        Assert.Contains("scenarios   2: mali-2021, sudan-2021", output);
        Assert.Contains("replicates  0 to 1 (2 per scenario and variant)", output);
        Assert.Contains("records     8 of 8", output);
        Assert.Contains("bytes       1,143", output);
        Assert.Contains("Whole: the footer's count and checksum match the records.", output);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void Inspect_FolderHoldingACutFile_CountsTheRecordsBeforeTheDamageAndSaysWhere()
    {
        byte[] golden = File.ReadAllBytes(ReplicateRecordGoldenFileTests.PathOf(3));
        File.WriteAllBytes(Path.Combine(_scratch.Path, ResultsFolder.RecordsFileName), golden[..1005]);

        int exitCode = Inspect(_scratch.Path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("records     5 read before the damage", _output.ToString());
        Assert.Contains("ends at byte 1,005, after 5 of the 8 records its header announces, with no footer", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Fact]
    public void Inspect_FormatOneFile_SaysThatItsEndCannotBeChecked()
    {
        Assert.Equal(ExitCodes.Success, Inspect(ReplicateRecordGoldenFileTests.PathOf(1)));

        Assert.Contains("Format 1 has no footer", _output.ToString());
    }

    [Fact]
    public void Inspect_NoSuchFile_ExitsWithTwoNamingIt()
    {
        string missing = Path.Combine(_scratch.Path, "nothing.msgpack");

        Assert.Equal(ExitCodes.UsageError, Inspect(missing));
        Assert.Contains($"there is no file {missing}", _error.ToString());
    }
}
