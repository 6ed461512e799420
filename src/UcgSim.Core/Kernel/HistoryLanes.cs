using System.Runtime.Intrinsics;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary>
/// <see cref="ReplicateHistory"/> for four replicates: the month of each event (-1 while it has not happened) and
/// each measure's monthly path, one lane per replicate.
/// </summary>
internal sealed class HistoryLanes(int horizon)
{
    private static readonly int EventCount = SimulationVocabulary.Events.Length;
    private static readonly int MeasureCount = SimulationVocabulary.Measures.Length;

    private readonly Vector256<double>[] _eventMonths = new Vector256<double>[EventCount];
    private readonly Vector256<double>[] _trajectories = new Vector256<double>[MeasureCount * (horizon + 1)];

    public void Start() => Array.Fill(_eventMonths, Of(ReplicateRecord.NotObserved));

    /// <summary><see cref="ReplicateHistory.Happened"/>.</summary>
    public Vector256<double> Happened(EventKind kind) => GreaterOrEqual(_eventMonths[(int)kind], 0);

    public bool HappenedIn(EventKind kind, int lane) => _eventMonths[(int)kind][lane] >= 0;

    /// <summary><see cref="ReplicateHistory.Mark"/> in the lanes of <paramref name="lanes"/>: the first month is kept.</summary>
    public void Mark(EventKind kind, Vector256<double> lanes, int month)
    {
        var months = _eventMonths[(int)kind];
        _eventMonths[(int)kind] = Select(lanes & Less(months, 0), month, months);
    }

    public short EventMonth(int kind, int lane) => (short)_eventMonths[kind][lane];

    public Vector256<double> Trajectory(int measure, int month) => _trajectories[measure * (horizon + 1) + month];

    /// <summary>A measure's values from month 0 to the horizon.</summary>
    public ReadOnlySpan<Vector256<double>> Path(int measure) => _trajectories.AsSpan(measure * (horizon + 1), horizon + 1);

    /// <summary>
    /// The month's measures, in <see cref="TrajectoryMeasure"/> order. A lane that is no longer running keeps its
    /// last values, as the reference carries them forward after a counter-coup.
    /// </summary>
    public void Record(int month, Vector256<double> running, Vector256<double> support, Vector256<double> relationship,
        Vector256<double> aidLevel, Vector256<double> hardship)
    {
        Set(TrajectoryMeasure.PopularSupport, support);
        Set(TrajectoryMeasure.MissionRelationship, relationship);
        Set(TrajectoryMeasure.AidLevel, aidLevel);
        Set(TrajectoryMeasure.Hardship, hardship);

        void Set(TrajectoryMeasure measure, Vector256<double> value)
        {
            int at = (int)measure * (horizon + 1) + month;
            _trajectories[at] = month == 0 ? value : Select(running, value, _trajectories[at - 1]);
        }
    }

    /// <summary>Every lane's measures carried forward to <paramref name="month"/>, for a variant whose lanes have all ended.</summary>
    public void CarryForward(int month)
    {
        for (int measure = 0; measure < MeasureCount; measure++)
        {
            int at = measure * (horizon + 1) + month;
            _trajectories[at] = _trajectories[at - 1];
        }
    }
}
