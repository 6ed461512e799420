namespace UcgSim.Cli;

/// <summary>
/// Where a command writes: results and the table to <see cref="Output"/>, progress and messages to
/// <see cref="Error"/>. The progress bar is redrawn in place only when <see cref="ErrorIsInteractive"/>.
/// </summary>
internal sealed record Terminal(TextWriter Output, TextWriter Error, bool ErrorIsInteractive)
{
    public static Terminal Console => new(System.Console.Out, System.Console.Error, !System.Console.IsErrorRedirected);
}
