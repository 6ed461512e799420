using System.Globalization;
using System.Net;
using System.Text;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// <c>report.html</c>: one self-contained page per run, to read or send without the rest of the folder: the
/// outcome table of every scenario, the paired differences, every figure embedded as base64, the resolved
/// configuration and the manifest. Nothing is fetched from elsewhere, so it opens offline.
/// </summary>
public static class HtmlReport
{
    public static void Write(string path, ExperimentSummary summary, IReadOnlyList<string> figures, string resolvedExperiment, string manifest) =>
        File.WriteAllText(path, Render(summary, figures, resolvedExperiment, manifest), new UTF8Encoding(false));

    public static string Render(ExperimentSummary summary, IReadOnlyList<string> figures, string resolvedExperiment, string manifest)
    {
        var experiment = summary.Experiment;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode($"ucgsim run: {experiment.Name}"))
            .Append("</title><style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #999;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("img{max-width:100%;border:1px solid #ccc;margin:1em 0}pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body>\n")
            .Append("<h1>").Append(Encode($"Experiment \"{experiment.Name}\"")).Append("</h1>\n<p>")
            .Append(Encode(string.Create(CultureInfo.InvariantCulture,
                $"{experiment.Replicates:N0} replicates per scenario and variant, {experiment.Horizon}-month horizon, seed {experiment.Seed}; baseline variant \"{experiment.Variants[0].Name}\".")))
            .Append("</p>\n");
        var variants = experiment.Variants.Select(v => v.Name).ToArray();
        for (int s = 0; s < experiment.Scenarios.Count; s++)
        {
            html.Append("<h2>").Append(Encode($"Scenario \"{experiment.Scenarios[s].Name}\"")).Append("</h2>\n");
            Table(html, "Outcome at the horizon: % of replicates [95% interval]", "outcome", variants,
                SimulationVocabulary.Outcomes.Select(outcome => (SimulationVocabulary.Describe(outcome),
                    Enumerable.Range(0, variants.Length).Select(v => Share(summary.OutcomeShare(s, v, outcome))))));
            if (variants.Length < 2) continue;
            Table(html, "Difference from the baseline in percentage points [95% interval, paired by replicate]", "outcome", variants[1..],
                SimulationVocabulary.Outcomes.Select(outcome => (SimulationVocabulary.Describe(outcome),
                    Enumerable.Range(1, variants.Length - 1).Select(v => Difference(summary.DifferenceFromBaseline(s, v, outcome))))));
            var pairs = OutcomeTable.PairsBeyondBaseline(variants.Length);
            if (pairs.Count == 0) continue;
            Table(html, "Differences between the other variants in percentage points [95% interval, paired by replicate]", "outcome",
                [.. pairs.Select(pair => OutcomeTable.PairName(variants, pair))],
                SimulationVocabulary.Outcomes.Select(outcome => (SimulationVocabulary.Describe(outcome),
                    pairs.Select(pair => Difference(summary.Difference(s, pair.Variant, pair.Reference, outcome))))));
        }
        html.Append("<h2>Figures</h2>\n");
        foreach (string figure in figures)
            html.Append("<img alt=\"").Append(Encode(Path.GetFileName(figure))).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(File.ReadAllBytes(figure))).Append("\">\n");
        html.Append("<h2>Resolved configuration</h2>\n<pre>").Append(Encode(resolvedExperiment)).Append("</pre>\n")
            .Append("<h2>Manifest</h2>\n<pre>").Append(Encode(manifest)).Append("</pre>\n</body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string caption, string rowHeading, IReadOnlyList<string> columns,
        IEnumerable<(string Label, IEnumerable<string> Cells)> rows)
    {
        html.Append("<table><caption>").Append(Encode(caption)).Append("</caption>\n<tr><th>").Append(Encode(rowHeading)).Append("</th>");
        foreach (string column in columns) html.Append("<th>").Append(Encode(column)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var (label, cells) in rows)
        {
            html.Append("<tr><td>").Append(Encode(label)).Append("</td>");
            foreach (string cell in cells) html.Append("<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Share(Proportion share) => double.IsNaN(share.Estimate)
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{100 * share.Estimate:0.0}% [{100 * share.Lower:0.0}-{100 * share.Upper:0.0}]");

    private static string Difference(PairedDifference difference) => double.IsNaN(difference.Estimate)
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{100 * difference.Estimate:+0.0;-0.0;+0.0} [{100 * difference.Lower:0.0}, {100 * difference.Upper:0.0}]");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
