namespace UcgSim.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    // A bug or an environment failure (disk full, no permission).
    public const int Failure = 1;
    // ucgsim validate: the model missed at least one target. It shares 1 with Failure because scripts and CI test for
    // zero, and 2 keeps meaning "fix the command line or the files".
    public const int TargetMissed = 1;
    // A mistake in the command line or the configuration files, which the message says how to fix.
    public const int UsageError = 2;
    // Stopped by Ctrl+C: 128 plus SIGINT, as shells report it.
    public const int Interrupted = 130;
}
