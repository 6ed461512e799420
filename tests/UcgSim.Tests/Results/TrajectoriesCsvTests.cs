using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Simulation;
using UcgSim.Results;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Results;

public sealed class TrajectoriesCsvTests
{
    private static readonly ExperimentSummary Summary = ExperimentRunner.Run(new Experiment
    {
        Scenarios = [ModelProbe.Generic],
        Variants = [new PolicyVariant(), new PolicyVariant { Name = "pragmatic, quiet", MissionPosture = MissionPosture.Pragmatic }],
        Replicates = 400,
        Horizon = 12,
    }, 2);

    private static string[][] Rows()
    {
        var text = new StringWriter();
        TrajectoriesCsv.Write(text, Summary);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Replace("\"pragmatic, quiet\"", "pragmatic; quiet").Split(',')).ToArray();
    }

    [Fact]
    public void Write_EverySeries_OneRowPerMonth()
    {
        int series = SimulationVocabulary.Events.Length + SimulationVocabulary.Measures.Length * TrajectoryRow.Quantiles.Count;
        Assert.Equal(2 * series * 13, Rows().Length);
    }

    [Fact]
    public void Write_Values_MatchTheSummary()
    {
        var rows = Rows();
        var war = rows.Single(r => r[1] == "baseline" && r[3] == SimulationVocabulary.Describe(EventKind.CivilWar) && r[5] == "12");
        Assert.Equal(Summary.CumulativeIncidence(0, 0, EventKind.CivilWar)[12], double.Parse(war[6], CultureInfo.InvariantCulture));
        var median = rows.Single(r => r[1] == "pragmatic; quiet" && r[4] == "q50" && r[5] == "6"
                                      && r[3] == SimulationVocabulary.Describe(TrajectoryMeasure.PopularSupport));
        Assert.Equal(Summary.QuantilePath(0, 1, TrajectoryMeasure.PopularSupport, 0.5)[6], double.Parse(median[6], CultureInfo.InvariantCulture));
    }
}
