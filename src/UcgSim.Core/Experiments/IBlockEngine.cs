namespace UcgSim.Core.Experiments;

/// <summary>
/// Runs a block of consecutive replicates of one scenario under every variant of an experiment, adding each
/// replicate to its variant's tally and, when asked, writing the block's records. One instance per worker thread.
/// </summary>
internal interface IBlockEngine
{
    void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records);
}
