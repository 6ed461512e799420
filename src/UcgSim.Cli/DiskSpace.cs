using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// The check before a run: what it will write against what the output folder's disk has free.
internal static class DiskSpace
{
    // Why the run should not start under outputRoot; null when it fits (or its disk cannot be asked).
    public static string? Problem(Experiment experiment, RunOptions options) =>
        FreeSpace(options.OutputRoot) is var (folder, free) ? Problem(experiment, options, folder, free) : null;

    // Why merging shards whose records hold recordsBytes should not start under outputRoot; null when it fits.
    public static string? MergeProblem(Experiment whole, long recordsBytes, bool parquet, long? trajectories, string outputRoot) =>
        FreeSpace(outputRoot) is var (folder, free) ? MergeProblem(whole, recordsBytes, parquet, trajectories, folder, free) : null;

    public static string? MergeProblem(Experiment whole, long recordsBytes, bool parquet, long? trajectories, string folder, long freeBytes) =>
        Shortfall("the merged folder would take",
            recordsBytes * (parquet ? 2 : 1) + DiskEstimate.OtherBytes(whole) + DiskEstimate.ReplicateTrajectoriesBytes(whole, trajectories, parquet),
            $"{Size(recordsBytes)} of it the shards' records" + (parquet ? ", and as much again for their Parquet copy" : ""),
            folder, freeBytes, "Merge into a folder on a larger disk (-o), or start it anyway with --ignore-disk-space.");

    // Why a stopped run should not resume in folder, whose records file holds recordsWritten bytes; null when it fits.
    public static string? ResumeProblem(Experiment experiment, bool records, bool parquet, long? trajectories, long recordsWritten, string folder) =>
        FreeSpace(folder) is var (existing, free) ? ResumeProblem(experiment, records, parquet, trajectories, recordsWritten, existing, free) : null;

    public static string? ResumeProblem(Experiment experiment, bool records, bool parquet, long? trajectories, long recordsWritten, string folder,
        long freeBytes)
    {
        long total = records ? DiskEstimate.RecordsBytes(experiment) : 0;
        long rest = Math.Max(0, total - recordsWritten);
        return Shortfall("the rest of this run would write", rest + (parquet ? total : 0) + DiskEstimate.OtherBytes(experiment)
                + DiskEstimate.ReplicateTrajectoriesBytes(experiment, trajectories, parquet),
            $"{Size(rest)} of replicate records still to write" + (parquet ? $", and {Size(total)} for their Parquet copy" : ""),
            folder, freeBytes, "Free some space there, or resume anyway with --ignore-disk-space.");
    }

    // The nearest existing folder at or above root and its disk's free bytes; null when the disk cannot be asked.
    private static (string Folder, long Free)? FreeSpace(string root)
    {
        string? existing = Path.GetFullPath(root);
        while (existing is not null && !Directory.Exists(existing)) existing = Path.GetDirectoryName(existing);
        if (existing is null) return null;
        try
        {
            return (existing, new DriveInfo(existing).AvailableFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public static string? Problem(Experiment experiment, RunOptions options, string folder, long freeBytes)
    {
        long records = options.Records ? DiskEstimate.RecordsBytes(experiment) : 0;
        // The Parquet copy of the records measured 0.57 of the MessagePack file on the default experiment (66 MB beside
        // 117 MB for a million replicates); it is counted at its whole size so that the estimate stays above it.
        long parquetCopy = options.Parquet ? records : 0;
        return Shortfall("this run would write", records + parquetCopy + DiskEstimate.OtherBytes(experiment)
                + DiskEstimate.ReplicateTrajectoriesBytes(experiment, options.ReplicateTrajectories, options.Parquet),
            options.Records
                ? string.Create(CultureInfo.InvariantCulture,
                      $"{Size(records)} of it replicate records: {ReplicateRecordFile.ExpectedRecords(experiment):N0} records")
                  + (options.Parquet ? ", and as much again for their Parquet copy" : "")
                : null,
            folder, freeBytes,
            "Run fewer replicates (-n), "
            + (options.Records ? "leave out the records (--no-records) or their Parquet copy (--no-parquet), " : "")
            + "write elsewhere (-o), split the run (--shard i/k on several machines), or start it anyway with --ignore-disk-space.");
    }

    // The sentence all three checks say: what would be written, of what, where, against what is free, and the fixes.
    private static string? Shortfall(string what, long needed, string? ofWhich, string folder, long freeBytes, string fixes) =>
        needed <= freeBytes
            ? null
            : $"{what} up to {Size(needed)}"
              + (ofWhich is null ? "" : $" ({ofWhich})")
              + $" under {folder}, whose disk has {Size(freeBytes)} free. {fixes}";

    // Decimal units, as disks are sold and df -H shows them.
    public static string Size(long bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? $"{bytes} bytes" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}
