using UcgSim.Core.Scenarios;

namespace UcgSim.Configuration;

/// <summary>A scenario file: the conditions of one country at the moment of the UCG, as 'key: value' lines.</summary>
public static class ScenarioFile
{
    internal static readonly RecordBinder<ScenarioConditions> Binder = new("a scenario setting");

    /// <summary>Reads a scenario file; settings it leaves out keep the defaults of <see cref="ScenarioConditions"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing, is not valid YAML, or holds an unknown key or a bad value.</exception>
    public static ScenarioConditions Load(string path) => Binder.Read(ConfigurationDocument.Open(path));
}
