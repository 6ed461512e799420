using System.Buffers;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

internal static class SettingValue
{
    private const NumberStyles WholeNumberStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const string NameKey = "name";
    private const int MaxNameLength = 80;

    // The control characters, C0, DEL and C1, all lie below U+00A0.
    private static readonly SearchValues<char> AnyControl =
        SearchValues.Create([.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(char.IsControl)]);

    // Descriptions and sources may run over several lines and keep a tab.
    private static readonly SearchValues<char> ControlButLayout =
        SearchValues.Create([.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c is not ('\n' or '\t'))]);

    public static object? Read(ConfigurationDocument document, Setting setting, YamlNode node)
    {
        if (setting.Kind == SettingKind.Choices)
            return ReadChoices(document, setting, node);
        if (node is not YamlScalarNode scalar)
            throw Mismatch(document, setting, node);

        string text = scalar.Value ?? "";
        // YAML reads "60" as text, as any other program reading the file would; taking it for a number here would let
        // the file mean two things.
        if (setting.Kind is SettingKind.Number or SettingKind.WholeNumber or SettingKind.TrueOrFalse && scalar.Style != ScalarStyle.Plain)
            throw document.Error(node, setting.Key,
                $"key '{setting.Key}' expects {Expectation(setting)}, but found {Found(node)} written as text "
                + (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                    ? "(in quotes). Write the value alone, without quotes."
                    : "(as a block, after '|' or '>'). Write the value on the key's line, after the ':'."));
        if (setting.IsOptional && IsNone(text))
            return null;
        object value = setting.Kind switch
        {
            SettingKind.Text => ReadText(document, setting, node, text),
            SettingKind.Number => double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                ? number
                : throw Mismatch(document, setting, node),
            SettingKind.WholeNumber => ReadWholeNumber(document, setting, node, text),
            SettingKind.TrueOrFalse => bool.TryParse(text, out bool flag) ? flag : throw Mismatch(document, setting, node),
            SettingKind.Choice => ParseChoice(text, setting.ValueType) ?? throw Mismatch(document, setting, node, DidYouMean(text, setting)),
            _ => throw new InvalidOperationException($"{setting.Key} is read by its file format, not as a single value."),
        };
        if (setting.Range is { } range && !range.Contains(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
            throw document.Error(node, setting.Key, $"key '{setting.Key}' is {Quote.Of(text, marks: false)}, but must be {Expectation(setting)}.");
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
        YamlScalarNode scalar => Quote.Of(scalar.Value),
        YamlSequenceNode { Children.Count: 0 } => "an empty list",
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

    // Parsed wider than any setting's type, so that a number too large for it is told the largest it can be, not that it
    // is not a whole number.
    private static object ReadWholeNumber(ConfigurationDocument document, Setting setting, YamlNode node, string text)
    {
        ReadOnlySpan<char> digits = text.AsSpan(text.StartsWith('+') || text.StartsWith('-') ? 1 : 0);
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
            throw Mismatch(document, setting, node);
        (Int128 least, Int128 most) = setting.ValueType == typeof(int) ? ((Int128)int.MinValue, (Int128)int.MaxValue)
            : setting.ValueType == typeof(long) ? ((Int128)long.MinValue, (Int128)long.MaxValue)
            : ((Int128)ulong.MinValue, (Int128)ulong.MaxValue);
        if (!Int128.TryParse(text, WholeNumberStyle, CultureInfo.InvariantCulture, out Int128 whole) || whole < least || whole > most)
        {
            // The setting's own range where it has one, else the type's.
            Int128 lowest = setting.Range is { } range ? Int128.Max(least, (Int128)range.Minimum) : least;
            Int128 highest = setting.Range is { Maximum: var top } && double.IsFinite(top) ? Int128.Min(most, (Int128)top) : most;
            throw document.Error(node, setting.Key, string.Create(CultureInfo.InvariantCulture,
                $"key '{setting.Key}' is {Quote.Of(text, marks: false)}, but must be a whole number between {lowest} and {highest}."));
        }
        return setting.ValueType == typeof(int) ? (int)whole : setting.ValueType == typeof(long) ? (long)whole : (object)(ulong)whole;
    }

    // A name labels a column of the results table, rows of summary.csv and the results folder, so it is one short line.
    // No text holds a control character, which a terminal would act on instead of showing.
    private static string ReadText(ConfigurationDocument document, Setting setting, YamlNode node, string text)
    {
        bool isName = setting.Key == NameKey;
        int control = text.AsSpan().IndexOfAny(isName ? AnyControl : ControlButLayout);
        if (control >= 0)
            throw document.Error(node, setting.Key, isName && text[control] is '\n' or '\r'
                ? $"key '{setting.Key}' holds a line break, but a name labels a column of the results table and a results folder, so it is one line. Keep it to one line, and put the rest in 'description'."
                : string.Create(CultureInfo.InvariantCulture,
                    $"key '{setting.Key}' holds the control character U+{(int)text[control]:X4}, which a terminal would act on instead of showing. Remove it."));
        if (isName && text.Length > MaxNameLength)
            throw document.Error(node, setting.Key, string.Create(CultureInfo.InvariantCulture,
                $"key '{setting.Key}' is {text.Length:N0} characters long, but a name labels a column of the results table and a results folder, so it is at most {MaxNameLength}. Shorten it, and put the rest in 'description'."));
        return text;
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
