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
    public void Report_Redirected_WritesOnlyTheFinalLine()
    {
        var progress = new RunProgressLine(new Terminal(TextWriter.Null, _error, ErrorIsInteractive: false), TimeSpan.Zero);

        progress.Report(new RunProgress(500, 1000));
        progress.Finish("Stopped after");

        Assert.StartsWith("Stopped after 500 of 1,000 replicates in ", _error.ToString());
        Assert.DoesNotContain('\r', _error.ToString());
    }
}
