using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Kernel;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Benchmarks.Kernel;

/// <summary>
/// What the batch kernel does for the default experiment, counted rather than timed (`dotnet run -c Release --
/// --kernel-workload`): how many Philox draws a group of four replicates makes a month, stream by stream, shared by
/// every variant; and how much of the stepped work is for lanes a counter-coup has already ended, which the kernel
/// computes under a mask unless all four lanes of a variant have ended. The figures behind the profile in
/// benchmarks/README.md.
/// </summary>
internal static class KernelWorkload
{
    private const int Replicates = 20_480;

    public static void Print()
    {
        var experiment = ExperimentFile.Load(Path.Combine(EngineBenchmarks.RepositoryRoot(), "configs", "experiments", "default.yaml"))
            .Experiment with { Replicates = Replicates };
        var kernel = new BatchKernel(experiment, 0) { DrawLog = [] };
        var tallies = experiment.Variants.Select((_, v) => new VariantTally(experiment.Horizon, v)).ToArray();
        var block = new RecordBlock(experiment.Variants.Count, ExperimentRunner.BlockSize);
        long laneMonths = 0, endedLaneMonths = 0, variantMonths = 0, variantMonthsSkipped = 0;
        for (long first = 0; first < Replicates; first += ExperimentRunner.BlockSize)
        {
            kernel.Run(first, ExperimentRunner.BlockSize, tallies, block);
            for (int group = 0; group < ExperimentRunner.BlockSize; group += Lanes.Count)
                for (int v = 0; v < experiment.Variants.Count; v++)
                    for (int month = 1; month <= experiment.Horizon; month++)
                    {
                        int ended = 0;
                        for (int lane = 0; lane < Lanes.Count; lane++)
                        {
                            int counterCoup = block.EventMonths(block.IndexOf(group + lane, v))[(int)EventKind.CounterCoup];
                            if (counterCoup != ReplicateRecord.NotObserved && counterCoup < month) ended++;
                        }
                        variantMonths++;
                        laneMonths += Lanes.Count;
                        if (ended == Lanes.Count) variantMonthsSkipped++;
                        else endedLaneMonths += ended;
                    }
        }

        long groupMonths = kernel.DrawLog.Count;
        Console.WriteLine($"The default experiment, {Replicates:N0} replicates x {experiment.Variants.Count} variants x {experiment.Horizon} months, groups of {Lanes.Count}.");
        Console.WriteLine("Share of group-months in which each stream is drawn (once, for every variant):");
        foreach (var stream in Enum.GetValues<DrawStream>())
        {
            long drawn = kernel.DrawLog.Count(mask => (mask & (1UL << (int)stream)) != 0);
            Console.WriteLine($"  {stream,-30} {drawn / (double)groupMonths,6:P1}");
        }
        double draws = kernel.DrawLog.Sum(mask => (double)ulong.PopCount(mask)) / groupMonths;
        Console.WriteLine($"Draws per group-month: {draws:F2} (four lanes each), {draws / Lanes.Count / experiment.Variants.Count:F2} per replicate-month of one variant.");
        Console.WriteLine($"Lane-months stepped for lanes already ended by a counter-coup: {endedLaneMonths / (double)laneMonths:P1} of all lane-months.");
        Console.WriteLine($"Variant-months not stepped because all four lanes had ended: {variantMonthsSkipped / (double)variantMonths:P1}.");
    }
}
