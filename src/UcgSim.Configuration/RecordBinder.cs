using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>
/// Maps a YAML mapping onto any core record by property name, so scenarios, variants, parameters and
/// experiments are all read, defaulted and validated by the same rules.
/// </summary>
/// <param name="settingNoun">What one key is called in messages, e.g. "scenario setting".</param>
/// <param name="settings">The keys accepted; by default every init-settable property of <typeparamref name="T"/>.</param>
internal sealed class RecordBinder<T>(string settingNoun, IReadOnlyList<Setting> settings) where T : class
{
    public RecordBinder(string settingNoun) : this(settingNoun, Setting.Of(typeof(T)))
    {
    }

    private string AllowedKeys => string.Join(", ", settings.Select(setting => setting.Key));

    /// <summary>The whole file as one record.</summary>
    public T Read(ConfigurationDocument document, string fileKind, Func<Setting, YamlNode, object>? readNested = null) =>
        Bind(document, RootOf(document, fileKind), readNested);

    /// <summary>The top mapping of a file that holds one record, e.g. a scenario file.</summary>
    public YamlMappingNode RootOf(ConfigurationDocument document, string fileKind) => document.Root switch
    {
        YamlMappingNode mapping => mapping,
        null => throw new ConfigurationException(document.Path, 1, 1, null,
            $"the file is empty. A {fileKind} holds 'key: value' lines; the keys are {AllowedKeys}."),
        var other => throw document.Error(other, null,
            $"a {fileKind} holds 'key: value' lines, but this file holds {SettingValue.Found(other)}. The keys are {AllowedKeys}."),
    };

    /// <summary>
    /// A record with every key of the mapping applied to its defaults. Settings of kind
    /// <see cref="SettingKind.Nested"/> are read by <paramref name="readNested"/>, since only the file
    /// format knows whether such a value is inline or a path to another file.
    /// </summary>
    public T Bind(ConfigurationDocument document, YamlMappingNode mapping, Func<Setting, YamlNode, object>? readNested = null)
    {
        // Records declare their defaults as initializers, which only a real construction runs.
        var record = (T)Activator.CreateInstance(typeof(T))!;
        foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
        {
            Setting setting = Find(document, keyNode);
            object? value = setting.Kind == SettingKind.Nested
                ? (readNested ?? throw new NotSupportedException($"{typeof(T).Name}.{setting.Property.Name} needs a reader for nested values."))(setting, valueNode)
                : SettingValue.Read(document, setting, valueNode);
            setting.Property.SetValue(record, value);
        }
        return record;
    }

    private Setting Find(ConfigurationDocument document, YamlNode keyNode)
    {
        if (keyNode is not YamlScalarNode { Value: { } key })
            throw document.Error(keyNode, null, $"a key must be a plain name, but found {SettingValue.Found(keyNode)}. The keys are {AllowedKeys}.");
        return settings.FirstOrDefault(setting => setting.Key == key)
            ?? throw document.Error(keyNode, key,
                $"key '{key}' is not a {settingNoun}.{Spelling.DidYouMean(key, settings.Select(setting => setting.Key))} Allowed keys: {AllowedKeys}.");
    }
}
