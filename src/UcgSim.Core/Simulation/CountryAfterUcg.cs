using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Simulation;

public sealed class CountryAfterUcg
{
    public static ReplicateHistory Simulate(ScenarioConditions scenario, PolicyVariant variant,
        BehaviouralParameters parameters, ReplicateRandom random, int horizon)
    {
        var history = new ReplicateHistory(horizon);
        for (int month = 1; month <= horizon; month++)
        {
            if (random.Occurs(month, DrawStream.CounterCoup, parameters.CounterCoupMonthlyBase * (1 + scenario.EarlierCoups)))
            {
                history.Mark(EventKind.CounterCoup, month);
                history.Outcome = Outcome.CounterCoup;
                break;
            }
        }
        return history;
    }
}
