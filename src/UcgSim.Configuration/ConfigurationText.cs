using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace UcgSim.Configuration;

// A configuration file's bytes as text, checked before any YAML is parsed, so that a file given by mistake (a binary, a
// 5 MB log, a spreadsheet export in Latin-1) is named as such, instead of reported as whatever the parser makes of it or
// silently read with replacement characters.
internal static class ConfigurationText
{
    // The largest shipped configuration file, the documented parameters, is 37 KB: 1 MiB leaves room for anything written
    // by hand, and refuses a file given by mistake before it is read whole.
    public const int MaxBytes = 1 << 20;

    // Git's test for a binary file: a zero byte among the first 8,000.
    private const int BinaryProbeBytes = 8000;

    // What YAML does not count as printable: the C0, DEL and C1 control codes, less tab, the line breaks and NEL (U+0085,
    // a line break too), and the noncharacters U+FFFE and U+FFFF. Decoding has already refused unpaired surrogates.
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\u0085')), '\uFFFE', '\uFFFF']);

    public static string SizeLimit => string.Create(CultureInfo.InvariantCulture, $"{MaxBytes:N0} bytes (1 MiB)");

    // The file's bytes, or null when there are more than MaxBytes. Reads at most one byte more than that, so that a
    // file that never ends (a device such as /dev/zero) is refused too.
    public static byte[]? ReadAtMost(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[MaxBytes + 1];
        int length = 0, read;
        while (length < buffer.Length && (read = file.Read(buffer, length, buffer.Length - length)) > 0)
            length += read;
        return length > MaxBytes ? null : buffer[..length];
    }

    public static string Decode(string path, byte[] bytes)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content is [0xEF, 0xBB, 0xBF, ..])
            content = content[3..];
        else if (WiderUnicode(content) is { } encoding)
            throw new ConfigurationException(path, 1, 1, null,
                $"the file is saved as {encoding}, but configuration files are read as UTF-8. Save it as UTF-8 (in most editors: Save As, then choose the encoding).");

        int zero = content[..Math.Min(content.Length, BinaryProbeBytes)].IndexOf((byte)0);
        if (zero >= 0)
            throw At(path, Encoding.UTF8.GetString(content[..zero]), string.Create(CultureInfo.InvariantCulture,
                $"this is not a text file: it holds a zero byte (at byte offset {zero:N0}), as binary files do. A configuration file is YAML text; check that this is the file you meant."));

        char[] decoded = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            if (Utf8.ToUtf16(content, decoded, out int valid, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                byte invalid = content[valid];
                throw At(path, new string(decoded, 0, written), string.Create(CultureInfo.InvariantCulture,
                    $"this is not UTF-8 text: byte 0x{invalid:X2} (at byte offset {valid:N0}) cannot start or continue a UTF-8 character. "
                    + $"Configuration files are read as UTF-8; a file saved as Latin-1 or Windows-1252, as some spreadsheets and older editors do, "
                    + $"fails here at its first accented letter. Save the file as UTF-8."));
            }
            string text = new(decoded, 0, written);
            int control = text.AsSpan().IndexOfAny(Unprintable);
            if (control >= 0)
                throw At(path, text[..control], string.Create(CultureInfo.InvariantCulture,
                    $"the file holds the control character U+{(int)text[control]:X4} here, which has no place in a YAML file and which an editor may not show. Delete it."));
            return text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(decoded);
        }
    }

    // The 1-based line and column just after textBefore, for a problem found before YAML is parsed.
    private static ConfigurationException At(string path, string textBefore, string problem)
    {
        int lastBreak = textBefore.LastIndexOf('\n');
        int line = textBefore.AsSpan().Count('\n') + 1;
        return new ConfigurationException(path, line, textBefore.Length - lastBreak, null, problem);
    }

    private static string? WiderUnicode(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..] => "UTF-32",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
        _ => null,
    };
}
