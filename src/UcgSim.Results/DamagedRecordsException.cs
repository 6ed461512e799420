using System.Globalization;

namespace UcgSim.Results;

/// <summary>
/// A records file that cannot be read as a whole: not a records file, cut short, or with bytes changed. The message
/// names the file, the record (counted from 1) and the byte where the damage was found, and what to do.
/// </summary>
public sealed class DamagedRecordsException(FormattableString message, long byteOffset, long? record = null)
    : IOException(message.ToString(CultureInfo.InvariantCulture))
{
    /// <summary>The byte, counted from 0, at which the damage was found.</summary>
    public long ByteOffset { get; } = byteOffset;

    /// <summary>The record (counted from 1) in which it was found; null for the header, the footer or the file as a whole.</summary>
    public long? Record { get; } = record;
}
