using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Cli;

// Progress on the error stream: percentage, replicates done, rate and time left. On a terminal it is a bar redrawn in
// place; redirected to a log or a CI job, where carriage returns would pile up on one line, it is a plain line every few
// seconds, so that a long run shows it is alive. Either appears only once a run has taken a second, so quick runs stay
// quiet; the final line always appears.
internal sealed class RunProgressLine : IProgress<RunProgress>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 24;

    // Often enough that a reader of a CI log does not wonder whether the run hangs; a one-hour run writes 720 lines.
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly Terminal _terminal;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly TimeSpan _quietStart;
    private TimeSpan? _lastShown;
    private int _drawnWidth;

    // Replicates a resumed run had done before this process started: not counted in its rate or time left.
    private readonly long _doneBefore;

    public RunProgressLine(Terminal terminal, TimeSpan? quietStart = null, TimeProvider? clock = null, long doneBefore = 0)
    {
        _terminal = terminal;
        _doneBefore = doneBefore;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetTimestamp();
        _quietStart = quietStart ?? TimeSpan.FromSeconds(1);
    }

    public RunProgress Latest { get; private set; }

    public void Report(RunProgress value)
    {
        Latest = value;
        var now = _clock.GetElapsedTime(_started);
        var interval = _terminal.ErrorIsInteractive ? RedrawInterval : LogInterval;
        if (now < _quietStart || now - _lastShown < interval) return;
        _lastShown = now;
        string progress = Describe(value, now, _doneBefore);
        if (_terminal.ErrorIsInteractive)
        {
            int filled = (int)Math.Round(Fraction(value) * BarWidth);
            Draw($"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {progress}");
        }
        else
        {
            _terminal.Error.WriteLine($"Progress: {progress.TrimStart()}");
            _terminal.Error.Flush();
        }
    }

    // Replaces the bar with a closing line: how many replicates ran, in how long.
    public void Finish(string verb)
    {
        var elapsed = _clock.GetElapsedTime(_started);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{verb} {Latest.ReplicatesDone:N0} of {Latest.ReplicatesTotal:N0} replicates in {Duration(elapsed)} ({Rate(Latest.ReplicatesDone - _doneBefore, elapsed)} replicates/s)");
        if (_drawnWidth > 0) Draw(line);
        else _terminal.Error.Write(line);
        _terminal.Error.WriteLine();
        _terminal.Error.Flush();
    }

    private void Draw(string line)
    {
        _terminal.Error.Write('\r' + line.PadRight(_drawnWidth));
        _terminal.Error.Flush();
        _drawnWidth = line.Length;
    }

    private static double Fraction(RunProgress progress) =>
        progress.ReplicatesTotal == 0 ? 1 : (double)progress.ReplicatesDone / progress.ReplicatesTotal;

    private static string Describe(RunProgress progress, TimeSpan elapsed, long doneBefore)
    {
        long doneNow = progress.ReplicatesDone - doneBefore;
        string left = doneNow <= 0
            ? "--"
            : Duration(elapsed * ((double)(progress.ReplicatesTotal - progress.ReplicatesDone) / doneNow));
        return string.Create(CultureInfo.InvariantCulture,
            $"{100 * Fraction(progress),5:0.0}%  {progress.ReplicatesDone:N0}/{progress.ReplicatesTotal:N0}  {Rate(doneNow, elapsed)}/s  {left} left");
    }

    private static string Rate(long replicates, TimeSpan elapsed) =>
        (replicates / Math.Max(elapsed.TotalSeconds, 1e-3)).ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.TotalSeconds >= 10 ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
