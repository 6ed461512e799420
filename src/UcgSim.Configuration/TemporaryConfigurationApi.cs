using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;

// Stand-in for the configuration API being written on another branch, so the CLI compiles here.
// Removed before this branch is merged.
namespace UcgSim.Configuration;

public sealed record LoadedExperiment(Experiment Experiment, string SourcePath, IReadOnlyList<string> FilesRead);

public static class ExperimentFile
{
    public static LoadedExperiment Load(string path) => throw new NotImplementedException();
}

public static class ConfigurationWriter
{
    public static string Write(Experiment experiment) => $"name: {experiment.Name}\n";

    public static string WriteParameters(BehaviouralParameters parameters) => throw new NotImplementedException();
}

public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message, string filePath, int line, int column, string? key = null)
        : base(message)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Key = key;
    }

    public string FilePath { get; }
    public int Line { get; }
    public int Column { get; }
    public string? Key { get; }
}
