using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// A coup-recurrence rate from the coup datasets that a scenario standing for a class of coups should
/// reproduce (brief §7, base rates): the share of the class's successful coups followed by the event
/// within a window of months, against the model's
/// unconditional P(event by that month).
/// </summary>
/// <param name="Event">The model's event: <see cref="EventKind.CounterCoup"/> for a successful coup, <see cref="EventKind.CoupAttempt"/> for any attempt.</param>
/// <param name="WithinMonths">The window after the coup, in months.</param>
/// <param name="Observed">The datasets' share, with its 95% Wilson interval and the number of coups counted.</param>
/// <param name="Source">The dataset and the subset of coups counted, in words.</param>
public sealed record BaseRateTarget(EventKind Event, int WithinMonths, Proportion Observed, string Source)
{
    /// <summary>
    /// Percentage points by which the data's interval is widened on each side. The interval covers the
    /// sampling error of a few dozen coups, not the gap between one stylized scenario and the mix of
    /// countries in its class, nor coups dated only to the month at the window's edge. Five points is a
    /// modelling judgment, stated here and in the README, not a figure from the data.
    /// </summary>
    public const double Tolerance = 0.05;

    public BaseRateJudgment Judge(VariantTally tally)
    {
        double simulated = new EventTiming(tally, Event).ShareBy(WithinMonths);
        double from = Math.Max(0, Observed.Lower - Tolerance);
        double to = Math.Min(1, Observed.Upper + Tolerance);
        return new BaseRateJudgment(this, simulated, from, to, simulated >= from && simulated <= to);
    }
}

/// <summary>How the model fared on one base rate: its share and the accepted span (the data's widened interval).</summary>
public sealed record BaseRateJudgment(BaseRateTarget Target, double Simulated, double AcceptedFrom, double AcceptedTo, bool Passed);
