using UcgSim.Cli;
using UcgSim.Core.Experiments;

namespace UcgSim.Tests.Cli;

public sealed class RunProgressLineTests
{
    private readonly StringWriter _error = new();

    [Fact]
    public void Report_InteractiveAfterTheQuietStart_RedrawsOneLineInPlaceThenFinishesIt()
    {
        var progress = new RunProgressLine(new Terminal(TextWriter.Null, _error, ErrorIsInteractive: true), TimeSpan.Zero);

        progress.Report(new RunProgress(250, 1000));
        progress.Report(new RunProgress(500, 1000));
        progress.Finish("Ran");

        string written = _error.ToString();
        Assert.StartsWith("\r[######..................]  25.0%  250/1,000", written);
        Assert.Contains("\rRan 500 of 1,000 replicates in ", written);
        Assert.EndsWith(Environment.NewLine, written);
        Assert.Single(written.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_Redirected_WritesPlainLinesEveryFewSecondsThenTheFinalLine()
    {
        var clock = new ManualClock();
        var progress = new RunProgressLine(new Terminal(TextWriter.Null, _error, ErrorIsInteractive: false), TimeSpan.FromSeconds(1), clock);

        // One report a second for twelve seconds: quiet for the first second, then a line at 1 s, 6 s and 11 s.
        for (int second = 0; second <= 12; second++)
        {
            progress.Report(new RunProgress(second * 50, 1000));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        progress.Finish("Stopped after");

        string[] lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RunProgressLine.LogInterval, TimeSpan.FromSeconds(5));
        Assert.Equal(
        [
            "Progress: 5.0%  50/1,000  50/s  0:19 left",
            "Progress: 30.0%  300/1,000  50/s  0:14 left",
            "Progress: 55.0%  550/1,000  50/s  9.0 s left",
            "Stopped after 600 of 1,000 replicates in 0:13 (46 replicates/s)",
        ], lines);
        Assert.DoesNotContain('\r', _error.ToString());
    }

    [Fact]
    public void Report_ResumedRun_CountsRateAndTimeLeftFromWhatThisProcessRan()
    {
        var clock = new ManualClock();
        var progress = new RunProgressLine(new Terminal(TextWriter.Null, _error, ErrorIsInteractive: false), TimeSpan.Zero, clock, doneBefore: 600);

        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Report(new RunProgress(700, 1000));
        progress.Finish("Ran");

        string[] lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Progress: 70.0%  700/1,000  50/s  6.0 s left", "Ran 700 of 1,000 replicates in 2.0 s (50 replicates/s)"], lines);
    }

    [Fact]
    public void Report_RedirectedRunShorterThanTheQuietStart_WritesOnlyTheFinalLine()
    {
        var progress = new RunProgressLine(new Terminal(TextWriter.Null, _error, ErrorIsInteractive: false), TimeSpan.FromHours(1));

        progress.Report(new RunProgress(500, 1000));
        progress.Finish("Ran");

        Assert.StartsWith("Ran 500 of 1,000 replicates in ", _error.ToString());
        Assert.Single(_error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    // Time moves only when the test says so.
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan span) => _ticks += span.Ticks;
    }
}
