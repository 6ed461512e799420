using System.Diagnostics;
using System.Reflection;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Kernel;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Kernel;

// The kernel's state, draws, tallies and record buffer are allocated once per worker, so that a long run leaves the
// garbage collector nothing to do: every block after the first allocates nothing. (The benchmarks' 4 to 6 bytes per
// replicate-month are the runner's, once per run: the tallies of each worker, the record file's buffers.)
public sealed class KernelAllocationTests
{
    [SkippableTheory]
    [InlineData("default.yaml")]
    [InlineData("cases.yaml")]
    public void Kernel_OnceItsCodeIsOptimized_EightBlocksInARowAllocateNothing(string experimentFile)
    {
        // Unoptimized code (a Debug build) boxes and allocates where the optimized code does not, and never stops.
        Skip.If(typeof(BatchKernel).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true,
            "UcgSim.Core is a Debug build, whose code the JIT does not optimize: run the tests with -c Release, as the README does.");
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", experimentFile)).Experiment;
        var tallies = experiment.Variants.Select((_, v) => new VariantTally(experiment.Horizon, v)).ToArray();
        var records = new RecordBlock(experiment.Variants.Count, ExperimentRunner.BlockSize);
        for (int s = 0; s < experiment.Scenarios.Count; s++)
        {
            var kernel = new BatchKernel(experiment, s);
            // Unoptimized (tier-0) code boxes where the optimized code that replaces it, in the background after a
            // method's first calls, does not, and a path a block rarely takes may still be unoptimized when it does: so
            // blocks run until eight in a row allocate nothing. A kernel that allocated in every block never gets there.
            long block = 0;
            int inARow = 0;
            while (inARow < 8)
            {
                inARow = Allocated(kernel, block++, tallies, records) == 0 ? inARow + 1 : 0;
                Assert.True(block < 2000, $"{experiment.Scenarios[s].Name}: not eight blocks in a row without allocating in {block}.");
            }
        }
    }

    private static long Allocated(BatchKernel kernel, long block, VariantTally[] tallies, RecordBlock records)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Run(block * ExperimentRunner.BlockSize, ExperimentRunner.BlockSize, tallies, records);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
