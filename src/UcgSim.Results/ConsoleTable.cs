namespace UcgSim.Results;

/// <summary>
/// A table on the console: each column as wide as its widest cell, two spaces apart, under a ruled heading, indented
/// by two spaces as the rest of ucgsim's output. Columns of numbers line up on the right, text on the left.
/// </summary>
public static class ConsoleTable
{
    private const string Indent = "  ";
    private const string Gap = "  ";

    /// <param name="rightAligned">Which columns, by index, hold numbers to line up on the right; none when null.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows,
        Func<int, bool>? rightAligned = null)
    {
        int[] widths = [.. headings.Select((heading, c) => rows.Select(row => row[c].Length).Append(heading.Length).Max())];
        string Line(IReadOnlyList<string> cells) =>
            (Indent + string.Join(Gap, cells.Select((cell, c) => rightAligned?.Invoke(c) == true ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))))
            .TrimEnd();
        writer.WriteLine(Line(headings));
        writer.WriteLine(Line([.. widths.Select(width => new string('-', width))]));
        foreach (var row in rows) writer.WriteLine(Line(row));
    }
}
