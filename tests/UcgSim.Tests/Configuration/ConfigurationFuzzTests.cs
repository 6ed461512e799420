using UcgSim.Configuration;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Configuration;

// The shipped files, edited at random: whatever an edit makes, loading either succeeds or stops with a
// ConfigurationException naming the file; never another exception, which ucgsim reports as a bug. Seeded, so that a
// failure can be replayed; YamlDotNet 18.1 threw InvalidOperationException and ArgumentException on such edits.
public sealed class ConfigurationFuzzTests : IDisposable
{
    private const int EditsPerFile = 1500;

    // What a hurried edit or a bad paste brings: YAML's punctuation, tabs, aliases, tags, quotes, an accented letter.
    private static readonly string[] Pieces =
        ["[", "]", "{", "}", ":", ": ", ",", "- ", "\n", "\t", "  ", "&a ", "*a", "*b", "!!str ", "\"", "'", "#", "|\n", ">", "? ", "%", "`", "0", "-1", "1e999", "é", "---\n", "<<: "];

    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Loaders() => new(["scenario", "variants", "parameters", "experiment"]);

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Load_RandomlyEditedShippedFile_SucceedsOrSaysWhereTheMistakeIs(string kind)
    {
        (string original, Action<string> load) = kind switch
        {
            "scenario" => (File.ReadAllText(Path.Combine(RepositoryPaths.Configs, "scenarios", "mali-2021.yaml")), (Action<string>)(path => ScenarioFile.Load(path))),
            "variants" => (File.ReadAllText(Path.Combine(RepositoryPaths.Configs, "variants", "default.yaml")), path => VariantFile.Load(path)),
            "parameters" => (File.ReadAllText(Path.Combine(RepositoryPaths.Configs, "parameters.yaml")), path => ParameterFile.Load(path)),
            // Written out whole, so that the edited copy refers to no other file.
            _ => (ConfigurationWriter.Write(ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment),
                path => ExperimentFile.Load(path)),
        };
        var random = new Random(kind.Length * 7919);
        string path = Path.Combine(_folder.Root, kind + ".yaml");
        int refused = 0;
        for (int edit = 0; edit < EditsPerFile; edit++)
        {
            string edited = Edit(original, random);
            File.WriteAllText(path, edited);
            try
            {
                load(path);
            }
            catch (ConfigurationException mistake)
            {
                refused++;
                Assert.Equal(path, mistake.FilePath);
                Assert.True(mistake.Line > 0, $"No line for: {mistake.Message}");
            }
            catch (Exception bug)
            {
                Assert.Fail($"Edit {edit} of {kind} threw {bug.GetType().Name}: {bug.Message}\n--- file ---\n{edited}");
            }
        }
        // Most edits break the file; some, such as a comment, do not.
        Assert.InRange(refused, EditsPerFile / 4, EditsPerFile);
    }

    private static string Edit(string text, Random random)
    {
        for (int count = random.Next(1, 4); count > 0; count--)
        {
            int at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
                1 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                _ => text.Insert(at, text.Substring(random.Next(text.Length - 40), 40)),
            };
        }
        return text;
    }
}
