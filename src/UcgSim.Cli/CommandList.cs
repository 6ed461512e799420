using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace UcgSim.Cli;

// The help of ucgsim itself: its commands and options. System.CommandLine 3.0 lists a command's optional argument as
// <experiment-file>, as if it were required, while the command's own help shows [<experiment-file>], and its help
// builder cannot be changed; so this list is written here, from the same command tree. Each command's help stays the
// library's.
internal sealed class CommandList(RootCommand root) : SynchronousCommandLineAction
{
    private readonly HelpAction _commandHelp = new();

    // Like the library's help: 'ucgsim run --help --bogus' shows the help rather than the mistake.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command != root) return _commandHelp.Invoke(parseResult);
        Write(parseResult.InvocationConfiguration.Output);
        return ExitCodes.Success;
    }

    public void Write(TextWriter writer)
    {
        var commands = root.Subcommands.Select(command => (Label: Usage(command), Text: command.Description ?? "")).ToList();
        var options = root.Options.Where(option => !option.Hidden)
            // '/?' and '/h' are for Windows habits; the library's own help leaves them out too.
            .Select(option => (Label: string.Join(", ", option.Aliases.Append(option.Name).Where(name => name[0] != '/').Order(ShortFirst)), Text: option.Description ?? ""))
            .ToList();
        int width = commands.Concat(options).Max(row => row.Label.Length) + 2;
        writer.WriteLine("Description:");
        writer.WriteLine($"  {root.Description}");
        writer.WriteLine();
        writer.WriteLine("Usage:");
        writer.WriteLine("  ucgsim [command] [options]");
        foreach (var (heading, rows) in new[] { ("Commands:", commands), ("Options:", options) })
        {
            writer.WriteLine();
            writer.WriteLine(heading);
            foreach (var (label, text) in rows)
                writer.WriteLine($"  {label.PadRight(width)}{text}");
        }
    }

    // As the command's own usage line writes it: an argument that may be left out in brackets.
    public static string Usage(Command command) => string.Join(' ', command.Arguments
        .Select(argument => argument.Arity.MinimumNumberOfValues == 0 ? $"[<{argument.Name}>]" : $"<{argument.Name}>")
        .Prepend(command.Name));

    private static readonly Comparer<string> ShortFirst = Comparer<string>.Create((a, b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
}
