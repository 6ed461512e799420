using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// <c>points.csv</c>, one row per design point, written as points finish: the point's index, its value of each uncertain
/// input (whole numbers rounded; true/false as 1/0; a choice as its number, in the order the README lists the choices),
/// then for each scenario, variant and measure (every outcome at the horizon, then every event) the share of replicates
/// with its 95% Wilson interval, in columns named <c>scenario/variant/measure</c>, <c>... lower_95</c> and
/// <c>... upper_95</c>. Each row is flushed as written, so an interrupted run keeps every finished point.
/// </summary>
public sealed class DesignPointsCsv : IDisposable
{
    public const string FileName = "points.csv";
    public const string PointColumn = "point";
    private const string LowerSuffix = " lower_95";
    private const string UpperSuffix = " upper_95";

    private readonly StreamWriter _writer;

    public DesignPointsCsv(string path, IReadOnlyList<string> inputs, Experiment experiment)
    {
        _writer = new StreamWriter(path, append: false);
        CsvFields.WriteLine(_writer, Header(inputs, experiment));
        _writer.Flush();
    }

    private static string Header(IReadOnlyList<string> inputs, Experiment experiment)
    {
        var header = new List<string> { PointColumn };
        header.AddRange(inputs);
        foreach (string measure in MeasureColumns(experiment))
            header.AddRange([measure, measure + LowerSuffix, measure + UpperSuffix]);
        return string.Join(",", header.Select(CsvFields.Quote));
    }

    /// <summary>The share columns, <c>scenario/variant/measure</c>, in the order of the file.</summary>
    public static IReadOnlyList<string> MeasureColumns(Experiment experiment) =>
    [
        .. from scenario in experiment.Scenarios
        from variant in experiment.Variants
        from measure in SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe).Concat(SimulationVocabulary.Events.Select(SimulationVocabulary.Describe))
        select $"{scenario.Name}/{variant.Name}/{measure}",
    ];

    public void Write(long point, IReadOnlyList<double> values, ExperimentSummary summary)
    {
        var fields = new List<string> { point.ToString(CultureInfo.InvariantCulture) };
        fields.AddRange(values.Select(CsvFields.Number));
        var experiment = summary.Experiment;
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (int v = 0; v < experiment.Variants.Count; v++)
            {
                var shares = SimulationVocabulary.Outcomes.Select(outcome => summary.OutcomeShare(s, v, outcome))
                    .Concat(SimulationVocabulary.Events.Select(kind => summary.EventShare(s, v, kind)));
                foreach (var share in shares)
                    fields.AddRange([CsvFields.Number(share.Estimate), CsvFields.Number(share.Lower), CsvFields.Number(share.Upper)]);
            }
        CsvFields.WriteLine(_writer, string.Join(",", fields));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Reads the point indices, the input values and the estimate (not the bounds) of each share column of one or more
    /// <c>points.csv</c> files of <paramref name="experiment"/>'s design (the parts of a split run), ordered by point index.
    /// </summary>
    /// <exception cref="InvalidDataException">A file's header is not this design's, a row is cut short, or a point repeats.</exception>
    public static DesignPoints Read(IReadOnlyList<string> paths, IReadOnlyList<string> inputs, Experiment experiment)
    {
        string header = Header(inputs, experiment);
        var measures = MeasureColumns(experiment);
        int fieldCount = 1 + inputs.Count + 3 * measures.Count;
        var rows = new SortedDictionary<long, (double[] Inputs, double[] Shares)>();
        foreach (string path in paths)
        {
            // What the file holds now, judged whole: a run still writing it appends rows that this reading leaves out.
            byte[] snapshot = File.ReadAllBytes(path);
            if (snapshot.Length == 0)
                throw new InvalidDataException($"{path} is empty: its run stopped before writing the header. Run that part again.");
            // Every row is written with its line end, so a file without one at the end was cut inside its last row,
            // perhaps inside a number, where counting fields cannot see it.
            bool complete = snapshot[^1] == '\n';
            using var reader = new StreamReader(new MemoryStream(snapshot));
            if (reader.ReadLine() != header)
                throw new InvalidDataException($"{path} does not have the columns of this design's {FileName}: it comes from another experiment or version.");
            int line = 1;
            for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
            {
                line++;
                // Only the header holds names, which may be quoted; a row holds numbers alone.
                string[] fields = text.Split(',');
                if (fields.Length != fieldCount)
                    throw new InvalidDataException($"{path}:{line}: {fields.Length} fields where the header has {fieldCount}; the file was cut off while being written.");
                if (!complete && reader.Peek() < 0)
                    throw new InvalidDataException($"{path}:{line}: the last row has no line end; the file was cut off while being written.");
                long point = long.Parse(fields[0], CultureInfo.InvariantCulture);
                double[] values = [.. fields.Skip(1).Take(inputs.Count).Select(Parse)];
                double[] shares = [.. Enumerable.Range(0, measures.Count).Select(m => Parse(fields[1 + inputs.Count + 3 * m]))];
                if (!rows.TryAdd(point, (values, shares)))
                    throw new InvalidDataException($"{path}:{line}: point {point} is also in an earlier row or file; give each part of a split run once.");
            }
        }
        if (rows.Count == 0)
            throw new InvalidDataException(
                $"{string.Join(", ", paths)} {(paths.Count == 1 ? "holds" : "hold")} no finished point: {(paths.Count == 1 ? "its run" : "their runs")} stopped before the first. Run {(paths.Count == 1 ? "it" : "them")} again.");
        return new DesignPoints(inputs, measures, [.. rows.Keys], [.. rows.Values.Select(row => row.Inputs)], [.. rows.Values.Select(row => row.Shares)]);
    }

    private static double Parse(string field) => field.Length == 0 ? double.NaN : double.Parse(field, CultureInfo.InvariantCulture);
}

/// <summary>The rows of one or more <c>points.csv</c> files, ordered by point index.</summary>
public sealed record DesignPoints(
    IReadOnlyList<string> Inputs, IReadOnlyList<string> Measures, IReadOnlyList<long> Points,
    IReadOnlyList<double[]> InputValues, IReadOnlyList<double[]> Shares)
{
    /// <summary>The share in column <paramref name="measure"/> at every point, in point order.</summary>
    public double[] Column(string measure)
    {
        int index = Measures.ToList().IndexOf(measure);
        if (index < 0) throw new ArgumentException($"No column '{measure}'.", nameof(measure));
        return [.. Shares.Select(row => row[index])];
    }
}
