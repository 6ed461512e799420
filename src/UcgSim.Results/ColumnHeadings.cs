namespace UcgSim.Results;

/// <summary>Column names set over narrow columns of a console table, as the run and levers tables print them.</summary>
public static class ColumnHeadings
{
    /// <summary>
    /// The heading lines, top to bottom, each with one cell per column no wider than <paramref name="width"/>.
    /// Headings are bottom-aligned so that every one ends on the line of the row heading.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Stack(IEnumerable<string> names, int width)
    {
        var headings = names.Select(name => Wrap(name, width)).ToArray();
        int lines = headings.Length == 0 ? 0 : headings.Max(heading => heading.Count);
        foreach (var heading in headings) heading.InsertRange(0, Enumerable.Repeat("", lines - heading.Count));
        return Enumerable.Range(0, lines).Select(line => (IReadOnlyList<string>)headings.Select(heading => heading[line]).ToArray()).ToArray();
    }

    // Splits a column name into lines no wider than the column, breaking between words or after hyphens where it can.
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        string current = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (string rest = word; rest.Length > 0;)
            {
                string candidate = current.Length == 0 ? rest : current + " " + rest;
                if (candidate.Length <= width) { current = candidate; break; }
                if (current.Length > 0) { lines.Add(current); current = ""; continue; }
                // Variant names are hyphenated words: cut after a hyphen where one falls inside the column.
                int hyphen = rest.LastIndexOf('-', width - 1);
                int cut = hyphen > 0 ? hyphen + 1 : width;
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }
}
