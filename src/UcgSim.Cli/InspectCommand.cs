using System.CommandLine;
using System.Globalization;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim inspect: what a records file holds and whether it is whole, for a file found on a cluster's scratch disk or
// handed on by a colleague. Exit code 0 when whole, 2 when not (the message says where and what to do).
internal static class InspectCommand
{
    public static Command Build(UcgSimCommandLine.Guard guard)
    {
        var file = new Argument<string>("records-file")
        {
            Description = $"A records file ({ResultsFolder.RecordsFileName}), or the results folder holding one.",
        };
        var command = new Command("inspect", "Say what a records file holds and whether it is whole: cut short, changed or foreign files are reported with the record and byte.")
        {
            file,
        };
        command.SetAction(parsed => guard.Run(parsed, () => Execute(parsed.GetValue(file)!, guard.Terminal)));
        return command;
    }

    public static int Execute(string path, Terminal terminal)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, ResultsFolder.RecordsFileName);
        if (!File.Exists(path))
        {
            terminal.Error.WriteLine($"ucgsim: there is no file {Path.GetFullPath(path)}. Name a {ResultsFolder.RecordsFileName} or the results folder that holds it.");
            return ExitCodes.UsageError;
        }
        var output = terminal.Output;
        output.WriteLine(Path.GetFullPath(path));
        long records = 0;
        try
        {
            var (header, read) = ReplicateRecordFile.Read(path);
            Row(output, "format", $"{header.FormatVersion}");
            Row(output, "experiment", $"{header.ExperimentName}");
            Row(output, "scenarios", $"{header.ScenarioNames.Count}: {string.Join(", ", header.ScenarioNames)}");
            Row(output, "variants", $"{header.VariantNames.Count}: {string.Join(", ", header.VariantNames)}");
            if (header.Replicates == 0) Row(output, "replicates", $"none");
            else Row(output, "replicates", $"{header.FirstReplicate:N0} to {header.FirstReplicate + header.Replicates - 1:N0} ({header.Replicates:N0} per scenario and variant)");
            Row(output, "horizon", $"{header.Horizon} months");
            Row(output, "seed", $"{header.Seed}");
            foreach (var _ in read) records++;
            Row(output, "records", $"{records:N0} of {header.RecordCount:N0}");
            Row(output, "bytes", $"{new FileInfo(path).Length:N0}");
            output.WriteLine(header.FormatVersion >= 3
                ? "Whole: the footer's count and checksum match the records."
                : $"Readable to its end. Format {header.FormatVersion} has no footer, so a file cut between two records cannot be told from a whole one.");
            return ExitCodes.Success;
        }
        catch (DamagedRecordsException damage)
        {
            if (damage.Record is not null) Row(output, "records", $"{records:N0} read before the damage");
            terminal.Error.WriteLine($"ucgsim: {damage.Message}");
            return ExitCodes.UsageError;
        }
    }

    private static void Row(TextWriter output, string label, FormattableString value) =>
        output.WriteLine($"  {label,-12}{value.ToString(CultureInfo.InvariantCulture)}");
}
