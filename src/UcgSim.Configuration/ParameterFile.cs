using UcgSim.Core.Parameters;

namespace UcgSim.Configuration;

/// <summary>A parameters file: global behavioural parameters, as 'key: value' lines.</summary>
public static class ParameterFile
{
    private static readonly IReadOnlyList<Setting> Settings = Setting.Of(typeof(BehaviouralParameters));

    internal static readonly RecordBinder<BehaviouralParameters> Binder = new("a behavioural parameter", Settings,
        whereKeysAreListed: $"'ucgsim parameters' lists all {Settings.Count} with their defaults and allowed ranges.");

    /// <summary>Reads a parameters file; parameters it leaves out keep the defaults of <see cref="BehaviouralParameters"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing, is not valid YAML, or holds an unknown key or a bad value.</exception>
    public static BehaviouralParameters Load(string path) => Binder.Read(ConfigurationDocument.Open(path));
}
