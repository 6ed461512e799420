using System.Text.RegularExpressions;
using UcgSim.Results;

namespace UcgSim.Tests.Cli;

// Two results folders of the same experiment hold the same results: every file byte for byte, except manifest.json and
// the copy of it at the end of report.html, which say when and how (threads, resumes, shards) the run went, by design.
internal static partial class SameResults
{
    public static void AssertSame(string expectedFolder, string actualFolder)
    {
        string[] expected = Files(expectedFolder);
        Assert.Equal(expected, Files(actualFolder));
        foreach (string name in expected)
        {
            if (name == ResultsFolder.ManifestFileName) continue;
            byte[] want = File.ReadAllBytes(Path.Combine(expectedFolder, name));
            byte[] got = File.ReadAllBytes(Path.Combine(actualFolder, name));
            if (name == ResultsFolder.ReportFileName)
                Assert.Equal(WithoutManifest(want), WithoutManifest(got));
            else
                Assert.True(want.AsSpan().SequenceEqual(got), $"{name} differs between {expectedFolder} and {actualFolder}");
        }
    }

    private static string[] Files(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string WithoutManifest(byte[] report)
    {
        string text = System.Text.Encoding.UTF8.GetString(report);
        string stripped = ManifestSection().Replace(text, "");
        Assert.NotEqual(text, stripped);
        return stripped;
    }

    [GeneratedRegex(@"<h2>Manifest</h2>\n<pre>.*?</pre>", RegexOptions.Singleline)]
    private static partial Regex ManifestSection();
}
