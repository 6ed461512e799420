namespace UcgSim.Tests.Configuration;

internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ucgsim-config-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string yaml)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
