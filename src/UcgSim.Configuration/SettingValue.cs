using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

internal static class SettingValue
{
    private const NumberStyles WholeNumberStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static object? Read(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        if (setting.Kind == SettingKind.Choices)
            return ReadChoices(document, setting, node);
        if (node is not YamlScalarNode { Value: var raw })
            throw Mismatch(document, setting, node);

        string text = raw ?? "";
        if (setting.IsOptional && IsNone(text))
            return null;
        object value = setting.Kind switch
        {
            SettingKind.Text => text,
            SettingKind.Number => double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                ? number
                : throw Mismatch(document, setting, node),
            SettingKind.WholeNumber => ParseWholeNumber(text, setting.ValueType) ?? throw Mismatch(document, setting, node),
            SettingKind.TrueOrFalse => bool.TryParse(text, out bool flag) ? flag : throw Mismatch(document, setting, node),
            SettingKind.Choice => ParseChoice(text, setting.ValueType) ?? throw Mismatch(document, setting, node, DidYouMean(text, setting)),
            _ => throw new InvalidOperationException($"{setting.Key} is read by its file format, not as a single value."),
        };
        if (setting.Range is { } range && !range.Contains(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
            throw document.Error(node, setting.Key, $"key '{setting.Key}' is {text}, but must be {Expectation(setting)}.");
        return value;
    }

    // Phrased to follow "expects" or "must be", and shared by error messages and parameter file comments.
    public static string Expectation(Setting setting)
    {
        string expectation = setting.Kind switch
        {
            SettingKind.Text => "text",
            SettingKind.Number => setting.Range is { } range ? $"a number {range.Describe()}" : "a number",
            SettingKind.WholeNumber => setting.Range is { } range ? $"a whole number {range.Describe()}" : "a whole number",
            SettingKind.TrueOrFalse => "true or false",
            SettingKind.Choice => $"one of {string.Join(", ", MemberNames(setting))}",
            SettingKind.Choices => $"a list of any of {string.Join(", ", MemberNames(setting))}, such as [{MemberNames(setting).First()}], or [] for none",
            _ => throw new InvalidOperationException($"{setting.Key} is read by its file format, not as a single value."),
        };
        return setting.IsOptional ? expectation + ", or none" : expectation;
    }

    // The inverse of Read; a list of flags (a comment in a resolved file) is written the way a file lists them.
    public static string Format(Setting setting, object? value) =>
        value is Enum flags && setting.Kind == SettingKind.Choices
            ? $"[{string.Join(", ", ChoicesIn(setting, flags))}]"
            : YamlSpelling.Value(value) ?? throw new InvalidOperationException($"{setting.Key} is read by its file format, not as a single value.");

    public static IEnumerable<string> ChoicesIn(Setting setting, object flags) =>
        Members(setting).Where(((Enum)flags).HasFlag).Select(member => YamlSpelling.Name(member.ToString()));

    public static string Found(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping of keys",
    };

    private static object ReadChoices(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        if (node is not YamlSequenceNode list)
            throw Mismatch(document, setting, node);
        long flags = 0;
        var firstUse = new Dictionary<long, YamlNode>();
        foreach (YamlNode item in list)
        {
            object member = item is YamlScalarNode { Value: { } name } ? ParseChoice(name, setting.ValueType) ?? throw Mismatch(document, setting, item, DidYouMean(name, setting))
                : throw Mismatch(document, setting, item);
            long bit = Convert.ToInt64(member, CultureInfo.InvariantCulture);
            // Harmless to the model, but a sign of a list edited in a hurry: the user may have meant another item.
            if (!firstUse.TryAdd(bit, item))
                throw document.Error(item, setting.Key, string.Create(CultureInfo.InvariantCulture,
                    $"key '{setting.Key}' lists '{YamlSpelling.Name(member.ToString()!)}' twice (first at line {firstUse[bit].Start.Line}, column {firstUse[bit].Start.Column}). List each item once."));
            flags |= bit;
        }
        return Enum.ToObject(setting.ValueType, flags);
    }

    private static object? ParseWholeNumber(string text, Type type)
    {
        if (type == typeof(ulong))
            return ulong.TryParse(text, WholeNumberStyle, CultureInfo.InvariantCulture, out ulong unsigned) ? unsigned : null;
        if (!long.TryParse(text, WholeNumberStyle, CultureInfo.InvariantCulture, out long whole))
            return null;
        if (type == typeof(long))
            return whole;
        return whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null;
    }

    private static object? ParseChoice(string text, Type enumType) =>
        Enum.GetNames(enumType).FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse(enumType, name)
            : null;

    private static string DidYouMean(string text, Setting setting) => Spelling.DidYouMean(text, MemberNames(setting));

    private static IEnumerable<string> MemberNames(Setting setting) => Members(setting).Select(member => YamlSpelling.Name(member.ToString()));

    // A [Flags] None is written as [], so it is neither offered as a choice nor listed as one set.
    private static IEnumerable<Enum> Members(Setting setting) =>
        Enum.GetValues(setting.ValueType).Cast<Enum>()
            .Where(member => setting.Kind == SettingKind.Choice || Convert.ToInt64(member, CultureInfo.InvariantCulture) != 0);

    private static bool IsNone(string text) =>
        text is "" or "~" || text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase);

    private static ConfigurationException Mismatch(ConfigurationDocument document, Setting setting, YamlNode node, string suggestion = "") =>
        document.Error(node, setting.Key, $"key '{setting.Key}' expects {Expectation(setting)}, but found {Found(node)}.{suggestion}");
}
