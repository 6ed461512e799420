using System.Globalization;
using UcgSim.Configuration;

namespace UcgSim.Cli;

// ucgsim base-rates: the coup-trap base rates the model is calibrated against, computed from the datasets
// in shared/data at run time, so that every figure quoted in the docs comes from a command.
internal static class BaseRatesCommand
{
    public const string PowellThyneFile = "powell_thyne_coups_ptcoups_2023-03.csv";
    public const string ClineCenterFile = "cline_center_coup_data_v2.1.2.csv";

    private static readonly (int From, int To)[] Periods = [(1950, 2022), (1950, 1989), (1990, 2022)];
    private static readonly int[] Windows = [12, 24, 60];

    public static int Execute(string dataFolder, Terminal terminal)
    {
        var datasets = new (string Name, IReadOnlyList<CoupEvent> Events)[]
        {
            ("Powell & Thyne", CoupDatasets.LoadPowellThyne(Path.Combine(dataFolder, PowellThyneFile))),
            ("Cline Center", CoupDatasets.LoadClineCenter(Path.Combine(dataFolder, ClineCenterFile))),
        };
        var output = terminal.Output;
        output.WriteLine($"Coup recurrence in {Path.GetFullPath(dataFolder)}: share of successful coups followed by another");
        output.WriteLine("successful coup in the same country within N months [95% Wilson interval] (coups counted).");
        output.WriteLine("Only coups whose whole window ends before the dataset's last event are counted.");
        output.WriteLine();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-10}{2}", "dataset", "coups in",
            string.Concat(Windows.Select(w => $"  {"within " + w + " months",-27}"))).TrimEnd());
        foreach (var (name, events) in datasets)
            foreach (var (from, to) in Periods)
            {
                var cells = Windows.Select(window =>
                {
                    var rate = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, new CoupSubset(CoupRegion.World, from, to), window, FollowingCoup.Successful);
                    return string.Create(CultureInfo.InvariantCulture,
                        $"{rate.Estimate * 100,5:F1}% [{rate.Lower * 100:F1}-{rate.Upper * 100:F1}] ({rate.Total})");
                });
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-10}{2}", name, $"{from}-{to}",
                    string.Concat(cells.Select(c => $"  {c,-27}"))).TrimEnd());
            }
        return ExitCodes.Success;
    }

    // shared/data beside the repository: the nearest <dir>/shared/data above the current folder.
    public static string? FindDataFolder(string currentDirectory)
    {
        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, PowellThyneFile))) return candidate;
        }
        return null;
    }
}
