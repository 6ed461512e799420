using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

// The settings a file wrote for one record, by property name, each with the node of its key. A record alone cannot
// tell a value the user wrote from a default, and only what the user wrote is worth a complaint.
internal sealed class WrittenSettings(ConfigurationDocument document, YamlMappingNode mapping, IReadOnlyDictionary<string, YamlNode> keyNodes)
{
    public ConfigurationDocument Document => document;

    public IReadOnlySet<string> Properties { get; } = keyNodes.Keys.ToHashSet(StringComparer.Ordinal);

    // The record's file, or file:line for a record written inline in a file that holds others.
    public string Where => ReferenceEquals(mapping, document.Root)
        ? document.Path
        : string.Create(CultureInfo.InvariantCulture, $"{document.Path}:{mapping.Start.Line}");

    public YamlNode KeyNode(string property) => keyNodes[property];
}
