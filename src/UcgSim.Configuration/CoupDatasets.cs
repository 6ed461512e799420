using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Configuration;

/// <summary>One coup event from a published dataset: where (with its Correlates of War state code), when, and whether it succeeded.</summary>
public sealed record CoupEvent(string Country, int CowCode, int Year, int Month, bool Successful)
{
    public int MonthIndex => Year * 12 + Month - 1;
}

/// <summary>Where the coups counted in a base rate took place.</summary>
public enum CoupRegion
{
    World,
    /// <summary>
    /// The African states, all members of the African Union: Correlates of War codes 400 to 626 (Cape Verde to
    /// South Sudan) and Egypt (651), which the Correlates of War count in the Middle East.
    /// </summary>
    Africa,
}

/// <summary>Which later coups in the same country count as a recurrence.</summary>
public enum FollowingCoup
{
    /// <summary>Another successful coup: the model's counter-coup.</summary>
    Successful,
    /// <summary>Any coup attempt, successful or failed: the model's coup attempt.</summary>
    AnyAttempt,
}

/// <summary>The successful coups a base rate is computed over: a region and a span of years, both ends included.</summary>
public sealed record CoupSubset(CoupRegion Region, int FromYear, int ToYear)
{
    public bool Contains(CoupEvent coup) =>
        coup.Year >= FromYear && coup.Year <= ToYear && (Region == CoupRegion.World || coup.CowCode is >= 400 and <= 626 or Egypt);

    private const int Egypt = 651;
}

/// <summary>
/// Reads the coup event datasets kept in <c>shared/data</c> (Powell and Thyne 2011, v2022.11.29; Cline
/// Center Coup d'Etat Project v2.1.2) and derives the base rates the model is calibrated against. The
/// numbers come from the files at run time; none is retyped into the code.
/// </summary>
public static class CoupDatasets
{
    /// <summary>Powell &amp; Thyne: columns country, ccode, year, month and coup (1 failed, 2 successful).</summary>
    public static IReadOnlyList<CoupEvent> LoadPowellThyne(string path) =>
        Load(path, "ccode", "coup", cell => cell switch
        {
            "2" => true,
            "1" => false,
            var other => throw new FormatException($"column 'coup' holds '{other}'; expected 1 (failed) or 2 (successful)"),
        });

    /// <summary>Cline Center: columns country, cowcode, year, month and realized (1 for a coup that took power).</summary>
    public static IReadOnlyList<CoupEvent> LoadClineCenter(string path) =>
        Load(path, "cowcode", "realized", cell => cell switch
        {
            "1" => true,
            "0" => false,
            var other => throw new FormatException($"column 'realized' holds '{other}'; expected 0 or 1"),
        });

    /// <summary>
    /// Among the successful coups of <paramref name="subset"/> whose whole follow-up window ends before the
    /// dataset does, the share followed by a <paramref name="following"/> coup in the same country in the
    /// <paramref name="withinMonths"/> months after: the coup trap's base rate (mechanism 4). A later coup in
    /// the same month is not counted, since the datasets cannot order two events of one month.
    /// </summary>
    public static Proportion RecurrenceAfterSuccessfulCoups(
        IReadOnlyList<CoupEvent> events, CoupSubset subset, int withinMonths, FollowingCoup following)
    {
        int lastObserved = events.Max(e => e.MonthIndex);
        var followUps = events.Where(e => e.Successful || following == FollowingCoup.AnyAttempt).ToLookup(e => e.Country);
        long followed = 0, total = 0;
        foreach (var coup in events)
        {
            if (!coup.Successful || !subset.Contains(coup) || coup.MonthIndex + withinMonths > lastObserved) continue;
            total++;
            if (followUps[coup.Country].Any(next => next.MonthIndex > coup.MonthIndex && next.MonthIndex <= coup.MonthIndex + withinMonths))
                followed++;
        }
        return Proportion.Wilson(followed, total);
    }

    private static List<CoupEvent> Load(string path, string codeColumn, string outcomeColumn, Func<string, bool> successful)
    {
        string[] required = ["country", codeColumn, "year", "month", outcomeColumn];
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
                events.Add(new CoupEvent(row["country"], ParseInt(row, codeColumn), ParseInt(row, "year"), ParseInt(row, "month"), successful(row[outcomeColumn])));
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
