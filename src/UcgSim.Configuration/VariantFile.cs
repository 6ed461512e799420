using UcgSim.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>A variants file: a <c>variants:</c> list of named lever settings, the first being the baseline.</summary>
public static class VariantFile
{
    internal const string FileKind = "variants file";

    private const string NameKey = "name";
    private const string WhatToList = "List at least one variant, each with a unique 'name'; the first is the baseline the others are compared with.";

    private static readonly RecordBinder<VariantList> FileBinder = new("variants file setting");
    private static readonly RecordBinder<PolicyVariant> Binder = new("variant setting");

    /// <summary>Reads a variants file, keeping the order of the variants; levers a variant leaves out keep the defaults of <see cref="PolicyVariant"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid, lists no variants, or two variants share a name.</exception>
    public static IReadOnlyList<PolicyVariant> Load(string path) => Read(ConfigurationDocument.Open(path));

    internal static IReadOnlyList<PolicyVariant> Read(ConfigurationDocument document)
    {
        YamlMappingNode root = FileBinder.RootOf(document, FileKind);
        document.Require(root, "variants", "A variants file holds a 'variants:' list, e.g.\nvariants:\n  - name: baseline\n  - name: pragmatic\n    missionPosture: pragmatic");
        return FileBinder.Bind(document, root, (setting, node) => ReadList(document, node, setting.Key)).Variants;
    }

    /// <summary>A list of variant mappings, in a variants file or inline in an experiment.</summary>
    internal static IReadOnlyList<PolicyVariant> ReadList(ConfigurationDocument document, YamlNode node, string key)
    {
        var named = new List<(PolicyVariant Variant, YamlNode NameNode)>();
        foreach (YamlNode item in document.RequireItems(node, key, WhatToList).Children)
        {
            if (item is not YamlMappingNode mapping)
                throw document.Error(item, key, $"each variant is a mapping of levers starting with 'name:', but found {SettingValue.Found(item)}.");
            YamlNode nameNode = document.Require(mapping, NameKey, "Give each variant a unique name, e.g. 'name: pragmatic'.");
            PolicyVariant variant = Binder.Bind(document, mapping);
            if (string.IsNullOrWhiteSpace(variant.Name))
                throw document.Error(nameNode, NameKey, "the variant name is empty. Give each variant a unique name, e.g. 'name: pragmatic'.");
            named.Add((variant, nameNode));
        }
        document.RejectRepeatedNames(named.Select(entry => (entry.Variant.Name, entry.NameNode)), NameKey, "variant");
        return named.Select(entry => entry.Variant).ToList();
    }

    /// <summary>The shape of a variants file, so its top level is checked like any other mapping.</summary>
    private sealed record VariantList
    {
        public IReadOnlyList<PolicyVariant> Variants { get; init; } = [];
    }
}
