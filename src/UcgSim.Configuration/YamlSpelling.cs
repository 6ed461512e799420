using System.Globalization;
using System.Text.Json;

namespace UcgSim.Configuration;

/// <summary>
/// How the configuration files spell settings and their values, for commands that print settings in the words a
/// user would write in a file (<c>regionalSanctions: harsh</c>).
/// </summary>
public static class YamlSpelling
{
    /// <summary>A property or enum member as a key or value: keys and members share one rule, so users learn one convention.</summary>
    public static string Name(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    /// <summary>
    /// A single value as a file holds it, which the loaders read back unchanged ("R" keeps every bit of a double,
    /// null is the 'none' they accept); null for a value a file writes as a list or a mapping.
    /// </summary>
    public static string? Value(object? value) => value switch
    {
        null => "none",
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum member => Name(member.ToString()),
        IFormattable wholeNumber => wholeNumber.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
