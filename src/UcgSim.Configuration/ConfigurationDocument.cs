using System.Globalization;
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

    // Linux's PATH_MAX; a longer reference is a value pasted into the wrong key, not a path.
    private const int MaxPathLength = 4096;

    // Null for a file with nothing in it, which each file format reports with its own allowed keys.
    public YamlNode? Root { get; }

    public static ConfigurationDocument Open(string path) =>
        Load(path, reason => new ConfigurationException(path, 0, 0, null,
            $"{reason}. Check the path; a relative path starts from the current folder, {Environment.CurrentDirectory}."));

    // Relative to this file's folder, not the current one, so a configuration folder can be run from anywhere.
    public ConfigurationDocument OpenReferenced(YamlScalarNode reference, string key)
    {
        if (string.IsNullOrWhiteSpace(reference.Value))
            throw Error(reference, key, $"key '{key}' has an empty path. Give the path of a YAML file, relative to the folder of {Path}.");
        if (reference.Value.Length > MaxPathLength || reference.Value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw Error(reference, key, string.Create(CultureInfo.InvariantCulture,
                $"key '{key}' holds {Quote.Of(reference.Value)}, which cannot be a path: a path is one line of at most {MaxPathLength:N0} characters. Give the path of a YAML file, relative to the folder of {Path}."));
        string folder = System.IO.Path.GetDirectoryName(Path) ?? "";
        string resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, reference.Value));
        // Keep relative paths relative, so messages and the results manifest read like what the user typed.
        string path = System.IO.Path.IsPathRooted(Path) ? resolved : System.IO.Path.GetRelativePath(Environment.CurrentDirectory, resolved);
        return Load(path, reason => Error(reference, key,
            $"key '{key}' refers to {Quote.Of(reference.Value, maxCharacters: MaxPathLength)}, which is {path}: {reason}. Paths in a configuration file are relative to the folder the file is in ({(folder.Length == 0 ? "." : folder)})."));
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

    // unreadable turns the reason a file cannot be read at all into the error of whoever named it.
    private static ConfigurationDocument Load(string path, Func<string, ConfigurationException> unreadable)
    {
        if (Directory.Exists(path))
            throw unreadable($"this is a folder, not a file{YamlFilesIn(path)}");
        // Checked before the file is opened, so that a path given by mistake (../../../etc/passwd as a scenario) is
        // never read, let alone quoted.
        if (!YamlExtensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            throw unreadable("this is not a configuration file: configuration files are YAML, and their names end in .yaml or .yml");
        byte[] bytes;
        try
        {
            long size = new FileInfo(path).Length;
            // A device such as /dev/zero says it is empty and never ends.
            string holds = size > ConfigurationText.MaxBytes ? size.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "more bytes than its size says";
            bytes = (size <= ConfigurationText.MaxBytes ? ConfigurationText.ReadAtMost(path) : null)
                ?? throw unreadable($"the file holds {holds}, more than the {ConfigurationText.SizeLimit} a configuration file may hold; configuration files are a few kilobytes");
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw unreadable("there is no such file");
        }
        catch (Exception unavailable) when (unavailable is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw unreadable($"the file could not be read ({unavailable.Message})");
        }
        return Parse(path, ConfigurationText.Decode(path, bytes));
    }

    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    private static string YamlFilesIn(string folder)
    {
        var names = Directory.EnumerateFiles(folder)
            .Where(file => YamlExtensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .Take(4)
            .ToList();
        return names.Count == 0 ? "" : $"; name one of the YAML files in it, such as {string.Join(", ", names)}";
    }

    private static ConfigurationDocument Parse(string path, string text)
    {
        var stream = new YamlStream();
        stream.Load(new ConfigurationEvents(path, text));
        var document = new ConfigurationDocument(path, stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }
            ? null
            : stream.Documents[0].RootNode);
        if (stream.Documents.Count > 1)
            throw document.Error(stream.Documents[1].RootNode, null, "the file holds more than one YAML document ('---'). Put each document in its own file.");
        return document;
    }
}
