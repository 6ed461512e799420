using Parquet;
using Parquet.Schema;

namespace UcgSim.Results;

/// <summary>
/// One column of a Parquet table, read from a row. The types are those every Parquet reader maps without help:
/// UTF-8 strings, 64-bit integers, doubles and 16-bit integers, each nullable where the CSV has empty cells.
/// </summary>
internal abstract class ParquetColumn<TRow>(DataField field)
{
    public DataField Field { get; } = field;

    public abstract Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows);

    /// <summary>Text; an empty string is written as null when <paramref name="emptyIsNull"/> (a cell the CSV leaves empty).</summary>
    public static ParquetColumn<TRow> Text(string name, Func<TRow, string> value, bool emptyIsNull = false) =>
        new TextColumn(new DataField<string>(name, nullable: emptyIsNull), value, emptyIsNull);

    public static ParquetColumn<TRow> Whole(string name, Func<TRow, long> value) =>
        new ValueColumn<long>(new DataField<long>(name, nullable: false), value);

    public static ParquetColumn<TRow> Whole(string name, Func<TRow, int> value) =>
        new ValueColumn<int>(new DataField<int>(name, nullable: false), value);

    /// <summary>A number; NaN, a value that does not exist, is written as null.</summary>
    public static ParquetColumn<TRow> Number(string name, Func<TRow, double> value) =>
        new NullableColumn<double>(new DataField<double?>(name), row => value(row) is var x && double.IsNaN(x) ? null : x);

    /// <summary>A month, null where <paramref name="value"/> gives null (an event that did not happen).</summary>
    public static ParquetColumn<TRow> Month(string name, Func<TRow, short?> value) =>
        new NullableColumn<short>(new DataField<short?>(name), value);

    private sealed class TextColumn(DataField field, Func<TRow, string> value, bool emptyIsNull) : ParquetColumn<TRow>(field)
    {
        public override Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows) =>
            group.WriteAsync(Field, rows.Select(row => value(row) is var text && emptyIsNull && text.Length == 0 ? null : text).ToArray());
    }

    private sealed class ValueColumn<T>(DataField field, Func<TRow, T> value) : ParquetColumn<TRow>(field) where T : struct
    {
        public override Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows) =>
            group.WriteAsync<T>(Field, rows.Select(value).ToArray());
    }

    private sealed class NullableColumn<T>(DataField field, Func<TRow, T?> value) : ParquetColumn<TRow>(field) where T : struct
    {
        public override Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows) =>
            group.WriteAsync<T>(Field, rows.Select(value).ToArray());
    }
}

/// <summary>
/// Writes rows to a Parquet file, a row group at a time, so that a file of any length is written in bounded memory.
/// Key-value metadata says what the file is (experiment, seed, horizon) for readers that look.
/// </summary>
internal static class ParquetTable
{
    // Large enough that readers scan few groups, small enough that a group's columns stay a few megabytes.
    public const int RowGroupRows = 1 << 17;

    // Parquet.Net only writes asynchronously. Results are written from the command line, where no synchronization
    // context runs, so blocking here is safe and keeps the writers as plain as the CSV ones.
    public static void Write<TRow>(
        string path, IEnumerable<TRow> rows, IReadOnlyList<ParquetColumn<TRow>> columns, IReadOnlyDictionary<string, string> metadata) =>
        WriteAsync(path, rows, columns, metadata).GetAwaiter().GetResult();

    private static async Task WriteAsync<TRow>(
        string path, IEnumerable<TRow> rows, IReadOnlyList<ParquetColumn<TRow>> columns, IReadOnlyDictionary<string, string> metadata)
    {
        // Replaces a file a run killed while writing its results left behind, so that 'ucgsim resume' can write it again.
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(column => column.Field)), stream);
        writer.CustomMetadata = new Dictionary<string, string>(metadata);
        foreach (var group in rows.Chunk(RowGroupRows))
        {
            using var groupWriter = writer.CreateRowGroup();
            foreach (var column in columns) await column.WriteAsync(groupWriter, group);
        }
    }
}
