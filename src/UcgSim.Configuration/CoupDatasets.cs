using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Configuration;

/// <summary>One coup event from a published dataset: where, when, and whether it succeeded.</summary>
public sealed record CoupEvent(string Country, int Year, int Month, bool Successful)
{
    public int MonthIndex => Year * 12 + Month - 1;
}

/// <summary>
/// Reads the coup event datasets kept in <c>shared/data</c> (Powell and Thyne 2011, v2022.11.29; Cline
/// Center Coup d'Etat Project v2.1.2) and derives the base rates the model is calibrated against. The
/// numbers come from the files at run time; none is retyped into the code.
/// </summary>
public static class CoupDatasets
{
    /// <summary>Powell &amp; Thyne: columns country, year, month and coup (1 failed, 2 successful).</summary>
    public static IReadOnlyList<CoupEvent> LoadPowellThyne(string path) =>
        Load(path, ["country", "year", "month", "coup"], row => row["coup"] switch
        {
            "2" => true,
            "1" => false,
            var other => throw new FormatException($"column 'coup' holds '{other}'; expected 1 (failed) or 2 (successful)"),
        });

    /// <summary>Cline Center: columns country, year, month and realized (1 for a coup that took power).</summary>
    public static IReadOnlyList<CoupEvent> LoadClineCenter(string path) =>
        Load(path, ["country", "year", "month", "realized"], row => row["realized"] switch
        {
            "1" => true,
            "0" => false,
            var other => throw new FormatException($"column 'realized' holds '{other}'; expected 0 or 1"),
        });

    /// <summary>
    /// Among successful coups from <paramref name="fromYear"/> to <paramref name="toYear"/> whose whole
    /// follow-up window ends before the dataset does, the share followed by another successful coup in the
    /// same country within <paramref name="withinMonths"/> months: the coup trap's base rate (mechanism 4).
    /// </summary>
    public static Proportion RecurrenceAfterSuccessfulCoups(IReadOnlyList<CoupEvent> events, int fromYear, int toYear, int withinMonths)
    {
        int lastObserved = events.Max(e => e.MonthIndex);
        var successes = events.Where(e => e.Successful).ToList();
        var byCountry = successes.ToLookup(e => e.Country);
        long followed = 0, total = 0;
        foreach (var coup in successes)
        {
            if (coup.Year < fromYear || coup.Year > toYear || coup.MonthIndex + withinMonths > lastObserved) continue;
            total++;
            if (byCountry[coup.Country].Any(next => next.MonthIndex > coup.MonthIndex && next.MonthIndex <= coup.MonthIndex + withinMonths))
                followed++;
        }
        return Proportion.Wilson(followed, total);
    }

    private static List<CoupEvent> Load(string path, string[] required, Func<IReadOnlyDictionary<string, string>, bool> successful)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, 0, 0, null,
                $"cannot read the coup dataset ({e.Message}). The datasets live in shared/data beside the repository.", e);
        }
        if (lines.Length == 0) throw new ConfigurationException(path, 0, 0, null, "the coup dataset is empty.");

        var header = SplitCsv(lines[0]);
        foreach (string column in required)
            if (!header.Contains(column))
                throw new ConfigurationException(path, 1, 1, column,
                    $"the header lacks the column '{column}'. Expected columns include: {string.Join(", ", required)}.");

        var events = new List<CoupEvent>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var cells = SplitCsv(lines[i]);
            var row = new Dictionary<string, string>();
            for (int c = 0; c < header.Count && c < cells.Count; c++) row[header[c]] = cells[c];
            try
            {
                events.Add(new CoupEvent(row["country"], ParseInt(row, "year"), ParseInt(row, "month"), successful(row)));
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException)
            {
                throw new ConfigurationException(path, i + 1, 1, null, $"row {i + 1} cannot be read: {e.Message}.", e);
            }
        }
        return events;
    }

    private static int ParseInt(Dictionary<string, string> row, string column) =>
        int.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"column '{column}' holds '{row[column]}', not a whole number");

    /// <summary>Splits one CSV line, honouring double-quoted cells (the Cline Center file quotes its text).</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
