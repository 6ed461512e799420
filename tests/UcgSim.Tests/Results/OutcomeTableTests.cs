using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class OutcomeTableTests
{
    [Fact]
    public void Write_TwoScenariosThreeVariants_NamesEveryScenarioVariantOutcomeAndKeyEvent()
    {
        string table = Render(SyntheticSummary.Create(scenarios: 2, variants: 3));

        foreach (string name in new[] { "scenario-1", "scenario-2", "baseline", "variant-1", "variant-2" })
            Assert.Contains(name, table);
        foreach (var outcome in SimulationVocabulary.Outcomes)
            Assert.Contains(SimulationVocabulary.Describe(outcome), table);
        foreach (var kind in OutcomeTable.KeyEvents)
            Assert.Contains(SimulationVocabulary.Describe(kind), table);
    }

    [Fact]
    public void Write_ThreeVariants_ShowsPairedDifferencesForEachNonBaselineVariant()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 3);
        string table = Render(summary);

        Assert.Contains("Difference from the baseline in percentage points", table);
        string block = table[table.IndexOf("Difference from the baseline", StringComparison.Ordinal)..];
        string transitionRow = block.Split('\n').First(line => line.TrimStart().StartsWith("transition to civilian rule"));
        foreach (int variant in new[] { 1, 2 })
        {
            var difference = summary.DifferenceFromBaseline(0, variant, Outcome.TransitionToCivilianRule);
            Assert.Contains($"{100 * difference.Estimate:+0.0;-0.0;+0.0} pts [{100 * difference.Lower:0.0}, {100 * difference.Upper:0.0}]", transitionRow);
        }
    }

    [Fact]
    public void Write_ThreeVariants_ShowsTheDifferenceBetweenTheTwoNonBaselineVariants()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 3);
        string table = Render(summary);

        string block = table[table.IndexOf("Differences between the other variants", StringComparison.Ordinal)..];
        Assert.Contains("variant-2 - variant-1", block);
        string transitionRow = block.Split('\n').First(line => line.TrimStart().StartsWith("transition to civilian rule"));
        var difference = summary.Difference(0, 2, 1, Outcome.TransitionToCivilianRule);
        Assert.Contains($"{100 * difference.Estimate:+0.0;-0.0;+0.0} pts [{100 * difference.Lower:0.0}, {100 * difference.Upper:0.0}]", transitionRow);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 6)]
    public void PairsBeyondBaseline_AnyVariantCount_CoversEveryPairWithoutTheBaseline(int variants, int pairs)
    {
        var listed = OutcomeTable.PairsBeyondBaseline(variants);

        Assert.Equal(pairs, listed.Count);
        Assert.All(listed, pair => Assert.True(pair.Reference >= 1 && pair.Reference < pair.Variant && pair.Variant < variants));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Write_SixVariants_PointsToTheSummaryForTheOtherPairs()
    {
        string table = Render(SyntheticSummary.Create(scenarios: 1, variants: 6));

        Assert.DoesNotContain("Differences between the other variants", table);
        Assert.Contains("The differences between the other 10 pairs of variants are in summary.csv", table);
    }

    [Fact]
    public void Write_OneVariant_LeavesOutTheDifferences()
    {
        string table = Render(SyntheticSummary.Create(scenarios: 1, variants: 1));

        Assert.DoesNotContain("Difference from the baseline", table);
        Assert.DoesNotContain("pts", table);
    }

    [Fact]
    public void Write_ManyLongVariantNames_StaysWithinTheWidthInPlainAscii()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 9);
        var renamed = new Core.Experiments.ExperimentSummary(summary.Experiment with
        {
            Variants = summary.Experiment.Variants.Select((v, i) => v with { Name = $"pragmatic posture with local engagement {i}" }).ToArray(),
        });

        string table = Render(renamed);

        Assert.All(table.Split('\n'), line => Assert.True(line.Length <= OutcomeTable.MaxWidth, $"{line.Length}: {line}"));
        Assert.All(table, c => Assert.True(c < 128, $"non-ASCII {c}"));
        Assert.Contains("engagement 8", table);
    }

    private static string Render(Core.Experiments.ExperimentSummary summary)
    {
        var writer = new StringWriter();
        OutcomeTable.Write(writer, summary);
        return writer.ToString();
    }
}
