using UcgSim.Configuration;
using UcgSim.Core.Policy;

namespace UcgSim.Tests.Configuration;

public sealed class VariantFileTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_SeveralVariants_KeepsTheirOrderAndDefaultsForAbsentLevers()
    {
        string path = folder.Write("v.yaml", """
            variants:
              - name: principled
              - name: pragmatic
                missionPosture: pragmatic
                strategicAssessmentMonth: 18
                donorResponse: fullCut
                regionalSanctions: none
              - name: quiet
                humanRightsReporting: quietTraining
            """);

        IReadOnlyList<PolicyVariant> variants = VariantFile.Load(path);

        Assert.Equal(
            [
                new PolicyVariant { Name = "principled" },
                new PolicyVariant
                {
                    Name = "pragmatic", MissionPosture = MissionPosture.Pragmatic, StrategicAssessmentMonth = 18,
                    DonorResponse = DonorResponse.FullCut, RegionalSanctions = SanctionsLevel.None,
                },
                new PolicyVariant { Name = "quiet", HumanRightsReporting = HumanRightsReporting.QuietTraining },
            ],
            variants);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("~")]
    public void Load_StrategicAssessmentNone_GivesNoAssessment(string none)
    {
        string path = folder.Write("v.yaml", $"variants:\n  - name: a\n    strategicAssessmentMonth: 12\n  - name: b\n    strategicAssessmentMonth: {none}\n");

        IReadOnlyList<PolicyVariant> variants = VariantFile.Load(path);

        Assert.Equal(12, variants[0].StrategicAssessmentMonth);
        Assert.Null(variants[1].StrategicAssessmentMonth);
    }

    [Fact]
    public void Load_AssessmentMonthOutOfRange_QuotesTheRangeAndNone()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    strategicAssessmentMonth: 300\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "strategicAssessmentMonth",
            "is 300, but must be a whole number between 0 and 240, or none.");
    }

    [Fact]
    public void Load_RepeatedVariantName_PointsAtTheSecondAndNamesTheFirstLine()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: pragmatic\n  - name: principled\n  - name: pragmatic\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 4, "name",
            "variant name 'pragmatic' is already used by the variant at line 2.", "Give each variant a unique name.");
    }

    [Fact]
    public void Load_NoVariants_AsksForAtLeastOne()
    {
        string path = folder.Write("v.yaml", "variants: []\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 1, "variants", "lists nothing", "List at least one variant");
    }

    [Fact]
    public void Load_VariantWithoutName_AsksForAUniqueName()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n  - missionPosture: pragmatic\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "name", "'name' is missing", "e.g. 'name: pragmatic'");
    }

    [Fact]
    public void Load_EmptyVariantName_AsksForAName()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: ''\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 2, "name", "the variant name is empty");
    }

    [Fact]
    public void Load_NoVariantsKey_ShowsTheExpectedShape()
    {
        string path = folder.Write("v.yaml", "{}\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 1, "variants", "'variants' is missing", "variants:\n  - name: baseline");
    }

    [Fact]
    public void Load_MisspeltVariantsKey_SuggestsVariants()
    {
        string path = folder.Write("v.yaml", "variant:\n  - name: a\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 1, "variant",
            "key 'variant' is not a variants file setting.", "Did you mean 'variants'?", "Allowed keys: variants.");
    }

    [Fact]
    public void Load_MisspeltLever_SuggestsTheLever()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    misionPosture: pragmatic\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "misionPosture", "is not a variant setting.", "Did you mean 'missionPosture'?");
    }

    [Fact]
    public void Load_UnknownLeverValue_ListsTheValuesAndSuggestsOne()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    sanctionsTrigger: atOnSett\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "sanctionsTrigger",
            "expects one of atOnset, atMonth, whenTimelineSlips, but found 'atOnSett'.", "Did you mean 'atOnset'?");
    }

    [Fact]
    public void Load_VariantNotAMapping_SaysWhatAVariantIs()
    {
        string path = folder.Write("v.yaml", "variants:\n  - pragmatic\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 2, "variants", "each variant is a mapping of levers", "but found 'pragmatic'");
    }
}
