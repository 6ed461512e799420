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
        string path = folder.Write("p.yaml", "counterCoupMonthlyBase: 1e-3\n");

        Assert.Equal(new BehaviouralParameters { CounterCoupMonthlyBase = 0.001 }, ParameterFile.Load(path));
    }

    [Fact]
    public void Load_OnlyComments_IsAnEmptyFileError()
    {
        string path = folder.Write("p.yaml", "# counterCoupMonthlyBase: 0.01\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, null, "the file is empty", "should hold 'key: value' lines", "counterCoupMonthlyBase");
    }

    [Fact]
    public void Load_ParameterOutOfRange_QuotesTheRange()
    {
        string path = folder.Write("p.yaml", "counterCoupMonthlyBase: 2\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "counterCoupMonthlyBase", "is 2, but must be a number between 0 and 1.");
    }

    [Fact]
    public void Load_NotANumber_RejectsNaN()
    {
        string path = folder.Write("p.yaml", "counterCoupMonthlyBase: NaN\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "counterCoupMonthlyBase", "expects a number between 0 and 1, but found 'NaN'.");
    }

    [Fact]
    public void Load_MisspeltParameter_SuggestsTheParameter()
    {
        string path = folder.Write("p.yaml", "counterCoupMonthlyBse: 0.01\n");

        ConfigurationAssert.Fails(() => ParameterFile.Load(path), path, 1, "counterCoupMonthlyBse",
            "is not a behavioural parameter.", "Did you mean 'counterCoupMonthlyBase'?");
    }
}
