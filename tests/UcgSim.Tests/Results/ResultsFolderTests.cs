using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class ResultsFolderTests : IDisposable
{
    private static readonly DateTime Started = new(2025, 3, 14, 9, 26, 53);

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Create_NewRoot_NamesTheFolderAfterExperimentAndTime()
    {
        var folder = ResultsFolder.Create(Path.Combine(_scratch.Path, "results"), "sahel", Started);

        Assert.Equal(Path.Combine(_scratch.Path, "results", "sahel-20250314-092653"), folder.Path);
        Assert.True(Directory.Exists(folder.Path));
    }

    [Fact]
    public void Create_ThreeRunsInTheSameSecond_MakesThreeFolders()
    {
        var first = ResultsFolder.Create(_scratch.Path, "sahel", Started);
        File.WriteAllText(first.SummaryPath, "first run");

        var second = ResultsFolder.Create(_scratch.Path, "sahel", Started);
        var third = ResultsFolder.Create(_scratch.Path, "sahel", Started);

        Assert.EndsWith("-2", second.Path);
        Assert.EndsWith("-3", third.Path);
        Assert.Equal("first run", File.ReadAllText(first.SummaryPath));
        Assert.Empty(Directory.EnumerateFileSystemEntries(second.Path));
    }

    [Theory]
    [InlineData("Mali 2021/ECOWAS", "Mali-2021-ECOWAS")]
    [InlineData("../../etc", "etc")]
    [InlineData("Côte d'Ivoire: scénario", "Côte-d-Ivoire-scénario")]
    [InlineData("  ", "unnamed")]
    [InlineData("coup_trap.v2", "coup_trap.v2")]
    public void FileNameFor_UnsafeName_KeepsOnlyPortableCharacters(string name, string expected) =>
        Assert.Equal(expected, ResultsFolder.FileNameFor(name));

    [Fact]
    public void Create_NameWithSeparators_StaysDirectlyUnderTheRoot()
    {
        var folder = ResultsFolder.Create(_scratch.Path, "../outside/run", Started);

        Assert.Equal(_scratch.Path, Path.GetDirectoryName(folder.Path));
    }
}
