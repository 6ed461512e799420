namespace UcgSim.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A bug or an environment failure (disk full, no permission).</summary>
    public const int Failure = 1;
    /// <summary>A mistake in the command line or the configuration files, which the message says how to fix.</summary>
    public const int UsageError = 2;
    /// <summary>Stopped by Ctrl+C: 128 plus SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
