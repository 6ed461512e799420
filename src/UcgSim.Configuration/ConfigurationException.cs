using System.Globalization;

namespace UcgSim.Configuration;

/// <summary>
/// A mistake in a configuration file, located in the file and phrased so that the message alone says
/// what is wrong and how to put it right, e.g.
/// <c>configs/scenarios/mali-2021.yaml:12:3: key 'popularSuport' is not a scenario setting. Did you mean 'popularSupport'? ...</c>
/// </summary>
public sealed class ConfigurationException : Exception
{
    internal ConfigurationException(string filePath, int line, int column, string? key, string problem, Exception? cause = null)
        : base(Locate(filePath, line, column) + problem, cause)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Key = key;
    }

    /// <summary>The file holding the mistake, as given or as resolved from the file that refers to it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the mistake, or 0 when it concerns the file as a whole (a file that cannot be read).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the mistake, or 0 when <see cref="Line"/> is 0.</summary>
    public int Column { get; }

    /// <summary>The key whose value is wrong or which is itself wrong, or null when the mistake is not about one key.</summary>
    public string? Key { get; }

    internal static string Locate(string filePath, int line, int column) =>
        line == 0 ? $"{filePath}: " : string.Create(CultureInfo.InvariantCulture, $"{filePath}:{line}:{column}: ");
}
