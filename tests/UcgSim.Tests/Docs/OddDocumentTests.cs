using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Docs;

/// <summary>
/// docs/ODD.md describes the model in the ODD protocol. Its tables of behavioural parameters, events, outcomes,
/// levers and scenario conditions are held to the code both ways: a setting added to the code without a row, a
/// row left behind after a setting is removed, and a default, range, list of values or results wording that no
/// longer matches all fail here, with the offenders named and each missing or wrong row written out as it should
/// read, so the message is also how the tables are regenerated.
/// </summary>
public sealed partial class OddDocumentTests
{
    private const string Placeholder = "(say what it means)";

    private static MarkdownTables Odd => MarkdownTables.Load(Path.Combine(RepositoryPaths.Root, "docs", "ODD.md"));

    [Fact]
    public void ParameterTable_EveryBehaviouralParameter_OnceWithItsDefaultAndRange()
    {
        var defaults = new BehaviouralParameters();
        AssertTable("Behavioural parameters", ["default", "allowed range"], SettingsOf(typeof(BehaviouralParameters)).Select(property => new ExpectedRow(
            Key(property.Name),
            [Written(property.GetValue(defaults)), Allowed(property)],
            Escape(property.GetCustomAttribute<EvidenceAttribute>()?.Source ?? Placeholder))));
    }

    [Fact]
    public void EventTable_EveryEventKind_OnceWithItsWordsInResults() =>
        AssertTable("Events", ["in results"], SimulationVocabulary.Events.Select(kind => new ExpectedRow(
            Key(kind.ToString()), [SimulationVocabulary.Describe(kind)], Placeholder)));

    [Fact]
    public void OutcomeTable_EveryOutcome_OnceWithItsWordsInResults() =>
        AssertTable("Outcomes", ["in results"], SimulationVocabulary.Outcomes.Select(outcome => new ExpectedRow(
            Key(outcome.ToString()), [SimulationVocabulary.Describe(outcome)], Placeholder)));

    [Fact]
    public void LeverTable_EveryPolicyVariantSetting_OnceWithItsDefaultAndValues() =>
        AssertTable("Levers", ["default", "values"], RecordRows(typeof(PolicyVariant), new PolicyVariant()));

    [Fact]
    public void ScenarioTable_EveryScenarioCondition_OnceWithItsDefaultAndValues() =>
        AssertTable("Scenario conditions", ["default", "values"], RecordRows(typeof(ScenarioConditions), new ScenarioConditions()));

    [Fact]
    public void DocumentedKeys_AreTheKeysConfigurationFilesUse()
    {
        // The tables' keys are derived here by the configuration's own rule; this holds the rule to what the
        // configuration writer actually writes, so a key in the document is one a YAML file may hold.
        // Sanctions at a set month, so that sanctionsMonth can act and is written as a key rather than as a comment.
        string written = ConfigurationWriter.Write(new Experiment
        {
            Scenarios = [new ScenarioConditions()],
            Variants = [new PolicyVariant { SanctionsTrigger = SanctionsTrigger.AtMonth }],
        });
        var writtenKeys = YamlKey().Matches(written).Select(match => match.Groups[1].Value).ToHashSet();
        var documented = new[] { "Behavioural parameters", "Levers", "Scenario conditions" }
            .SelectMany(title => Odd.Section(title) ?? []).Select(row => row.Key).ToList();

        Assert.NotEmpty(documented);
        var unknown = documented.Where(key => !writtenKeys.Contains(key)).ToList();
        Assert.True(unknown.Count == 0, $"Keys in docs/ODD.md that no configuration file can hold: {string.Join(", ", unknown)}.");
    }

    /// <summary>A row as the code says it should read: its key, the cells checked against the code, then free text.</summary>
    private sealed record ExpectedRow(string Key, IReadOnlyList<string> CheckedCells, string Text)
    {
        public string Markdown => $"| `{Key}` | {string.Join(" | ", CheckedCells)} | {Text} |";
    }

    /// <param name="checkedColumns">Names of the columns after the key that must equal the code, for the messages.</param>
    private static void AssertTable(string title, string[] checkedColumns, IEnumerable<ExpectedRow> expectedRows)
    {
        var document = Odd;
        var rows = document.Section(title)
                   ?? throw new Xunit.Sdk.XunitException($"{document.Path} has no heading '{title}' over its table.");
        var expected = expectedRows.ToDictionary(row => row.Key);
        var problems = new StringBuilder();

        var missing = expected.Values.Where(row => rows.All(documented => documented.Key != row.Key)).ToList();
        if (missing.Count > 0)
            problems.AppendLine($"In the code but not in the table: {string.Join(", ", missing.Select(row => row.Key))}. Add these rows"
                                + (missing.Any(row => row.Text == Placeholder) ? $", replacing '{Placeholder}':" : ":"))
                .AppendJoin(Environment.NewLine, missing.Select(row => row.Markdown)).AppendLine();
        var stale = rows.Where(row => !expected.ContainsKey(row.Key)).ToList();
        if (stale.Count > 0)
            problems.AppendLine("In the table but not in the code (remove or rename these rows): "
                                + string.Join(", ", stale.Select(row => $"{row.Key} (line {row.LineNumber})")));
        var repeated = rows.GroupBy(row => row.Key).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
            problems.AppendLine($"Listed more than once: {string.Join(", ", repeated)}");

        foreach (var row in rows.Where(row => expected.ContainsKey(row.Key)))
        {
            var should = expected[row.Key];
            var differences = checkedColumns
                .Select((column, i) => (Column: column, Documented: i < row.Cells.Count ? row.Cells[i] : "nothing", Code: should.CheckedCells[i]))
                .Where(cell => cell.Documented != cell.Code)
                .Select(cell => $"{cell.Column} is '{cell.Documented}' in the document but '{cell.Code}' in the code")
                .ToList();
            bool shaped = row.Cells.Count == checkedColumns.Length + 1 && row.Cells[^1].Length > 0;
            if (!shaped) differences.Add($"it should have {checkedColumns.Length + 2} cells, the last one text");
            if (differences.Count > 0)
                problems.AppendLine($"Line {row.LineNumber}, {row.Key}: {string.Join("; ", differences)}. It should read:")
                    .AppendLine((should with { Text = shaped ? row.Cells[^1] : should.Text }).Markdown);
        }

        Assert.True(problems.Length == 0, $"{document.Path}, table '{title}':{Environment.NewLine}{problems}");
    }

    private static IEnumerable<ExpectedRow> RecordRows(Type record, object defaults) =>
        SettingsOf(record).Select(property => new ExpectedRow(
            Key(property.Name), [Written(property.GetValue(defaults)), Allowed(property)], Placeholder));

    // The settings a configuration file may hold, chosen as the configuration reader chooses them.
    private static IEnumerable<PropertyInfo> SettingsOf(Type record) =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            .OrderBy(property => property.MetadataToken);

    private static string Key(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    /// <summary>A value as a configuration file writes it.</summary>
    private static string Written(object? value) => value switch
    {
        null => "none",
        "" => "\"\"",
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum flags when flags.GetType().IsDefined(typeof(FlagsAttribute)) =>
            $"[{string.Join(", ", Members(flags.GetType()).Where(flags.HasFlag).Select(member => Key(member.ToString())))}]",
        Enum member => Key(member.ToString()),
        IFormattable whole => whole.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No written form for {value.GetType().Name}."),
    };

    /// <summary>What a configuration file may write for the setting: its range, or its choices in backticks.</summary>
    private static string Allowed(PropertyInfo property)
    {
        Type? underlying = Nullable.GetUnderlyingType(property.PropertyType);
        Type type = underlying ?? property.PropertyType;
        string allowed = type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "`true`, `false`",
            { IsEnum: true } when type.IsDefined(typeof(FlagsAttribute)) => $"list of {Choices(type)}",
            { IsEnum: true } => Choices(type),
            _ => property.GetCustomAttribute<AllowedRangeAttribute>() is { } range
                ? string.Create(CultureInfo.InvariantCulture, $"{range.Minimum:R} to {range.Maximum:R}")
                : "any number",
        };
        return underlying is null ? allowed : $"{allowed}, or `none`";
    }

    private static string Choices(Type enumType) => string.Join(", ", Members(enumType).Select(member => $"`{Key(member.ToString())}`"));

    // A [Flags] None is the empty list, not a choice.
    private static IEnumerable<Enum> Members(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>()
            .Where(member => !enumType.IsDefined(typeof(FlagsAttribute)) || Convert.ToInt64(member, CultureInfo.InvariantCulture) != 0);

    // Text going into a cell: a pipe would end the cell, and GitHub reads a pair of tildes as strikethrough.
    private static string Escape(string text) => text.Replace("|", @"\|", StringComparison.Ordinal).Replace("~", @"\~", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:-\s+)?([A-Za-z0-9]+):", RegexOptions.Multiline)]
    private static partial Regex YamlKey();
}
