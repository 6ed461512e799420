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
        // Pairs: variant-1 minus baseline, variant-2 minus baseline and variant-2 minus variant-1.
        Assert.Equal(2 * (3 * perBaseline + 3 * outcomes), rows.Count - 1);
        Assert.Equal(SummaryCsv.Header.Split(','), rows[0]);
        Assert.All(rows, row => Assert.Equal(10, row.Length));
        var differences = rows.Where(r => r[2] == SummaryRow.PairedDifferenceKind).ToArray();
        Assert.Equal(outcomes * 3 * 2, differences.Length);
        Assert.DoesNotContain(differences, r => r[1] == "baseline");
        Assert.Equal(outcomes * 2, differences.Count(r => r[1] == "variant-2" && r[9] == "variant-1"));
        Assert.All(rows.Where(r => r[2] != SummaryRow.PairedDifferenceKind).Skip(1), r => Assert.Equal("", r[9]));
    }

    [Fact]
    public void Write_OutcomeShares_ParseBackToTheSummaryValues()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 2);
        var rows = WriteAndParse(summary);

        foreach (var outcome in SimulationVocabulary.Outcomes)
        {
            var row = rows.Single(r => r[1] == "variant-1" && r[2] == SummaryRow.OutcomeShareKind
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

        var row = rows.Single(r => r[2] == SummaryRow.MedianMonthKind
            && r[3] == SimulationVocabulary.Describe(EventKind.UsTargetedSanctions));
        Assert.Equal(["", "", "", "0"], row[4..8]);
    }

    [Fact]
    public void Write_MedianMonths_HaveTheirOrderStatisticIntervalAroundThem()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 1);
        var rows = WriteAndParse(summary);

        var row = rows.Single(r => r[2] == SummaryRow.MedianMonthKind && r[3] == SimulationVocabulary.Describe(EventKind.TransitionAgreed));
        double median = double.Parse(row[4], CultureInfo.InvariantCulture);
        double lower = double.Parse(row[5], CultureInfo.InvariantCulture), upper = double.Parse(row[6], CultureInfo.InvariantCulture);
        Assert.Equal(summary.MedianMonthInterval(0, 0, EventKind.TransitionAgreed), ((int)lower, (int)upper));
        Assert.InRange(median, lower, upper);
        Assert.True(upper > lower, "over a hundred transition months spread over 17 months should not give a one-month interval");
    }

    [Fact]
    public void Write_DifferenceBetweenTwoLaterVariants_IsTheDifferenceOfTheirDifferencesFromTheBaseline()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 3);
        var rows = WriteAndParse(summary);

        foreach (var outcome in SimulationVocabulary.Outcomes)
        {
            var row = rows.Single(r => r[2] == SummaryRow.PairedDifferenceKind && r[1] == "variant-2" && r[9] == "variant-1"
                && r[3] == SimulationVocabulary.Describe(outcome));
            double expected = summary.DifferenceFromBaseline(0, 2, outcome).Estimate - summary.DifferenceFromBaseline(0, 1, outcome).Estimate;
            Assert.Equal(expected, double.Parse(row[4], CultureInfo.InvariantCulture), 12);
            Assert.Equal(-summary.Difference(0, 1, 2, outcome).Estimate, double.Parse(row[4], CultureInfo.InvariantCulture), 12);
        }
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
