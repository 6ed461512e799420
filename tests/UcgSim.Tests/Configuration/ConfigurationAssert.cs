using UcgSim.Configuration;
using UcgSim.Core.Experiments;

namespace UcgSim.Tests.Configuration;

internal static class ConfigurationAssert
{
    // Every setting of two experiments alike. Lists are compared element by element; everything else by record
    // equality, so a setting added to Experiment later is compared without touching this.
    public static void SameSettings(Experiment expected, Experiment actual)
    {
        Assert.Equal(expected.Scenarios, actual.Scenarios);
        Assert.Equal(expected.Variants, actual.Variants);
        Assert.Equal(expected with { Scenarios = actual.Scenarios, Variants = actual.Variants }, actual);
    }

    // messageParts are the problem and its fix; the location prefix is checked for every error alike.
    public static ConfigurationException Fails(Action load, string filePath, int line, string? key, params string[] messageParts)
    {
        var error = Assert.Throws<ConfigurationException>(load);
        Assert.Equal(filePath, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.StartsWith(line == 0 ? $"{filePath}: " : $"{filePath}:{line}:{error.Column}: ", error.Message);
        foreach (string part in messageParts)
            Assert.Contains(part, error.Message);
        return error;
    }
}
