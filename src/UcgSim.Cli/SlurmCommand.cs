using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using UcgSim.Core.Experiments;
using UcgSim.Results;

namespace UcgSim.Cli;

// ucgsim slurm: writes, for an experiment, the job array of its shards (scripts/slurm/ucgsim-shards.sbatch filled in),
// the merge job and submit.sh, which submits the array and the merge after it. The cluster run is then three commands:
// ucgsim slurm, sh submit.sh, and reading the merged folder.
internal static partial class SlurmCommand
{
    public const int DefaultMaxRequeues = 3;

    internal sealed record SlurmOptions
    {
        public required int Shards { get; init; }
        public required int Threads { get; init; }
        public long? Replicates { get; init; }
        public ulong? Seed { get; init; }
        public int? Horizon { get; init; }
        public bool Plots { get; init; } = true;
        public bool Records { get; init; } = true;
        public double? CheckpointSeconds { get; init; }
        public string? Time { get; init; }
        public string? Partition { get; init; }
        public string? Account { get; init; }
        public int MaxRequeues { get; init; } = DefaultMaxRequeues;
        public required string Ucgsim { get; init; }
        public string OutputRoot { get; init; } = "results";
    }

    public static Command Build(UcgSimCommandLine.Guard guard)
    {
        var experimentFile = new Argument<string?>("experiment-file")
        {
            Description = $"The experiment to run on the cluster. Default: {UcgSimCommandLine.DefaultExperimentPath} in this folder or a parent, else the copy beside ucgsim.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var shards = UcgSimCommandLine.WholeNumberOption<int>("--shards", "-k", "How many shards, one array task each (required).");
        shards.Required = true;
        var replicates = UcgSimCommandLine.WholeNumberOption<long>("--replicates", "-n", "Replicates per scenario and variant, instead of the file's.");
        var seed = UcgSimCommandLine.WholeNumberOption<ulong>("--seed", null, "Random seed, instead of the file's.");
        var horizon = UcgSimCommandLine.WholeNumberOption<int>("--horizon", null, "Months simulated, instead of the file's.");
        var threads = UcgSimCommandLine.WholeNumberOption<int>("--threads", "-t", "CPUs per array task (default 1); results do not depend on it.");
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the PNG figures." };
        var noRecords = new Option<bool>("--no-records") { Description = "Do not write the per-replicate records." };
        var checkpointEvery = new Option<double?>("--checkpoint-every") { Description = "Seconds between checkpoints of each shard (default 5)." };
        var time = new Option<string?>("--time") { Description = "Slurm time limit of each task (sbatch --time); a task stopped at it is requeued and resumes." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (sbatch --partition)." };
        var account = new Option<string?>("--account") { Description = "Slurm account (sbatch --account)." };
        var maxRequeues = UcgSimCommandLine.WholeNumberOption<int>("--max-requeues", null,
            $"How many times a stopped task requeues itself (default {DefaultMaxRequeues}).");
        var ucgsim = new Option<string?>("--ucgsim") { Description = "The command that runs ucgsim on the nodes (default: this one)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder under which the cluster run's folder is made: scripts, logs, shards and merged results.",
            DefaultValueFactory = _ => "results",
        };
        var command = new Command("slurm",
            "Write the Slurm job array of an experiment's shards (requeued tasks resume), the merge job that follows it, and submit.sh.")
        {
            experimentFile, shards, replicates, seed, horizon, threads, noPlots, noRecords, checkpointEvery, time, partition, account,
            maxRequeues, ucgsim, output,
        };
        command.SetAction(parsed => guard.Run(parsed, () => Execute(parsed.GetValue(experimentFile), new SlurmOptions
        {
            Shards = parsed.GetValue(shards) ?? 0,
            Threads = parsed.GetValue(threads) ?? 1,
            Replicates = parsed.GetValue(replicates),
            Seed = parsed.GetValue(seed),
            Horizon = parsed.GetValue(horizon),
            Plots = !parsed.GetValue(noPlots),
            Records = !parsed.GetValue(noRecords),
            CheckpointSeconds = parsed.GetValue(checkpointEvery),
            Time = parsed.GetValue(time),
            Partition = parsed.GetValue(partition),
            Account = parsed.GetValue(account),
            MaxRequeues = parsed.GetValue(maxRequeues) ?? DefaultMaxRequeues,
            Ucgsim = parsed.GetValue(ucgsim) ?? ThisProgram(),
            OutputRoot = parsed.GetValue(output)!,
        }, guard.Terminal)));
        return command;
    }

    public static int Execute(string? experimentPath, SlurmOptions options, Terminal terminal)
    {
        if (UcgSimCommandLine.LoadExperiment(experimentPath, UcgSimCommandLine.DefaultExperimentPath, "slurm", terminal) is not { } loaded)
            return ExitCodes.UsageError;
        if (loaded.Exploration is not null)
        {
            // The merge job adds up shards of replicates; the parts of a design are analysed together instead.
            terminal.Error.WriteLine(
                $"ucgsim: {loaded.SourcePath} has a design, whose parts 'ucgsim slurm' cannot merge. Run its points as a job array of your own (#SBATCH --array=1-{options.Shards}), each task 'ucgsim run {loaded.SourcePath} --shard $SLURM_ARRAY_TASK_ID/{options.Shards}' (or 'ucgsim explore ... --points' the same), then 'ucgsim analyze' on every task's folder.");
            return ExitCodes.UsageError;
        }
        var runOptions = ShardRunOptions(options);
        var experiment = runOptions.ApplyTo(loaded.Experiment);
        if (runOptions.Problem() is { } badOption)
        {
            terminal.Error.WriteLine($"ucgsim: {badOption}");
            return ExitCodes.UsageError;
        }
        if (Problem(experiment, options) is { } problem)
        {
            terminal.Error.WriteLine($"ucgsim: {problem}");
            return ExitCodes.UsageError;
        }
        if (RunCommand.CreateResultsFolder(options.OutputRoot, experiment.Name + "-slurm", terminal) is not { } folder) return ExitCodes.UsageError;
        if (!ShellSafe().IsMatch(folder.Path))
        {
            Directory.Delete(folder.Path);
            terminal.Error.WriteLine($"ucgsim: the cluster run's folder {folder.Path} has a character that #SBATCH lines cannot hold (a space, a quote, '$'...): choose another --output.");
            return ExitCodes.UsageError;
        }
        Directory.CreateDirectory(Path.Combine(folder.Path, "logs"));

        var values = new Dictionary<string, string>
        {
            ["JOB_NAME"] = "ucgsim-" + ResultsFolder.FileNameFor(experiment.Name),
            ["SHARDS"] = options.Shards.ToString(CultureInfo.InvariantCulture),
            ["THREADS"] = options.Threads.ToString(CultureInfo.InvariantCulture),
            ["FOLDER"] = folder.Path,
            ["UCGSIM"] = options.Ucgsim,
            ["EXPERIMENT"] = Path.GetFullPath(loaded.SourcePath),
            ["RUN_OPTIONS"] = RunOptions(experiment, options),
            ["RESUME_OPTIONS"] = options.CheckpointSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"--checkpoint-every {seconds}") : "",
            ["MAX_REQUEUES"] = options.MaxRequeues.ToString(CultureInfo.InvariantCulture),
            ["SBATCH_LINES"] = string.Join("\n", new[] { ("time", options.Time), ("partition", options.Partition), ("account", options.Account) }
                .Where(line => line.Item2 is not null).Select(line => $"#SBATCH --{line.Item1}={line.Item2}")),
        };
        foreach (string name in new[] { "ucgsim-shards.sbatch", "ucgsim-merge.sbatch", "submit.sh" })
        {
            string path = Path.Combine(folder.Path, name);
            File.WriteAllText(path, Fill(Template(name), values));
            // Slurm runs on Unix; on Windows the scripts are only written, to be copied to the cluster.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote the job array of \"{experiment.Name}\" in {options.Shards} shard(s) of about {experiment.Replicates / options.Shards:N0} replicates, {options.Threads} CPU(s) each, and its merge job."));
        terminal.Output.WriteLine($"Submit with:  sh {Path.Combine(folder.Path, "submit.sh")}");
        terminal.Output.WriteLine($"Merged results will be in {Path.Combine(folder.Path, "merged")}; logs in {Path.Combine(folder.Path, "logs")}.");
        return ExitCodes.Success;
    }

    // What makes these options unusable for this experiment; null when they are fine.
    private static string? Problem(Experiment experiment, SlurmOptions options)
    {
        if (options.Shards < 1) return $"--shards must be at least 1 (got {options.Shards}).";
        if (new Shard(1, options.Shards).Problem(experiment, $"--shards {options.Shards}") is { } shard) return shard;
        if (options.MaxRequeues < 0) return $"--max-requeues must be 0 or more (got {options.MaxRequeues}).";
        foreach (var (name, value) in new[] { ("--ucgsim", options.Ucgsim), ("--time", options.Time), ("--partition", options.Partition), ("--account", options.Account) })
            if (value is not null && !ShellSafe().IsMatch(value.Replace(' ', '/')))
                return $"{name} '{value}' has a character the job scripts cannot hold unquoted (a quote, '$', ';'...).";
        return RunCommand.Problem(experiment);
    }

    // What each array task's 'ucgsim run' is given, checked here so that a value it would refuse fails now, not in every task.
    private static RunOptions ShardRunOptions(SlurmOptions options) => new()
    {
        Threads = options.Threads,
        Replicates = options.Replicates,
        Seed = options.Seed,
        Horizon = options.Horizon,
        CheckpointInterval = options.CheckpointSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : new RunOptions().CheckpointInterval,
    };

    // The options of ucgsim run that make each shard run the experiment as asked here.
    private static string RunOptions(Experiment experiment, SlurmOptions options)
    {
        var words = new List<string>();
        if (options.Replicates is not null) words.Add(string.Create(CultureInfo.InvariantCulture, $"--replicates {experiment.Replicates}"));
        if (options.Seed is not null) words.Add(string.Create(CultureInfo.InvariantCulture, $"--seed {experiment.Seed}"));
        if (options.Horizon is not null) words.Add(string.Create(CultureInfo.InvariantCulture, $"--horizon {experiment.Horizon}"));
        if (!options.Plots) words.Add("--no-plots");
        if (!options.Records) words.Add("--no-records");
        if (options.CheckpointSeconds is { } seconds) words.Add(string.Create(CultureInfo.InvariantCulture, $"--checkpoint-every {seconds}"));
        return string.Join(' ', words);
    }

    private static string Template(string name)
    {
        using var stream = typeof(SlurmCommand).Assembly.GetManifestResourceStream($"slurm/{name}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values[match.Groups[1].Value]);

    // How this process was started, to start it again on the nodes: the apphost, or dotnet and the assembly.
    private static string ThisProgram()
    {
        string assembly = typeof(SlurmCommand).Assembly.Location;
        return Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) != "dotnet" ? host : $"dotnet {assembly}";
    }

    [GeneratedRegex("@([A-Z_]+)@")]
    private static partial Regex Placeholder();

    // Paths and words that a shell and an #SBATCH line take as they are.
    [GeneratedRegex(@"^[A-Za-z0-9_./:+=,@%-]+$")]
    private static partial Regex ShellSafe();
}
