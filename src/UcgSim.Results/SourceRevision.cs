using System.ComponentModel;
using System.Diagnostics;

namespace UcgSim.Results;

/// <summary>The git commit a run's code and configuration came from, and whether tracked files had uncommitted changes.</summary>
/// <param name="Commit">The full commit hash, or <see cref="Unknown"/> outside a repository or without git.</param>
/// <param name="Dirty">Whether tracked files differed from the commit; null when that could not be told.</param>
public sealed record SourceRevision(string Commit, bool? Dirty)
{
    public const string Unknown = "unknown";

    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Asks git about the repository holding <paramref name="directory"/>; never throws.</summary>
    public static SourceRevision Detect(string directory)
    {
        string? commit = Git(directory, "rev-parse", "HEAD");
        if (string.IsNullOrEmpty(commit)) return new SourceRevision(Unknown, null);
        // Untracked files are left out: a results folder inside the repository must not make every run dirty.
        string? changes = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return new SourceRevision(commit, changes is null ? null : changes.Length > 0);
    }

    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEndAsync();
            var errors = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }
            Task.WaitAll(output, errors);
            return git.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed or not on the PATH
        }
    }
}
