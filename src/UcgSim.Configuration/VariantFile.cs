using UcgSim.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>A variants file: a <c>variants:</c> list of named lever settings, the first being the baseline.</summary>
public static class VariantFile
{
    private const string NameKey = "name";
    private const string HowToName = "Give each variant a unique name, e.g. 'name: pragmatic'.";
    private const string WhatToList = "List at least one variant, each with a unique 'name'; the first is the baseline the others are compared with.";

    private static readonly RecordBinder<VariantList> FileBinder = new("a variants file setting");
    private static readonly RecordBinder<PolicyVariant> Binder = new("a variant setting");

    /// <summary>Reads a variants file, keeping the order of the variants; levers a variant leaves out keep the defaults of <see cref="PolicyVariant"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid, lists no variants, two variants share a name, or a variant sets a lever another of its levers stops from acting.</exception>
    public static IReadOnlyList<PolicyVariant> Load(string path) => [.. Read(ConfigurationDocument.Open(path)).Select(read => read.Variant)];

    internal static IReadOnlyList<(PolicyVariant Variant, WrittenSettings Written)> Read(ConfigurationDocument document)
    {
        YamlMappingNode root = FileBinder.RootOf(document);
        IReadOnlyList<(PolicyVariant Variant, WrittenSettings Written)> variants = [];
        FileBinder.Bind(document, root, (setting, node) =>
        {
            variants = ReadList(document, node, setting.Key);
            return variants.Select(read => read.Variant).ToList();
        });
        // Checked after binding, so that a misspelt 'variants' is reported as such rather than as missing.
        document.Require(root, "variants", "A variants file holds a 'variants:' list, e.g.\nvariants:\n  - name: baseline\n  - name: pragmatic\n    missionPosture: pragmatic");
        return variants;
    }

    // Shared by variants files and experiments that list their variants inline.
    internal static IReadOnlyList<(PolicyVariant Variant, WrittenSettings Written)> ReadList(ConfigurationDocument document, YamlNode node, string key)
    {
        var named = new List<(PolicyVariant Variant, WrittenSettings Written, YamlNode NameNode)>();
        foreach (YamlNode item in document.RequireItems(node, key, WhatToList).Children)
        {
            if (item is not YamlMappingNode mapping)
                throw document.Error(item, key, $"each variant is a mapping of levers starting with 'name:', but found {SettingValue.Found(item)}.");
            PolicyVariant variant = Binder.Bind(document, mapping);
            YamlNode nameNode = document.Require(mapping, NameKey, HowToName);
            if (string.IsNullOrWhiteSpace(variant.Name))
                throw document.Error(nameNode, NameKey, $"the variant name is empty. {HowToName}");
            WrittenSettings written = Binder.Written(document, mapping);
            InertSettings.RejectWithinVariant(variant, written);
            named.Add((variant, written, nameNode));
        }
        document.RejectRepeatedNames(named.Select(entry => (entry.Variant.Name, entry.NameNode)), NameKey, "variant");
        return named.Select(entry => (entry.Variant, entry.Written)).ToList();
    }

    // The shape of a variants file, so its top level gets the same unknown-key checks as any other mapping.
    private sealed record VariantList
    {
        public IReadOnlyList<PolicyVariant> Variants { get; init; } = [];
    }
}
