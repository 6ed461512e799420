namespace UcgSim.Configuration;

internal static class Spelling
{
    // Returns a sentence rather than a name so every message phrases the suggestion the same way.
    public static string DidYouMean(string typed, IEnumerable<string> names)
    {
        // A third of the word, but at least two edits: catches dropped letters and swaps without
        // suggesting unrelated short names.
        int tolerance = Math.Max(2, typed.Length / 3);
        string? closest = names
            // The lengths differ by at least as many edits, so a long paste is not compared letter by letter with every name.
            .Where(name => Math.Abs(name.Length - typed.Length) <= tolerance)
            .Select(name => (Name: name, Distance: EditDistance(typed.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= tolerance)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
        return closest is null ? "" : $" Did you mean '{closest}'?";
    }

    private static int EditDistance(string from, string to)
    {
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (int j = 0; j <= to.Length; j++)
            previous[j] = j;
        for (int i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= to.Length; j++)
            {
                int substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[to.Length];
    }
}
