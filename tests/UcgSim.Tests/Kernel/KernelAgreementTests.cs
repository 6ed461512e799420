using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Kernel;

public sealed class KernelAgreementTests
{
    public static TheoryData<string> ExperimentFiles() => ShippedConfigsTests.ExperimentFiles();

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void Kernel_ShippedExperiment_SameHistoriesAsReference(string fileName)
    {
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", fileName)).Experiment with { Replicates = 2000 };
        EngineComparison.AssertAgree(experiment);
    }
}
