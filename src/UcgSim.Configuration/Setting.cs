using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using UcgSim.Core.Parameters;

namespace UcgSim.Configuration;

/// <summary>How a setting is written in YAML; decides both how it is read and how it is printed.</summary>
internal enum SettingKind
{
    Text,
    Number,
    WholeNumber,
    TrueOrFalse,
    /// <summary>One member of an enum, by its camelCase name.</summary>
    Choice,
    /// <summary>A [Flags] enum, as a list of member names.</summary>
    Choices,
    /// <summary>A record or list of records, which the file format itself knows how to read.</summary>
    Nested,
}

/// <summary>The closed interval a number may take; an unbounded top is positive infinity.</summary>
internal readonly record struct ValueRange(double Minimum, double Maximum)
{
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    public string Describe() => double.IsPositiveInfinity(Maximum)
        ? string.Create(CultureInfo.InvariantCulture, $"of at least {Minimum:R}")
        : string.Create(CultureInfo.InvariantCulture, $"between {Minimum:R} and {Maximum:R}");
}

/// <summary>
/// One init-settable property of a core record, seen as a YAML key. Everything the reader and the writer
/// know about a setting comes from the property's type and attributes, so a parameter added to the core
/// model is readable, validated and written without touching this project.
/// </summary>
internal sealed record Setting(
    string Key, PropertyInfo Property, SettingKind Kind, Type ValueType, bool IsOptional, ValueRange? Range, string? Evidence)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Setting>> Catalogue = new();

    /// <summary>The settings of a record type in declaration order, which is also the order they are written in.</summary>
    public static IReadOnlyList<Setting> Of(Type recordType) => Catalogue.GetOrAdd(recordType, Describe);

    /// <summary>The camelCase spelling used for keys and enum members alike.</summary>
    public static string YamlName(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    private static IReadOnlyList<Setting> Describe(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            // Reflection does not promise declaration order; metadata tokens follow it within one type.
            .OrderBy(property => property.MetadataToken)
            .Select(Describe)
            .ToList();

    private static Setting Describe(PropertyInfo property)
    {
        Type? underlying = Nullable.GetUnderlyingType(property.PropertyType);
        Type valueType = underlying ?? property.PropertyType;
        ValueRange? range = property.GetCustomAttribute<AllowedRangeAttribute>() is { } allowed
            ? new ValueRange(allowed.Minimum, allowed.Maximum)
            : valueType == typeof(ulong) ? new ValueRange(0, double.PositiveInfinity) : null;
        return new Setting(
            YamlName(property.Name), property, KindOf(valueType), valueType, underlying is not null, range,
            property.GetCustomAttribute<EvidenceAttribute>()?.Source);
    }

    private static SettingKind KindOf(Type valueType) => valueType switch
    {
        _ when valueType == typeof(string) => SettingKind.Text,
        _ when valueType == typeof(double) => SettingKind.Number,
        _ when valueType == typeof(int) || valueType == typeof(long) || valueType == typeof(ulong) => SettingKind.WholeNumber,
        _ when valueType == typeof(bool) => SettingKind.TrueOrFalse,
        { IsEnum: true } when valueType.IsDefined(typeof(FlagsAttribute)) => SettingKind.Choices,
        { IsEnum: true } => SettingKind.Choice,
        _ => SettingKind.Nested,
    };
}
