using UcgSim.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>
/// A scenario file: the conditions of one country at the moment of the UCG, as 'key: value' lines, and
/// optionally, under <c>observed:</c>, what happened afterwards (<see cref="CaseHistory"/>).
/// </summary>
public static class ScenarioFile
{
    private static readonly RecordBinder<ScenarioConditions> Binder =
        new("a scenario setting", Setting.Of(typeof(ScenarioConditions)), [CaseHistory.Key]);

    /// <summary>Reads a scenario file; settings it leaves out keep the defaults of <see cref="ScenarioConditions"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing, is not valid YAML, holds an unknown key or a bad value, or sets a condition another of its conditions stops from acting.</exception>
    public static ScenarioConditions Load(string path) => Read(ConfigurationDocument.Open(path)).Conditions;

    /// <summary>Reads the observed history of a scenario file, <see cref="CaseHistory.None"/> when it declares none.</summary>
    /// <exception cref="ConfigurationException">As <see cref="Load"/>, or an observed item is malformed.</exception>
    public static CaseHistory LoadHistory(string path) => Read(ConfigurationDocument.Open(path)).History;

    internal static (ScenarioConditions Conditions, CaseHistory History, WrittenSettings Written) Read(ConfigurationDocument document) => Bind(document, Binder.RootOf(document));

    // The history is read even by 'ucgsim run', which ignores it, so that a mistake in it shows wherever the file is used.
    internal static (ScenarioConditions Conditions, CaseHistory History, WrittenSettings Written) Bind(ConfigurationDocument document, YamlMappingNode mapping)
    {
        ScenarioConditions conditions = Binder.Bind(document, mapping);
        WrittenSettings written = Binder.Written(document, mapping);
        InertSettings.RejectWithinScenario(conditions, written);
        return (conditions, CaseHistory.Read(document, mapping), written);
    }
}
