using DuckDB.NET.Data;
using UcgSim.Cli;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

// The Parquet files read back by an independent reader, embedded DuckDB, which knows nothing of our code: every
// value must be the one the run computed, with the types a researcher's tools expect.
public sealed class ParquetFilesTests : IClassFixture<ParquetFilesTests.DefaultExperimentRun>
{
    private readonly DefaultExperimentRun _run;

    public ParquetFilesTests(DefaultExperimentRun run) => _run = run;

    [Fact]
    public void SummaryParquet_ReadByDuckDb_HoldsEveryRowOfTheSummary()
    {
        var expected = SummaryRow.Of(_run.Summary).ToArray();

        var rows = Query($"SELECT * FROM read_parquet('{_run.File(ParquetFiles.SummaryFileName)}')");

        Assert.Equal(expected.Length, rows.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var row = expected[i];
            Assert.Equal<object?>(
                [row.Scenario, row.Variant, row.MeasureKind, row.Measure, Nullable(row.Estimate), Nullable(row.Lower95), Nullable(row.Upper95),
                 row.Count, row.Replicates, row.ReferenceVariant.Length == 0 ? null : row.ReferenceVariant],
                rows[i]);
        }
    }

    [Fact]
    public void TrajectoriesParquet_ReadByDuckDb_HoldsEveryMonthOfEverySeries()
    {
        var expected = TrajectoryRow.Of(_run.Summary).ToArray();

        var rows = Query($"SELECT * FROM read_parquet('{_run.File(ParquetFiles.TrajectoriesFileName)}')");

        Assert.Equal(expected.Length, rows.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var row = expected[i];
            Assert.Equal<object?>([row.Scenario, row.Variant, row.SeriesKind, row.Series, row.Statistic, row.Month, Nullable(row.Value)], rows[i]);
        }
    }

    [Fact]
    public void ReplicatesParquet_ReadByDuckDb_HoldsEveryRecord()
    {
        var recorded = ReplicateRecordFile.Read(_run.File(ResultsFolder.RecordsFileName));
        var expected = recorded.Records.ToArray();

        var rows = Query($"SELECT * FROM read_parquet('{_run.File(ParquetFiles.RecordsFileName)}')");

        Assert.Equal(expected.Length, rows.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var record = expected[i];
            object?[] months = [.. record.EventMonths.Select(month => month == ReplicateRecord.NotObserved ? null : (object)month)];
            Assert.Equal<object?>(
                [recorded.Header.ScenarioNames[record.ScenarioIndex], recorded.Header.VariantNames[record.VariantIndex], record.Replicate,
                 SimulationVocabulary.Describe(record.Outcome), .. months],
                rows[i]);
        }
    }

    [Fact]
    public void ReplicatesParquet_CountedByDuckDb_GivesTheSummarysOutcomeCounts()
    {
        var counted = Query(
            $"SELECT variant, outcome, count(*) FROM read_parquet('{_run.File(ParquetFiles.RecordsFileName)}') GROUP BY variant, outcome")
            .ToDictionary(row => ((string)row[0]!, (string)row[1]!), row => (long)row[2]!);

        var experiment = _run.Summary.Experiment;
        for (int v = 0; v < experiment.Variants.Count; v++)
            foreach (var outcome in SimulationVocabulary.Outcomes)
            {
                long count = _run.Summary.OutcomeShare(0, v, outcome).Count;
                Assert.Equal(count, counted.GetValueOrDefault((experiment.Variants[v].Name, SimulationVocabulary.Describe(outcome))));
            }
    }

    [Theory]
    [InlineData(ParquetFiles.SummaryFileName, "scenario:VARCHAR variant:VARCHAR measure_kind:VARCHAR measure:VARCHAR estimate:DOUBLE lower_95:DOUBLE upper_95:DOUBLE count:BIGINT replicates:BIGINT reference_variant:VARCHAR")]
    [InlineData(ParquetFiles.TrajectoriesFileName, "scenario:VARCHAR variant:VARCHAR series_kind:VARCHAR series:VARCHAR statistic:VARCHAR month:INTEGER value:DOUBLE")]
    public void ParquetFile_DescribedByDuckDb_HasTheCsvsColumnsTyped(string file, string columns)
    {
        var described = Query($"DESCRIBE SELECT * FROM read_parquet('{_run.File(file)}')").Select(row => $"{row[0]}:{row[1]}");

        Assert.Equal(columns, string.Join(' ', described));
    }

    [Fact]
    public void ReplicatesParquet_DescribedByDuckDb_HasAMonthColumnPerEvent()
    {
        var described = Query($"DESCRIBE SELECT * FROM read_parquet('{_run.File(ParquetFiles.RecordsFileName)}')")
            .Select(row => $"{row[0]}:{row[1]}").ToArray();

        Assert.Equal(["scenario:VARCHAR", "variant:VARCHAR", "replicate:BIGINT", "outcome:VARCHAR"], described[..4]);
        Assert.Equal(SimulationVocabulary.Events.Select(kind => $"{ParquetFiles.MonthColumn(kind)}:SMALLINT"), described[4..]);
        Assert.Contains("coup_attempt_month:SMALLINT", described);
        Assert.Contains("us_targeted_sanctions_month:SMALLINT", described);
    }

    [Fact]
    public void ParquetFile_KeyValueMetadata_SaysWhichExperimentWroteIt()
    {
        var metadata = Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{_run.File(ParquetFiles.SummaryFileName)}')")
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

        Assert.Equal("default", metadata["ucgsim.experiment"]);
        Assert.Equal(_run.Summary.Experiment.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata["ucgsim.seed"]);
    }

    [Fact]
    public void WriteSummary_FileLeftByAKilledRun_IsReplaced()
    {
        using var scratch = new ScratchFolder();
        File.WriteAllText(Path.Combine(scratch.Path, ParquetFiles.SummaryFileName), "half a file");

        ParquetFiles.WriteSummary(scratch.Path, _run.Summary);

        Assert.Equal(SummaryRow.Of(_run.Summary).Count(),
            Query($"SELECT count(*) FROM read_parquet('{Path.Combine(scratch.Path, ParquetFiles.SummaryFileName)}')").Single()[0] is long n ? n : -1);
    }

    private static object? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    // One run of the bundled default experiment, cut to 400 replicates, through the command as a user runs it.
    public sealed class DefaultExperimentRun : IDisposable
    {
        private readonly ScratchFolder _scratch = new();
        private readonly string _folder;

        public DefaultExperimentRun()
        {
            var experiment = ExperimentFile.Load(Path.Combine(Validation.RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment
                with { Replicates = 400 };
            var terminal = new Terminal(TextWriter.Null, TextWriter.Null, ErrorIsInteractive: false);
            int exit = RunCommand.Execute(experiment, [], [], new RunOptions { Threads = 2, Plots = false, OutputRoot = _scratch.Path },
                terminal, CancellationToken.None);
            Assert.Equal(ExitCodes.Success, exit);
            _folder = Directory.GetDirectories(_scratch.Path).Single();
            Summary = ExperimentRunner.Run(experiment, threads: 1);
        }

        public ExperimentSummary Summary { get; }

        public string File(string name) => Path.Combine(_folder, name);

        public void Dispose() => _scratch.Dispose();
    }
}
