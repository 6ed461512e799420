using System.Globalization;
using System.Text;

namespace UcgSim.Results;

/// <summary>
/// The folder one run leaves its files in: <c>&lt;root&gt;/&lt;experiment-name&gt;-&lt;yyyyMMdd-HHmmss&gt;</c>,
/// with <c>-2</c>, <c>-3</c>... appended when that name is taken. An earlier run's results are never overwritten.
/// </summary>
public sealed class ResultsFolder
{
    public const string RecordsFileName = "replicates.msgpack";
    public const string SummaryFileName = "summary.csv";
    public const string TrajectoriesFileName = "trajectories.csv";
    public const string ManifestFileName = "manifest.json";
    public const string ResolvedExperimentFileName = "experiment.resolved.yaml";
    public const string LeverEffectsFileName = "lever-effects.csv";
    public const string ReportFileName = "report.html";
    public const string CheckpointFileName = "checkpoint.msgpack";

    private const int MaxNameLength = 60;

    private ResultsFolder(string path) => Path = path;

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    public string RecordsPath => System.IO.Path.Combine(Path, RecordsFileName);
    public string SummaryPath => System.IO.Path.Combine(Path, SummaryFileName);
    public string TrajectoriesPath => System.IO.Path.Combine(Path, TrajectoriesFileName);
    public string ManifestPath => System.IO.Path.Combine(Path, ManifestFileName);
    public string ResolvedExperimentPath => System.IO.Path.Combine(Path, ResolvedExperimentFileName);
    public string LeverEffectsPath => System.IO.Path.Combine(Path, LeverEffectsFileName);
    public string ReportPath => System.IO.Path.Combine(Path, ReportFileName);
    public string CheckpointPath => System.IO.Path.Combine(Path, CheckpointFileName);

    /// <summary>Saves the experiment exactly as it ran (every default filled in), so the run can be repeated from it.</summary>
    public void WriteResolvedExperiment(string yaml) => File.WriteAllText(ResolvedExperimentPath, yaml);

    /// <summary>An existing results folder, for resuming or merging it.</summary>
    public static ResultsFolder Existing(string path) => new(System.IO.Path.GetFullPath(path));

    /// <summary>Creates a new, empty folder for a run of <paramref name="experimentName"/> started at <paramref name="startedAt"/>.</summary>
    public static ResultsFolder Create(string outputRoot, string experimentName, DateTime startedAt)
    {
        Directory.CreateDirectory(outputRoot);
        string stem = System.IO.Path.Combine(
            System.IO.Path.GetFullPath(outputRoot),
            $"{FileNameFor(experimentName)}-{startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        string path = stem;
        for (int attempt = 2; Directory.Exists(path) || File.Exists(path); attempt++)
            path = $"{stem}-{attempt}";
        Directory.CreateDirectory(path);
        return new ResultsFolder(path);
    }

    /// <summary>
    /// A name that is safe on every file system and in a shell: letters, digits, '.', '_' and '-' only,
    /// so that a scenario called "Mali 2021/ECOWAS" still makes one file, not a subfolder.
    /// </summary>
    public static string FileNameFor(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '_' or '-') safe.Append(c);
            else if (safe.Length > 0 && safe[^1] != '-') safe.Append('-');
        }
        // Long names are cut so that the folder plus its file names stay within Windows' path limit.
        string trimmed = safe.ToString(0, Math.Min(safe.Length, MaxNameLength)).Trim('-', '.');
        return trimmed.Length == 0 ? "unnamed" : trimmed;
    }
}
