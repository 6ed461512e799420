namespace UcgSim.Cli;

// Progress and messages go to Error so that Output holds only the results, fit to pipe into a file; the progress bar
// is redrawn in place only when Error is a terminal that can show it.
internal sealed record Terminal(TextWriter Output, TextWriter Error, bool ErrorIsInteractive)
{
    public static Terminal Console => new(System.Console.Out, System.Console.Error, !System.Console.IsErrorRedirected);
}
