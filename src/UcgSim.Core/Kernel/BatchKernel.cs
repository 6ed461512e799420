using System.Runtime.Intrinsics;
using UcgSim.Core.Experiments;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Kernel;

/// <summary>
/// The batch engine: runs a block of replicates of one scenario under every variant of an experiment, four
/// replicates to a group (one per vector lane), a group at a time, month by month, every variant in turn within
/// the month so that each draw is computed once and shared (<see cref="MonthDraws"/>). Each replicate's outcome,
/// event months and trajectories, equal bit for bit to the reference model's, go into the same tallies and records.
/// One instance per worker thread: its state is allocated here and reused for every group.
/// </summary>
internal sealed class BatchKernel : IBlockEngine
{
    private static readonly int EventCount = SimulationVocabulary.Events.Length;
    private static readonly int MeasureCount = SimulationVocabulary.Measures.Length;

    private readonly Experiment _experiment;
    private readonly int _scenarioIndex;
    private readonly MonthDraws _draws = new();
    private readonly CountryLanes[] _countries;
    private readonly short[] _eventMonths = new short[EventCount];
    private readonly Outcome[] _outcomes;
    // [variant, lane]: the last month each lane's measures count in the bands.
    private readonly int[,] _lastMonths;

    public BatchKernel(Experiment experiment, int scenarioIndex)
    {
        _experiment = experiment;
        _scenarioIndex = scenarioIndex;
        var constants = new KernelConstants(experiment.Parameters, experiment.Horizon);
        _countries = experiment.Variants
            .Select(variant => new CountryLanes(experiment.Scenarios[scenarioIndex], variant, experiment.Parameters, constants, _draws,
                experiment.Horizon))
            .ToArray();
        _outcomes = new Outcome[_countries.Length];
        _lastMonths = new int[_countries.Length, Lanes.Count];
    }

    /// <summary>When set, the streams drawn in each month of each group, in order: what the floor benchmark replays.</summary>
    public List<ulong>? DrawLog { get; set; }

    public void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records) =>
        Run(firstReplicate, count, tallies, records, null);

    /// <summary>As <see cref="Run(long, int, VariantTally[], RecordBlock?)"/>, also filling <paramref name="histories"/>[replicate, variant] when given.</summary>
    public void Run(long firstReplicate, int count, VariantTally[] tallies, RecordBlock? records, ReplicateHistory[,]? histories)
    {
        records?.Begin(_scenarioIndex, firstReplicate, count);
        for (int first = 0; first < count; first += Lanes.Count)
        {
            int replicates = Math.Min(Lanes.Count, count - first);
            RunGroup(new ReplicateLanesRandom(_experiment.Seed, firstReplicate + first), replicates);
            for (int lane = 0; lane < replicates; lane++) Write(first + lane, lane, tallies, records, histories);
            TallyTrajectories(tallies, replicates);
        }
    }

    /// <summary>Four replicates (or fewer, at the end of a block) from month 0 to the horizon under every variant.</summary>
    private void RunGroup(ReplicateLanesRandom random, int replicates)
    {
        _draws.Begin(random, 0);
        foreach (var country in _countries) country.Start(replicates);
        DrawLog?.Add(_draws.Drawn);
        for (int month = 1; month <= _experiment.Horizon; month++)
        {
            _draws.Begin(random, month);
            foreach (var country in _countries) country.StepMonth(month);
            DrawLog?.Add(_draws.Drawn);
        }
    }

    /// <summary>One replicate's results under every variant, from its lane, into the tallies, records and histories.</summary>
    private void Write(int replicateInBlock, int lane, VariantTally[] tallies, RecordBlock? records, ReplicateHistory[,]? histories)
    {
        for (int v = 0; v < _countries.Length; v++) _outcomes[v] = _countries[v].FinalOutcome(lane);
        for (int v = 0; v < _countries.Length; v++)
        {
            var country = _countries[v];
            for (int e = 0; e < EventCount; e++) _eventMonths[e] = country.History.EventMonth(e, lane);
            tallies[v].AddOutcome(_outcomes[v], _outcomes.AsSpan(0, v));
            tallies[v].AddEvents(_eventMonths);
            _lastMonths[v, lane] = tallies[v].LastMonthRunning(_eventMonths);
            records?.Set(records.IndexOf(replicateInBlock, v), _outcomes[v], _eventMonths);
            if (histories is not null) histories[replicateInBlock, v] = History(country, lane, _outcomes[v]);
        }
    }

    /// <summary>
    /// Each variant's trajectories into its histograms, a month's four lanes at a time, up to each lane's last month
    /// running (<see cref="VariantTally.Add"/>); called once per group, after <see cref="Write"/>.
    /// </summary>
    private void TallyTrajectories(VariantTally[] tallies, int replicates)
    {
        Span<int> lastMonths = stackalloc int[Lanes.Count];
        for (int v = 0; v < _countries.Length; v++)
        {
            for (int lane = 0; lane < replicates; lane++) lastMonths[lane] = _lastMonths[v, lane];
            var history = _countries[v].History;
            for (int measure = 0; measure < MeasureCount; measure++)
                tallies[v].Trajectories[measure].Add(history.Path(measure), lastMonths[..replicates]);
        }
    }

    private ReplicateHistory History(CountryLanes country, int lane, Outcome outcome)
    {
        var history = new ReplicateHistory(_experiment.Horizon) { Outcome = outcome };
        _eventMonths.CopyTo(history.EventMonths, 0);
        for (int measure = 0; measure < MeasureCount; measure++)
        {
            var path = history.Trajectory((TrajectoryMeasure)measure);
            for (int month = 0; month < path.Length; month++) path[month] = country.History.Trajectory(measure, month)[lane];
        }
        return history;
    }
}
