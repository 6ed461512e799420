using System.Text;
using UcgSim.Cli;
using UcgSim.Tests.Results;

namespace UcgSim.Tests.Configuration;

// Every file under Corpus/ that a user could get wrong, run through 'ucgsim run' as a user would run it. Each case is
// NAME.expected, beside NAME.yaml (committed, or written by Generated below when it is large or binary):
//   # comment lines say what the case is about
//   exit 2                      the exit code
//   run: PATH                   optional: run PATH instead of NAME.yaml ({dir} is the corpus folder)
//   !TEXT                       the error output must not contain TEXT (the content of a file read by mistake)
//   TEXT                        every other line must appear in the error output; {dir} is the corpus folder
// Files under Corpus/referenced/ are only referred to by cases.
public sealed class MalformedCorpusTests(MalformedCorpusTests.Corpus corpus) : IClassFixture<MalformedCorpusTests.Corpus>
{
    // A case that takes longer has hung: the slowest, a 1 MiB file, is read in well under a second.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    // A message may list the allowed keys of a scenario or variant (the longest list, a scenario's, is about 1,000
    // characters), but a file's content never makes it longer.
    private const int MaxErrorLength = 2000;

    private static string CommittedFolder => Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus");

    // Large or binary inputs, written at test time rather than committed.
    private static readonly Dictionary<string, Action<string>> Generated = new()
    {
        ["random-bytes.yaml"] = path => File.WriteAllBytes(path, RandomBytes(4096, 0, 256)),
        ["random-high-bytes.yaml"] = path => File.WriteAllBytes(path, RandomBytes(4096, 0x80, 0x100)),
        ["referenced/random-bytes.yaml"] = path => File.WriteAllBytes(path, RandomBytes(512, 0, 256)),
        ["latin1-description.yaml"] = path => File.WriteAllBytes(path,
            Encoding.Latin1.GetBytes("name: corpus\ndescription: Coup d'\u00e9tat in the capital\nscenarios:\n  - name: s\nvariants:\n  - name: baseline\n")),
        ["utf16.yaml"] = path => File.WriteAllText(path, "name: corpus\nscenarios:\n  - name: s\nvariants:\n  - name: baseline\n", Encoding.Unicode),
        ["one-line-5mb.yaml"] = path => File.WriteAllText(path, "description: " + new string('x', 5 * 1024 * 1024)),
        ["one-byte-over-1mib.yaml"] = path => File.WriteAllText(path, "# " + new string('x', (1 << 20) - 2) + "\n"),
        ["deep-brackets.yaml"] = path => File.WriteAllText(path, "name: corpus\nscenarios: " + new string('[', 100_000)),
        ["deep-mappings.yaml"] = path => File.WriteAllText(path, "name: corpus\nscenarios: " + string.Concat(Enumerable.Repeat("{a: ", 100_000))),
        ["deep-braces.yaml"] = path => File.WriteAllText(path, "name: corpus\nscenarios: " + new string('{', 100_000)),
        ["deep-block-lists.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  " + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n"),
        ["deep-mixed.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios: " + string.Concat(Enumerable.Repeat("[{a: ", 20_000))),
        ["depth-33.yaml"] = path => File.WriteAllText(path, "description: " + new string('[', 32) + new string(']', 32) + "\n"),
        ["depth-32.yaml"] = path => File.WriteAllText(path, "description: " + new string('[', 31) + new string(']', 31) + "\n"),
        ["too-many-values.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  - name: s\n    mandateTasks: [" + string.Join(",", Enumerable.Repeat("0", 110_000)) + "]\n"),
        ["long-number.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  - name: s\nvariants:\n  - name: baseline\nhorizon: " + new string('9', 900_000) + "\n"),
        ["long-infinite-number.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  - name: s\n    popularSupport: 1" + new string('0', 900_000) + "\nvariants:\n  - name: baseline\n"),
        ["long-variant-name.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  - name: s\nvariants:\n  - name: " + new string('n', 500_000) + "\n"),
        ["long-unknown-key.yaml"] = path => File.WriteAllText(path,
            "name: corpus\n? " + new string('k', 300_000) + "\n: 1\n"),
        ["long-scenario-path.yaml"] = path => File.WriteAllText(path,
            "name: corpus\nscenarios:\n  - " + new string('p', 5000) + ".yaml\nvariants:\n  - name: baseline\n"),
        // A file that says it is empty and never ends.
        ["referenced/endless.yaml"] = path => File.CreateSymbolicLink(path, "/dev/zero"),
    };

    public static TheoryData<string> Cases() => new(CaseNames());

    private static List<string> CaseNames() =>
        [.. Directory.EnumerateFiles(CommittedFolder, "*.expected").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_MalformedFile_ExitsWithTwoAndSaysWhereAndHowToFixIt(string name)
    {
        var expectation = Expectation.Read(Path.Combine(corpus.Folder, name + ".expected"), corpus.Folder);
        string input = expectation.Run ?? Path.Combine(corpus.Folder, name + ".yaml");
        var output = new StringWriter();
        var error = new StringWriter();

        var run = Task.Run(() => UcgSimCommandLine.Invoke(
            ["run", input, "-o", Path.Combine(corpus.Folder, "out"), "-n", "1", "--no-plots", "--no-records"],
            new Terminal(output, error, ErrorIsInteractive: false)));

        Assert.True(await Task.WhenAny(run, Task.Delay(TimeLimit)) == run, $"'ucgsim run' on {name} took more than {TimeLimit.TotalSeconds} s.");
        int exitCode = await run;
        string said = error.ToString();
        Assert.True(expectation.ExitCode == exitCode, $"{name}: exit code {exitCode}, expected {expectation.ExitCode}. It said:\n{said}");
        foreach (string part in expectation.Present)
            Assert.True(said.Contains(part, StringComparison.Ordinal), $"{name}: expected\n  {part}\nin\n  {said}");
        foreach (string part in expectation.Absent)
            Assert.False(said.Contains(part, StringComparison.Ordinal), $"{name}: '{part}' should not be printed, but it said:\n{said}");
        Assert.DoesNotContain("   at ", said);
        Assert.DoesNotContain("unexpected error", said);
        Assert.True(said.Length <= MaxErrorLength, $"{name}: {said.Length:N0} characters of error output.");
        var echoed = EchoedLines(input, said);
        Assert.True(echoed.Count <= 1, $"{name}: more than one line of the file is printed:\n{string.Join("\n", echoed)}");
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Corpus_HasAtLeastAHundredCases_EachWithAFileAndEveryReferencedFileUsed()
    {
        var cases = CaseNames();
        Assert.True(cases.Count >= 100, $"The corpus holds {cases.Count} cases.");
        foreach (string name in cases)
        {
            var expectation = Expectation.Read(Path.Combine(CommittedFolder, name + ".expected"), corpus.Folder);
            Assert.True(expectation.Run is not null || File.Exists(Path.Combine(CommittedFolder, name + ".yaml")) || Generated.ContainsKey(name + ".yaml"),
                $"{name}.expected has no {name}.yaml, committed or generated, and no 'run:' line.");
            Assert.NotEmpty(expectation.Present);
        }
        var inputs = Directory.EnumerateFiles(CommittedFolder, "*.yaml").Concat(Generated.Keys.Where(key => !key.Contains('/')))
            .Select(file => Path.GetFileNameWithoutExtension(file));
        var withoutExpectation = inputs.Except(cases).ToList();
        Assert.True(withoutExpectation.Count == 0, $"No .expected for {string.Join(", ", withoutExpectation)}.");
        string everyCase = string.Concat(Directory.EnumerateFiles(CommittedFolder).Select(File.ReadAllText));
        var unused = Directory.EnumerateFiles(Path.Combine(CommittedFolder, "referenced")).Select(file => "referenced/" + Path.GetFileName(file))
            .Concat(Generated.Keys.Where(key => key.StartsWith("referenced/", StringComparison.Ordinal)))
            .Where(file => !everyCase.Contains(file, StringComparison.Ordinal))
            .ToList();
        Assert.True(unused.Count == 0, $"No case refers to {string.Join(", ", unused)}.");
    }

    // The lines of the file, long enough to be its content rather than a key a message names, that the output repeats.
    private static List<string> EchoedLines(string input, string said)
    {
        if (!File.Exists(input) || new FileInfo(input).Length > 8 << 20) return [];
        return Encoding.UTF8.GetString(File.ReadAllBytes(input)).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length >= 12 && said.Contains(line, StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    private static byte[] RandomBytes(int count, int least, int bound)
    {
        var random = new Random(20250301);
        return [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(least, bound))];
    }

    private sealed record Expectation(int ExitCode, string? Run, IReadOnlyList<string> Present, IReadOnlyList<string> Absent)
    {
        public static Expectation Read(string path, string folder)
        {
            string[] lines = [.. File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Replace("{dir}", folder, StringComparison.Ordinal))];
            Assert.True(lines is [['e', 'x', 'i', 't', ' ', ..], ..], $"{path} does not start with 'exit <code>'.");
            string? run = lines.FirstOrDefault(line => line.StartsWith("run: ", StringComparison.Ordinal))?["run: ".Length..];
            var rest = lines.Skip(1).Where(line => !line.StartsWith("run: ", StringComparison.Ordinal)).ToList();
            return new Expectation(int.Parse(lines[0]["exit ".Length..], System.Globalization.CultureInfo.InvariantCulture), run,
                rest.Where(line => line[0] != '!').ToList(), rest.Where(line => line[0] == '!').Select(line => line[1..]).ToList());
        }
    }

    // The committed corpus copied to a scratch folder, with the generated files beside it, once for all cases.
    public sealed class Corpus : IDisposable
    {
        private readonly ScratchFolder _scratch = new();

        public Corpus()
        {
            foreach (string file in Directory.EnumerateFiles(CommittedFolder, "*", SearchOption.AllDirectories))
            {
                string copy = Path.Combine(Folder, Path.GetRelativePath(CommittedFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            foreach (var (relative, write) in Generated)
            {
                string path = Path.Combine(Folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                write(path);
            }
        }

        public string Folder => _scratch.Path;

        public void Dispose() => _scratch.Dispose();
    }
}
