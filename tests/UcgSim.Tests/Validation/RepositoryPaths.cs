namespace UcgSim.Tests.Validation;

/// <summary>Where the shipped configs and the shared datasets are, found from the test binaries upward.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configs => Path.Combine(Root, "configs");

    /// <summary>The coup datasets, in shared/ beside the repository (as on every developer machine and in CI).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UcgSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("UcgSim.sln not found above " + AppContext.BaseDirectory);
    }
}
