using UcgSim.Configuration;

namespace UcgSim.Tests.Configuration;

internal static class ConfigurationAssert
{
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
