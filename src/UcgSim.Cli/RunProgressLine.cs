using System.Diagnostics;
using System.Globalization;
using UcgSim.Core.Experiments;

namespace UcgSim.Cli;

// A one-line progress bar on the error stream, redrawn in place: percentage, replicates done, rate and time left. It
// appears only once a run has taken a second, so quick runs stay quiet, and is not drawn at all when the stream is
// redirected (a log would fill with carriage returns); the final line always is.
internal sealed class RunProgressLine(Terminal terminal, TimeSpan? quietStart = null) : IProgress<RunProgress>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 24;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _quietStart = quietStart ?? TimeSpan.FromSeconds(1);
    private TimeSpan _lastDrawn = -RedrawInterval;
    private int _drawnWidth;

    public RunProgress Latest { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(RunProgress value)
    {
        Latest = value;
        var now = _clock.Elapsed;
        if (!terminal.ErrorIsInteractive || now < _quietStart || now - _lastDrawn < RedrawInterval) return;
        _lastDrawn = now;
        Draw(Describe(value, now));
    }

    // Replaces the bar with a closing line: how many replicates ran, in how long.
    public void Finish(string verb)
    {
        var elapsed = _clock.Elapsed;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{verb} {Latest.ReplicatesDone:N0} of {Latest.ReplicatesTotal:N0} replicates in {Duration(elapsed)} ({Rate(Latest, elapsed)} replicates/s)");
        if (_drawnWidth > 0) Draw(line);
        else terminal.Error.Write(line);
        terminal.Error.WriteLine();
        terminal.Error.Flush();
    }

    private void Draw(string line)
    {
        terminal.Error.Write('\r' + line.PadRight(_drawnWidth));
        terminal.Error.Flush();
        _drawnWidth = line.Length;
    }

    private static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        double fraction = progress.ReplicatesTotal == 0 ? 1 : (double)progress.ReplicatesDone / progress.ReplicatesTotal;
        int filled = (int)Math.Round(fraction * BarWidth);
        string left = progress.ReplicatesDone == 0
            ? "--"
            : Duration(elapsed * ((1 - fraction) / fraction));
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {100 * fraction,5:0.0}%  {progress.ReplicatesDone:N0}/{progress.ReplicatesTotal:N0}  {Rate(progress, elapsed)}/s  {left} left");
    }

    private static string Rate(RunProgress progress, TimeSpan elapsed) =>
        (progress.ReplicatesDone / Math.Max(elapsed.TotalSeconds, 1e-3)).ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.TotalSeconds >= 10 ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
