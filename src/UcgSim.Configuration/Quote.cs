using System.Globalization;
using System.Text;

namespace UcgSim.Configuration;

// How a message repeats something a file holds: one line, cut short, control characters written as escapes, in quotes
// unless the message reads better without (a number).
// A value can be a whole file read by mistake (a 5 MB line, a password file read as a scenario), and a message must
// never echo that.
internal static class Quote
{
    // Enough for any key, choice or number a configuration file holds, short enough to keep the message readable.
    private const int MaxCharacters = 40;

    // maxCharacters is longer for what is long by nature, such as a path.
    public static string Of(string text, bool marks = true, int maxCharacters = MaxCharacters)
    {
        int lineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        string line = lineEnd < 0 ? text : text[..lineEnd];
        bool cut = lineEnd >= 0 || line.Length > maxCharacters;
        string mark = marks ? "'" : "";
        var quoted = new StringBuilder(mark);
        int kept = Math.Min(line.Length, maxCharacters);
        // Half a character pair would print as '?'.
        if (kept < line.Length && char.IsHighSurrogate(line[kept - 1])) kept--;
        foreach (char c in line.AsSpan(0, kept))
        {
            // Invisible characters too (a zero-width space makes a right key look wrong).
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else quoted.Append(c);
        }
        if (!cut) return quoted.Append(mark).ToString();
        return quoted.Append(CultureInfo.InvariantCulture,
            $"...{mark} ({text.Length:N0} characters{(lineEnd >= 0 ? " on several lines" : "")})").ToString();
    }
}
