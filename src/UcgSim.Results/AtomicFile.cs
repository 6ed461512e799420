namespace UcgSim.Results;

/// <summary>
/// Replaces a file so that a reader, or a run killed at any instant, finds either the old file or the new one whole:
/// the new bytes go to a temporary file beside it, are flushed to disk, and the temporary file is renamed over the old.
/// </summary>
public static class AtomicFile
{
    public static void Replace(string path, Action<Stream> write)
    {
        string temporary = path + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
