using System.Globalization;

namespace UcgSim.Results;

// What the CSV files share: RFC 4180 quoting, round-trippable invariant numbers, and '\n' line ends whatever the
// platform, so that files from different machines compare byte for byte.
internal static class CsvFields
{
    public static void WriteFile(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false);
        write(writer);
    }

    public static void WriteLine(TextWriter writer, string line)
    {
        writer.Write(line);
        writer.Write('\n');
    }

    // A field holding a comma, quote or line break is quoted, with its quotes doubled.
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";

    // An empty cell for a value that does not exist, such as the median month of an event that never happened.
    /// <summary>A row of fields: numbers as <see cref="Number"/>, other numbers invariantly, text quoted where it needs it.</summary>
    public static string Row(params object[] fields) => string.Join(",", fields.Select(field => field switch
    {
        double number => Number(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(field.ToString() ?? ""),
    }));

    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
