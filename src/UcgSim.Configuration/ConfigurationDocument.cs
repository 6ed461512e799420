using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

// Errors are raised through the document so each carries the file and the line of the node at fault.
internal sealed class ConfigurationDocument
{
    private ConfigurationDocument(string path, YamlNode? root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    // Null for a file with nothing in it, which each file format reports with its own allowed keys.
    public YamlNode? Root { get; }

    public static ConfigurationDocument Open(string path) =>
        Load(path, reason => new ConfigurationException(path, 0, 0, null,
            $"the file {reason}. Check the path; a relative path starts from the current folder, {Environment.CurrentDirectory}."));

    // Relative to this file's folder, not the current one, so a configuration folder can be run from anywhere.
    public ConfigurationDocument OpenReferenced(YamlScalarNode reference, string key)
    {
        if (string.IsNullOrWhiteSpace(reference.Value))
            throw Error(reference, key, $"key '{key}' has an empty path. Give the path of a YAML file, relative to the folder of {Path}.");
        string folder = System.IO.Path.GetDirectoryName(Path) ?? "";
        string resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, reference.Value));
        // Keep relative paths relative, so messages and the results manifest read like what the user typed.
        string path = System.IO.Path.IsPathRooted(Path) ? resolved : System.IO.Path.GetRelativePath(Environment.CurrentDirectory, resolved);
        return Load(path, reason => Error(reference, key,
            $"key '{key}' refers to '{reference.Value}', but {path} {reason}. Paths in a configuration file are relative to the folder the file is in ({(folder.Length == 0 ? "." : folder)})."));
    }

    public ConfigurationException Error(YamlNode node, string? key, string problem) =>
        new(Path, checked((int)node.Start.Line), checked((int)node.Start.Column), key, problem);

    public YamlNode Require(YamlMappingNode mapping, string key, string howToFix) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value)
            ? value
            : throw Error(mapping, key, $"'{key}' is missing. {howToFix}");

    public YamlSequenceNode RequireItems(YamlNode node, string key, string whatToList)
    {
        if (node is not YamlSequenceNode list)
            throw Error(node, key, $"key '{key}' expects a list (one '- ' line per item), but found {SettingValue.Found(node)}. {whatToList}");
        return list.Children.Count > 0 ? list : throw Error(node, key, $"key '{key}' lists nothing. {whatToList}");
    }

    public void RejectRepeatedNames(IEnumerable<(string Name, YamlNode Node)> namedItems, string key, string itemNoun)
    {
        var firstUse = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach ((string name, YamlNode node) in namedItems)
        {
            if (!firstUse.TryAdd(name, node))
                throw Error(node, key, string.Create(CultureInfo.InvariantCulture,
                    $"{itemNoun} name '{name}' is already used by the {itemNoun} at line {firstUse[name].Start.Line}. Give each {itemNoun} a unique name."));
        }
    }

    private static ConfigurationDocument Load(string path, Func<string, ConfigurationException> unreadable)
    {
        if (Directory.Exists(path))
            throw unreadable("is a folder, not a file");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw unreadable("does not exist");
        }
        catch (Exception unavailable) when (unavailable is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw unreadable($"could not be read ({unavailable.Message})");
        }
        return Parse(path, text);
    }

    private static ConfigurationDocument Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            RejectRepeatedKeys(path, text);
            stream.Load(new StringReader(text));
        }
        catch (YamlException invalid)
        {
            throw new ConfigurationException(path, checked((int)invalid.Start.Line), checked((int)invalid.Start.Column), null,
                $"this is not valid YAML: {invalid.Message} Check the indentation, the ':' after each key and any brackets or quotes on this line and the one before.",
                invalid);
        }

        var document = new ConfigurationDocument(path, stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }
            ? null
            : stream.Documents[0].RootNode);
        if (stream.Documents.Count > 1)
            throw document.Error(stream.Documents[1].RootNode, null, "the file holds more than one YAML document ('---'). Put each document in its own file.");
        return document;
    }

    // YamlStream throws on a repeated key without naming it, so the keys are checked first on the raw
    // parsing events, which also give the line of the first occurrence.
    private static void RejectRepeatedKeys(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        // One entry per open collection: the keys seen so far for a mapping, null for a list.
        var open = new Stack<MappingKeys?>();
        while (parser.MoveNext())
        {
            ParsingEvent current = parser.Current!;
            if (current is MappingEnd or SequenceEnd)
            {
                open.Pop();
                continue;
            }
            if (current is not (Scalar or AnchorAlias or MappingStart or SequenceStart))
                continue;
            if (open.TryPeek(out MappingKeys? mapping) && mapping is not null)
                mapping.Accept(path, current);
            if (current is MappingStart)
                open.Push(new MappingKeys());
            else if (current is SequenceStart)
                open.Push(null);
        }
    }

    // Nodes inside a mapping alternate key, value, key, value; only keys are checked.
    private sealed class MappingKeys
    {
        private readonly Dictionary<string, Mark> firstUse = new(StringComparer.Ordinal);
        private bool nextIsKey = true;

        public void Accept(string path, ParsingEvent node)
        {
            if (nextIsKey && node is Scalar key && !firstUse.TryAdd(key.Value, key.Start))
            {
                throw new ConfigurationException(path, checked((int)key.Start.Line), checked((int)key.Start.Column), key.Value,
                    string.Create(CultureInfo.InvariantCulture,
                        $"key '{key.Value}' appears twice in the same mapping; it was first given on line {firstUse[key.Value].Line}. Keep only one of them."));
            }
            nextIsKey = !nextIsKey;
        }
    }
}
