using System.Text.RegularExpressions;

namespace UcgSim.Tests.Docs;

/// <summary>A table row whose first cell is a key in backticks; <see cref="Cells"/> are the cells after it.</summary>
internal sealed record KeyedRow(int LineNumber, string Key, IReadOnlyList<string> Cells);

/// <summary>
/// Reads the keyed rows of a markdown document section by section. A section is a heading, found by its title
/// with any leading section number dropped ("8.1 Levers" is found as "Levers"), and everything down to the next
/// heading of the same or a higher level, so tables may be split under subheadings.
/// </summary>
internal sealed partial class MarkdownTables(string path, IReadOnlyList<string> lines)
{
    public string Path { get; } = path;

    public static MarkdownTables Load(string path) => new(path, File.ReadAllLines(path));

    /// <summary>The keyed rows under the heading titled <paramref name="title"/>, or null when there is no such heading.</summary>
    public IReadOnlyList<KeyedRow>? Section(string title)
    {
        int start = -1, level = 0;
        for (int i = 0; i < lines.Count && start < 0; i++)
            if (Heading(lines[i]) is { } heading && heading.Title == title)
                (start, level) = (i, heading.Level);
        if (start < 0) return null;

        var rows = new List<KeyedRow>();
        for (int i = start + 1; i < lines.Count; i++)
        {
            if (Heading(lines[i]) is { } next && next.Level <= level) break;
            if (KeyCell().Match(lines[i]) is { Success: true } key)
                rows.Add(new KeyedRow(i + 1, key.Groups[1].Value, Cells(lines[i]).Skip(1).ToList()));
        }
        return rows;
    }

    private static (int Level, string Title)? Heading(string line)
    {
        var match = HeadingLine().Match(line);
        return match.Success ? (match.Groups[1].Length, match.Groups[2].Value.Trim()) : null;
    }

    // Cells are split at pipes that are not escaped; an escaped pipe is text inside a cell.
    private static IEnumerable<string> Cells(string line) =>
        UnescapedPipe().Split(line.Trim().Trim('|')).Select(cell => cell.Replace(@"\|", "|", StringComparison.Ordinal).Trim());

    [GeneratedRegex(@"^(#{1,6})\s+(?:\d+(?:\.\d+)*\.?\s+)?(.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\|\s*`([^`]+)`\s*\|")]
    private static partial Regex KeyCell();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
