using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

// One binder for every record, so scenarios, variants, parameters and experiments are read, defaulted and
// validated by the same rules. settingNoun names a key in messages, with its article: "a scenario setting".
// formatKeys are keys the file format reads itself (a scenario's 'observed:' history): allowed beside the
// settings, but not bound to the record. whereKeysAreListed replaces the list of allowed keys in messages where the list
// is too long to read in an error (the behavioural parameters: 4,600 characters), and says where to read it instead.
internal sealed class RecordBinder<T>(
    string settingNoun, IReadOnlyList<Setting> settings, IReadOnlyList<string>? formatKeys = null, string? whereKeysAreListed = null)
    where T : class
{
    public RecordBinder(string settingNoun) : this(settingNoun, Setting.Of(typeof(T)))
    {
    }

    // YAML 1.1's way of sharing settings between mappings, which YamlDotNet's node model reads as an ordinary key.
    private const string MergeKey = "<<";
    private const string MergeKeyHint = " YAML merge keys ('<<: *anchor') are not read; write the settings out.";

    private readonly IReadOnlyList<string> _allKeys = [.. settings.Select(setting => setting.Key), .. formatKeys ?? []];

    private string AllowedKeys => whereKeysAreListed ?? $"Allowed keys: {string.Join(", ", _allKeys)}.";

    public T Read(ConfigurationDocument document) => Bind(document, RootOf(document));

    public YamlMappingNode RootOf(ConfigurationDocument document) => document.Root switch
    {
        YamlMappingNode mapping => mapping,
        null => throw new ConfigurationException(document.Path, 1, 1, null,
            $"the file is empty, but should hold 'key: value' lines. {AllowedKeys}"),
        // Not quoted: a file that is one piece of text may be one given by mistake, whose content is not for a message.
        var other => throw document.Error(other, null,
            $"the file holds {(other is YamlScalarNode ? "a piece of text" : SettingValue.Found(other))}, but should hold 'key: value' lines. {AllowedKeys}"),
    };

    public T Bind(ConfigurationDocument document, YamlMappingNode mapping, Func<Setting, YamlNode, object>? readNested = null)
    {
        // Records declare their defaults as initializers, which only a real construction runs.
        var record = (T)Activator.CreateInstance(typeof(T))!;
        foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } formatKey } && formatKeys is not null && formatKeys.Contains(formatKey)) continue;
            Setting setting = Find(document, keyNode);
            object? value = setting.Kind == SettingKind.Nested
                ? (readNested ?? throw new NotSupportedException($"{typeof(T).Name}.{setting.Property.Name} needs a reader for nested values."))(setting, valueNode)
                : SettingValue.Read(document, setting, valueNode);
            setting.Property.SetValue(record, value);
        }
        return record;
    }

    // Which settings the mapping wrote, as opposed to those the record's defaults filled in. Called after Bind, which
    // has already rejected any key that is not a setting.
    public WrittenSettings Written(ConfigurationDocument document, YamlMappingNode mapping) =>
        new(document, mapping, mapping.Children.Keys
            .Where(keyNode => keyNode is YamlScalarNode { Value: { } key } && (formatKeys is null || !formatKeys.Contains(key)))
            .ToDictionary(keyNode => Find(document, keyNode).Property.Name, keyNode => keyNode));

    // ConfigurationEvents has already refused a key that is a list or a mapping.
    private Setting Find(ConfigurationDocument document, YamlNode keyNode)
    {
        string key = ((YamlScalarNode)keyNode).Value ?? "";
        return settings.FirstOrDefault(setting => setting.Key == key)
            ?? throw document.Error(keyNode, key,
                $"key {Quote.Of(key)} is not {settingNoun}.{(key == MergeKey ? MergeKeyHint : Spelling.DidYouMean(key, _allKeys))} {AllowedKeys}");
    }
}
