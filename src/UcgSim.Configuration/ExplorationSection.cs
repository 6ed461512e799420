using System.Globalization;
using UcgSim.Core.Parameters;
using UcgSim.Core.Scenarios;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

// Reads an experiment file's 'uncertainties:' and 'design:' sections. Every value goes through the same reader as the
// setting's own, so an uncertain popularSupport of 1.4 is told what a scenario file's would be.
internal static class ExplorationSection
{
    public const string UncertaintiesKey = "uncertainties";
    public const string DesignKey = "design";
    public const string CorrelationsKey = "correlations";

    private const string CorrelationExample = "Write each as '- [popularSupport, factionRivalry, -0.5]': two uncertain settings and their rank correlation, above -1 and below 1.";
    private const string WithinKey = "within";

    private static readonly string[] DistributionKeys = ["uniform", "triangular", "normal", "values"];

    private const string Example =
        "For example 'popularSupport: {uniform: [0.2, 0.8]}', '{triangular: [low, mode, high]}', '{normal: [mean, sd]}' (truncated to the allowed range, or add 'within: [low, high]') or '{values: [a, b, c]}'.";

    private const string WhereKeysAre =
        "Uncertain keys are behavioural parameters (listed by 'ucgsim parameters') and scenario conditions (those of a scenario file).";

    private static readonly RecordBinder<DesignSettings> DesignBinder = new("a design setting");

    private static readonly IReadOnlyList<Setting> Uncertainable =
        [.. Setting.Of(typeof(BehaviouralParameters)), .. Setting.Of(typeof(ScenarioConditions))];

    public static ExplorationPlan? Read(ConfigurationDocument document, YamlMappingNode root)
    {
        root.Children.TryGetValue(new YamlScalarNode(UncertaintiesKey), out YamlNode? uncertaintiesNode);
        root.Children.TryGetValue(new YamlScalarNode(DesignKey), out YamlNode? designNode);
        root.Children.TryGetValue(new YamlScalarNode(CorrelationsKey), out YamlNode? correlationsNode);
        if (uncertaintiesNode is null && designNode is null && correlationsNode is null) return null;
        if (uncertaintiesNode is null)
            throw document.Error(designNode ?? correlationsNode!, designNode is null ? CorrelationsKey : DesignKey,
                $"'{(designNode is null ? CorrelationsKey : DesignKey)}:' needs uncertain settings, but the file has no '{UncertaintiesKey}:'. Add one, mapping each uncertain setting to its distribution. {Example}");
        var uncertainties = ReadUncertainties(document, uncertaintiesNode);
        if (designNode is null)
            throw document.Error(uncertaintiesNode, DesignKey,
                $"'{DesignKey}' is missing: '{UncertaintiesKey}:' needs a design that says how to sample them, such as 'design: {{kind: latinHypercube, points: 200}}'. Kinds: {string.Join(", ", Enum.GetNames<DesignKind>().Select(YamlSpelling.Name))}.");
        if (designNode is not YamlMappingNode designMapping)
            throw document.Error(designNode, DesignKey,
                $"key '{DesignKey}' expects a mapping of design settings, such as {{kind: saltelli, points: 256}}, but found {SettingValue.Found(designNode)}.");
        var design = DesignBinder.Bind(document, designMapping);
        if (design.Problem([.. uncertainties.Select(u => u.Input)]) is { } problem)
            throw document.Error(designNode, DesignKey, $"key '{DesignKey}': {problem}");
        var correlations = correlationsNode is null ? [] : ReadCorrelations(document, correlationsNode, uncertainties);
        if (correlations.Count > 0 && design.Kind != DesignKind.LatinHypercube)
            throw document.Error(correlationsNode!, CorrelationsKey,
                $"key '{CorrelationsKey}' needs a design whose points are drawn together, 'kind: latinHypercube', whose strata are re-paired to correlate; a {YamlSpelling.Value(design.Kind)} design's points are independent by construction. Use a Latin hypercube, or leave out '{CorrelationsKey}'.");
        return new ExplorationPlan(uncertainties, design) { Correlations = correlations };
    }

    private static List<InputCorrelation> ReadCorrelations(ConfigurationDocument document, YamlNode node, List<UncertainSetting> uncertainties)
    {
        var names = uncertainties.Select(u => u.Input.Name).ToList();
        var correlations = new List<InputCorrelation>();
        var firstUse = new Dictionary<(int, int), YamlNode>();
        foreach (YamlNode item in document.RequireItems(node, CorrelationsKey, CorrelationExample).Children)
        {
            if (item is not YamlSequenceNode { Children: [YamlScalarNode first, YamlScalarNode second, YamlScalarNode coefficient] })
                throw document.Error(item, CorrelationsKey, $"each item of '{CorrelationsKey}' is [setting, setting, correlation], but found {SettingValue.Found(item)}. {CorrelationExample}");
            int Index(YamlScalarNode name) => names.IndexOf(name.Value ?? "") is var index and >= 0 ? index
                : throw document.Error(name, CorrelationsKey,
                    $"'{CorrelationsKey}' names {Quote.Of(name.Value ?? "")}, which is not among the uncertain settings.{Spelling.DidYouMean(name.Value ?? "", names)} Correlate settings listed under '{UncertaintiesKey}'.");
            int a = Index(first), b = Index(second);
            if (a == b)
                throw document.Error(second, CorrelationsKey, $"'{CorrelationsKey}' correlates '{names[a]}' with itself. Name two different settings.");
            if (!(coefficient.Style == YamlDotNet.Core.ScalarStyle.Plain
                  && double.TryParse(coefficient.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double rho) && rho > -1 && rho < 1))
                throw document.Error(coefficient, CorrelationsKey, $"a rank correlation is a number above -1 and below 1, but found {SettingValue.Found(coefficient)}.");
            var pair = (Math.Min(a, b), Math.Max(a, b));
            if (!firstUse.TryAdd(pair, item))
                throw document.Error(item, CorrelationsKey, string.Create(CultureInfo.InvariantCulture,
                    $"'{names[a]}' and '{names[b]}' are already correlated at line {firstUse[pair].Start.Line}. Give each pair once."));
            correlations.Add(new InputCorrelation(a, b, rho));
        }
        if (RankCorrelation.Target(uncertainties.Count, correlations) is null)
            throw document.Error(node, CorrelationsKey,
                "these correlations cannot hold together (no joint distribution has them: their matrix is not positive definite), as when A goes with B and with C but B against C. Weaken or remove some.");
        return correlations;
    }

    internal static List<UncertainSetting> ReadUncertainties(ConfigurationDocument document, YamlNode node)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
            throw document.Error(node, UncertaintiesKey,
                $"key '{UncertaintiesKey}' expects a mapping of uncertain settings to distributions, but found {SettingValue.Found(node)}. {Example}");
        var uncertainties = new List<UncertainSetting>();
        foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            Setting setting = Uncertainable.FirstOrDefault(candidate => candidate.Key == key)
                ?? throw document.Error(keyNode, key,
                    $"key {Quote.Of(key)} under '{UncertaintiesKey}' is not a behavioural parameter or a scenario condition.{Spelling.DidYouMean(key, Uncertainable.Select(s => s.Key))} {WhereKeysAre}");
            if (setting.Kind is not (SettingKind.Number or SettingKind.WholeNumber or SettingKind.TrueOrFalse or SettingKind.Choice))
                throw document.Error(keyNode, key,
                    $"key '{key}' cannot be uncertain: only settings that are a number, a whole number, true or false, or one choice can. Leave it out of '{UncertaintiesKey}'.");
            var distribution = ReadDistribution(document, setting, valueNode);
            uncertainties.Add(new UncertainSetting(new UncertainInput(key, distribution), ExplorationPlan.KindOf(setting)) { Setting = setting });
        }
        return uncertainties;
    }

    private static Uncertainty ReadDistribution(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        string key = setting.Key;
        if (node is not YamlMappingNode spec)
            throw document.Error(node, key, $"key '{key}' under '{UncertaintiesKey}' expects a distribution, a mapping with one of {string.Join(", ", DistributionKeys)}, but found {SettingValue.Found(node)}. {Example}");
        var named = spec.Children.Select(pair => (Key: ((YamlScalarNode)pair.Key).Value ?? "", KeyNode: pair.Key, Value: pair.Value)).ToList();
        foreach (var entry in named.Where(entry => !DistributionKeys.Contains(entry.Key) && entry.Key != WithinKey))
            throw document.Error(entry.KeyNode, key,
                $"'{entry.Key}' is not a distribution of key '{key}'.{Spelling.DidYouMean(entry.Key, [.. DistributionKeys, WithinKey])} Allowed: {string.Join(", ", DistributionKeys)}, and '{WithinKey}' beside 'normal'.");
        var distributions = named.Where(entry => DistributionKeys.Contains(entry.Key)).ToList();
        if (distributions.Count != 1)
            throw document.Error(node, key, $"key '{key}' under '{UncertaintiesKey}' needs exactly one of {string.Join(", ", DistributionKeys)}, but has {(distributions.Count == 0 ? "none" : string.Join(" and ", distributions.Select(d => d.Key)))}. {Example}");
        var (kind, _, values) = distributions[0];
        var within = named.FirstOrDefault(entry => entry.Key == WithinKey);
        if (within.KeyNode is not null && kind != "normal")
            throw document.Error(within.KeyNode, key, $"'{WithinKey}' bounds a normal distribution; '{kind}' has its own bounds. Remove '{WithinKey}'.");
        if (kind == "values") return ReadValues(document, setting, values);
        if (setting.Kind is not (SettingKind.Number or SettingKind.WholeNumber))
            throw document.Error(distributions[0].KeyNode, key,
                $"key '{key}' is {SettingValue.Expectation(setting)}, which has no '{kind}' distribution. List its possible values instead: '{key}: {{values: [...]}}'.");
        switch (kind)
        {
            case "uniform":
            {
                double[] bounds = Numbers(document, setting, values, 2, "[lower, upper]");
                RequireOrdered(document, values, key, bounds, "uniform: [lower, upper] with lower below upper");
                return new UniformUncertainty(bounds[0], bounds[1]);
            }
            case "triangular":
            {
                double[] points = Numbers(document, setting, values, 3, "[lower, mode, upper]");
                RequireOrdered(document, values, key, points, "triangular: [lower, mode, upper] with lower <= mode <= upper and lower below upper");
                return new TriangularUncertainty(points[0], points[1], points[2]);
            }
            default:
            {
                var items = document.RequireItems(values, key, $"Give 'normal: [mean, standard deviation]'. {Example}");
                if (items.Children.Count != 2)
                    throw document.Error(values, key, $"key '{key}': 'normal' takes [mean, standard deviation], 2 numbers, but lists {items.Children.Count}.");
                double mean = Number(document, setting, items.Children[0]);
                double deviation = Positive(document, key, items.Children[1]);
                (double lower, double upper) = within.KeyNode is null
                    ? setting.Range is { } range && double.IsFinite(range.Maximum)
                        ? (range.Minimum, range.Maximum)
                        : throw document.Error(values, key, $"key '{key}' has no upper limit, so a normal distribution needs '{WithinKey}: [lower, upper]' beside it.")
                    : Bounds(document, setting, within.Value);
                if (mean < lower || mean > upper)
                    throw document.Error(items.Children[0], key, string.Create(CultureInfo.InvariantCulture,
                        $"key '{key}': the normal's mean {mean:R} lies outside its bounds [{lower:R}, {upper:R}]. Give a mean within them."));
                return new TruncatedNormalUncertainty(mean, deviation, lower, upper);
            }
        }
    }

    private static (double Lower, double Upper) Bounds(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        double[] bounds = Numbers(document, setting, node, 2, "[lower, upper]");
        RequireOrdered(document, node, setting.Key, bounds, $"{WithinKey}: [lower, upper] with lower below upper");
        return (bounds[0], bounds[1]);
    }

    private static DiscreteUncertainty ReadValues(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        var items = document.RequireItems(node, setting.Key, $"List the values the setting may take, such as 'values: [{Sample(setting)}]'.");
        var values = new List<double>();
        var firstUse = new Dictionary<double, YamlNode>();
        foreach (YamlNode item in items.Children)
        {
            object value = SettingValue.Read(document, setting, item)
                ?? throw document.Error(item, setting.Key, $"key '{setting.Key}': 'none' cannot be one of the uncertain values. List values the setting can take.");
            double number = value switch
            {
                bool flag => flag ? 1 : 0,
                Enum member => Convert.ToInt32(member, CultureInfo.InvariantCulture),
                _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            };
            if (!firstUse.TryAdd(number, item))
                throw document.Error(item, setting.Key, string.Create(CultureInfo.InvariantCulture,
                    $"key '{setting.Key}' lists {SettingValue.Found(item)} twice (first at line {firstUse[number].Start.Line}). List each value once."));
            values.Add(number);
        }
        return new DiscreteUncertainty(values);
    }

    private static string Sample(Setting setting) => setting.Kind switch
    {
        SettingKind.TrueOrFalse => "false, true",
        SettingKind.Choice => string.Join(", ", Enum.GetNames(setting.ValueType).Take(2).Select(YamlSpelling.Name)),
        _ => "1, 2, 3",
    };

    private static double[] Numbers(ConfigurationDocument document, Setting setting, YamlNode node, int count, string shape)
    {
        var items = document.RequireItems(node, setting.Key, $"Give {shape}. {Example}");
        if (items.Children.Count != count)
            throw document.Error(node, setting.Key, string.Create(CultureInfo.InvariantCulture,
                $"key '{setting.Key}' expects {shape}, {count} numbers, but found {items.Children.Count}."));
        return [.. items.Children.Select(item => Number(document, setting, item))];
    }

    // Through the setting's own reader: the same type and range checks, and the same messages, as anywhere else.
    private static double Number(ConfigurationDocument document, Setting setting, YamlNode item) =>
        Convert.ToDouble(SettingValue.Read(document, setting, item)
                         ?? throw document.Error(item, setting.Key, $"key '{setting.Key}': a bound cannot be 'none'. Give a number."),
            CultureInfo.InvariantCulture);

    private static double Positive(ConfigurationDocument document, string key, YamlNode item) =>
        item is YamlScalarNode { Value: { } text, Style: YamlDotNet.Core.ScalarStyle.Plain }
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value > 0
            ? value
            : throw document.Error(item, key, $"key '{key}': a normal's standard deviation is a number above 0, but found {SettingValue.Found(item)}.");

    private static void RequireOrdered(ConfigurationDocument document, YamlNode node, string key, double[] values, string what)
    {
        bool ordered = values.Zip(values.Skip(1)).All(pair => pair.First <= pair.Second) && values[0] < values[^1];
        if (!ordered)
            throw document.Error(node, key, string.Create(CultureInfo.InvariantCulture,
                $"key '{key}' has [{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}], but expects {what}."));
    }
}
