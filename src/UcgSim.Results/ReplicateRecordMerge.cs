using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>
/// The records files of an experiment's shards made into the one file a single run would have written, byte for byte:
/// the header of the whole experiment, then scenario by scenario each shard's records in replicate order, then the
/// footer. Records are copied as they are, not read and written again, after each file has been checked whole.
/// </summary>
public static class ReplicateRecordMerge
{
    /// <param name="path">The merged file, created (it must not exist).</param>
    /// <param name="whole">The experiment the shards split.</param>
    /// <param name="shards">Each shard's records file and its part of the experiment, in replicate order.</param>
    /// <returns>The merged file's length, count and checksum before its footer, as a run's last checkpoint says them.</returns>
    /// <exception cref="DamagedRecordsException">A shard's file is not whole.</exception>
    public static RecordsCheckpoint Write(string path, Experiment whole, IReadOnlyList<(string Path, Experiment Part)> shards)
    {
        foreach (var (shardPath, _) in shards) ReplicateRecordFile.Read(shardPath).Records.Count();

        var streams = shards.Select(shard => new FileStream(shard.Path, FileMode.Open, FileAccess.Read, FileShare.Read, ReplicateRecordFile.BufferBytes)).ToList();
        try
        {
            var objects = streams.Select(stream => new MessagePackObjects(stream, 1 << 24)).ToList();
            foreach (var shard in objects) shard.Next();
            using var merged = new ReplicateRecordFile(path, whole);
            for (int scenario = 0; scenario < whole.Scenarios.Count; scenario++)
            {
                for (int s = 0; s < shards.Count; s++)
                {
                    long records = shards[s].Part.Replicates * whole.Variants.Count;
                    for (long r = 0; r < records; r++)
                    {
                        // Checked whole above, so every record is there.
                        objects[s].Next();
                        merged.AppendRecord(objects[s].Current.Span);
                    }
                }
            }
            var checkpoint = merged.Checkpoint;
            merged.Complete();
            return checkpoint;
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }
    }
}
