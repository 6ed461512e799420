using UcgSim.Results;

namespace UcgSim.Tests.Results;

public sealed class HtmlReportTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Render_ThreeVariants_HasTheOutcomeTableEveryFigureEmbeddedAndTheConfiguration()
    {
        var summary = SyntheticSummary.Create(scenarios: 1, variants: 3);
        var figures = OutcomePlots.WriteAll(summary, _scratch.Path);

        string html = HtmlReport.Render(summary, figures, "name: <synthetic>\n", "{\"seed\": 1}");

        Assert.Contains("<caption>Outcome at the horizon: % of replicates [95% interval]</caption>", html);
        Assert.Contains("<td>transition to civilian rule</td>", html);
        Assert.Contains("<th>variant-2</th>", html);
        Assert.Contains("<th>variant-2 - variant-1</th>", html);
        Assert.Equal(figures.Count, html.Split("src=\"data:image/png;base64,").Length - 1);
        // Self-contained: nothing loaded from a file or the network.
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("name: &lt;synthetic&gt;", html);
        Assert.Contains("{&quot;seed&quot;: 1}", html);
    }
}
