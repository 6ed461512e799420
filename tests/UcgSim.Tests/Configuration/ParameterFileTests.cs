using UcgSim.Configuration;
using UcgSim.Core.Parameters;

namespace UcgSim.Tests.Configuration;

public sealed class ParameterFileTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_ParameterGiven_ReadsIt()
    {
        string path = folder.Write("p.yaml", "coupAttemptBase: 1e-3\n");

        Assert.Equal(new BehaviouralParameters { CoupAttemptBase = 0.001 }, ParameterFile.Load(path));
    }

    [Fact]
    public void Load_OnlyComments_IsAnEmptyFileError()
    {
        string path = folder.Write("p.yaml", "# coupAttemptBase: 0.01\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, null, "the file is empty", "should hold 'key: value' lines", "'ucgsim parameters' lists all");
    }

    [Fact]
    public void Load_ParameterOutOfRange_QuotesTheRange()
    {
        string path = folder.Write("p.yaml", "coupAttemptBase: 2\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "coupAttemptBase", "is 2, but must be a number between 0 and 1.");
    }

    [Fact]
    public void Load_NotANumber_RejectsNaN()
    {
        string path = folder.Write("p.yaml", "coupAttemptBase: NaN\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "coupAttemptBase", "expects a number between 0 and 1, but found 'NaN'.");
    }

    [Fact]
    public void Load_MisspeltParameter_SuggestsTheParameter()
    {
        string path = folder.Write("p.yaml", "coupAttemptBsae: 0.01\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "coupAttemptBsae",
            "is not a behavioural parameter.", "Did you mean 'coupAttemptBase'?", "'ucgsim parameters' lists all");
    }

    [Fact]
    public void Load_UnknownParameter_PointsToTheListInsteadOfQuotingIt()
    {
        string path = folder.Write("p.yaml", "sanctionsBite: 0.5\n");

        var error = Assert.Throws<ConfigurationException>(() => ParameterFile.Load(path));

        Assert.DoesNotContain("Allowed keys", error.Message);
        Assert.DoesNotContain("coupAttemptBase", error.Message);
        Assert.True(error.Message.Length < 300, error.Message);
    }
}
