using System.Globalization;
using System.Text;
using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class SummaryCsvTests
{
    [Fact]
    public void Write_TwoScenariosThreeVariants_HasOneRowPerScenarioVariantAndMeasure()
    {
        var rows = WriteAndParse(SyntheticSummary.Create(scenarios: 2, variants: 3));

        int outcomes = SimulationVocabulary.Outcomes.Length, events = SimulationVocabulary.Events.Length;
        int perBaseline = outcomes + 2 * events;
        Assert.Equal(2 * (perBaseline + 2 * (perBaseline + outcomes)), rows.Count - 1);
        Assert.Equal(SummaryCsv.Header.Split(','), rows[0]);
        Assert.All(rows, row => Assert.Equal(9, row.Length));
        Assert.Equal(outcomes * 2 * 2, rows.Count(r => r[2] == SummaryCsv.DifferenceFromBaselineKind));
        Assert.DoesNotContain(rows, r => r[1] == "baseline" && r[2] == SummaryCsv.DifferenceFromBaselineKind);
    }

    [Fact]
    public void Write_OutcomeShares_ParseBackToTheSummaryValues()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 2);
        var rows = WriteAndParse(summary);

        foreach (var outcome in SimulationVocabulary.Outcomes)
        {
            var row = rows.Single(r => r[1] == "variant-1" && r[2] == SummaryCsv.OutcomeShareKind
                && r[3] == SimulationVocabulary.Describe(outcome));
            var share = summary.OutcomeShare(0, 1, outcome);
            Assert.Equal(share.Estimate, double.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(share.Lower, double.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(share.Upper, double.Parse(row[6], CultureInfo.InvariantCulture));
            Assert.Equal(share.Count, long.Parse(row[7], CultureInfo.InvariantCulture));
            Assert.Equal("400", row[8]);
        }
    }

    [Fact]
    public void Write_EventThatNeverHappened_LeavesItsMedianMonthEmpty()
    {
        var rows = WriteAndParse(SyntheticSummary.Create(scenarios: 1, variants: 1));

        var row = rows.Single(r => r[2] == SummaryCsv.MedianMonthKind
            && r[3] == SimulationVocabulary.Describe(EventKind.UsTargetedSanctions));
        Assert.Equal(["", "", "", "0"], row[4..8]);
    }

    [Fact]
    public void Write_NamesWithCommasAndQuotes_QuotesThemSoTheyParseBack()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 1);
        var renamed = new Core.Experiments.ExperimentSummary(summary.Experiment with
        {
            Scenarios = [summary.Experiment.Scenarios[0] with { Name = "Sudan, \"2021\"" }],
        });

        var rows = WriteAndParse(renamed);

        Assert.All(rows.Skip(1), row => Assert.Equal("Sudan, \"2021\"", row[0]));
    }

    private static List<string[]> WriteAndParse(Core.Experiments.ExperimentSummary summary)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        SummaryCsv.Write(text, summary);
        return ParseCsv(text.ToString());
    }

    // An RFC 4180 reader, independent of the writer under test.
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); rows.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}
