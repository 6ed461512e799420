using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using UcgSim.Core.Parameters;

namespace UcgSim.Configuration;

// How a setting is written in YAML, which decides both how it is read and how it is printed.
internal enum SettingKind
{
    Text,
    Number,
    WholeNumber,
    TrueOrFalse,
    Choice,
    // A [Flags] enum, written as a list so that each task reads as a word rather than a bit mask.
    Choices,
    // A record or list of records: only the file format knows whether it is inline or a path to another file.
    Nested,
}

// An unbounded top is positive infinity, so a minimum-only limit such as replicates >= 1 needs no second type.
internal readonly record struct ValueRange(double Minimum, double Maximum)
{
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    public string Describe() => double.IsPositiveInfinity(Maximum)
        ? string.Create(CultureInfo.InvariantCulture, $"of at least {Minimum:R}")
        : string.Create(CultureInfo.InvariantCulture, $"between {Minimum:R} and {Maximum:R}");
}

// Everything the reader and the writer know about a setting comes from the property's type and
// attributes, so a parameter added to the core model is read, validated and written without touching
// this project.
internal sealed record Setting(
    string Key, PropertyInfo Property, SettingKind Kind, Type ValueType, bool IsOptional, ValueRange? Range, string? Evidence)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Setting>> Catalogue = new();

    public static IReadOnlyList<Setting> Of(Type recordType) => Catalogue.GetOrAdd(recordType, Describe);

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
            // An unsigned value has a range even without the attribute, so '-1' is told that 0 is the least.
            : valueType == typeof(ulong) ? new ValueRange(0, double.PositiveInfinity) : null;
        return new Setting(
            YamlSpelling.Name(property.Name), property, KindOf(valueType), valueType, underlying is not null, range,
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
