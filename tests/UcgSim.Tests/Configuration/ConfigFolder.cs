namespace UcgSim.Tests.Configuration;

/// <summary>A throwaway folder of configuration files for one test, removed afterwards.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ucgsim-config-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes a file under the folder, creating subfolders, and returns its full path.</summary>
    public string Write(string relativePath, string yaml)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
