using System.Diagnostics;
using UcgSim.Results;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Results;

/// <summary>
/// report.html as a reader sees it: opened in headless Chromium (installed by scripts/ensure-chromium.sh when
/// missing), its DOM must hold the outcome table and its screenshot must show something drawn.
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Report_OpenedInHeadlessChromium_ShowsTheOutcomeTable()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 3);
        var figures = OutcomePlots.WriteAll(summary, _scratch.Path);
        string report = Path.Combine(_scratch.Path, "report.html");
        HtmlReport.Write(report, summary, figures, "name: synthetic\n", "{\"seed\": 1}");
        string browser = Run("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "ensure-chromium.sh")]).Trim();

        string[] headless = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600"];
        string dom = Run(browser, [.. headless, "--dump-dom", new Uri(report).AbsoluteUri]);
        string screenshot = Path.Combine(_scratch.Path, "report.png");
        Run(browser, [.. headless, $"--screenshot={screenshot}", new Uri(report).AbsoluteUri]);

        Assert.Contains("Outcome at the horizon", dom);
        Assert.Contains("transition to civilian rule", dom);
        Assert.Contains("variant-2", dom);
        // A blank page compresses to almost nothing; a rendered table and figures do not.
        Assert.True(new FileInfo(screenshot).Length > 20_000, $"screenshot of {new FileInfo(screenshot).Length} bytes");
    }

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within five minutes");
        }
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
