using System.Runtime.Intrinsics;
using UcgSim.Core.Experiments;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Benchmarks.Kernel;

/// <summary>
/// The floor under the kernel: a block engine that only makes the draws the kernel made (replayed from the kernel's
/// <c>DrawLog</c> for the same experiment, so the same streams of the same four replicates in the same months,
/// each once for all variants) and writes a record per replicate and variant. No model, no tallies.
/// </summary>
internal sealed class KernelFloor(Experiment experiment, IReadOnlyList<ulong> drawLog) : IBlockEngine
{
    private static readonly int StreamCount = Enum.GetValues<DrawStream>().Max(s => (int)s) + 1;
    private readonly short[] _eventMonths = new short[SimulationVocabulary.Events.Length];
    private int _next;

    public void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records)
    {
        records?.Begin(0, firstReplicate, count);
        for (int first = 0; first < count; first += 4)
        {
            var random = new ReplicateLanesRandom(experiment.Seed, firstReplicate + first);
            var sum = Vector256<double>.Zero;
            for (int month = 0; month <= experiment.Horizon; month++)
            {
                ulong drawn = drawLog[_next++];
                for (int stream = 0; stream < StreamCount; stream++)
                    if ((drawn & (1UL << stream)) != 0) sum += random.Uniform(month, (DrawStream)stream);
            }
            for (int lane = 0; lane < Math.Min(4, count - first); lane++)
                for (int v = 0; v < experiment.Variants.Count; v++)
                {
                    // The draws decide the record, so that they cannot be left out.
                    _eventMonths[0] = (short)sum[lane];
                    records?.Set(records.IndexOf(first + lane, v), (Outcome)((int)sum[lane] % 5), _eventMonths);
                }
        }
    }

    /// <summary>Starts the replay again, for the next run of the same experiment.</summary>
    public void Rewind() => _next = 0;
}
