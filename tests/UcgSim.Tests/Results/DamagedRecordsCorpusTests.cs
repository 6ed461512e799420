using System.Globalization;
using UcgSim.Results;

namespace UcgSim.Tests.Results;

// Every file under DamagedRecords/ is a records file cut short, with a bit flipped, or not a records file at all; each
// has the message (with {file} for its path) and the record and byte the reader must name, in a .expected beside it.
// The damaged files were made once from Golden/replicates-v3.msgpack (header 830 bytes, 8 records of 35, footer 33).
public sealed class DamagedRecordsCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Results", "DamagedRecords");

    public static TheoryData<string> Cases() => new(Directory.GetFiles(Folder, "*.msgpack").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_DamagedFile_ReportsTheExpectedMessageRecordAndByte(string name)
    {
        string path = Path.Combine(Folder, name + ".msgpack");
        string[] expected = File.ReadAllLines(Path.Combine(Folder, name + ".expected"));

        var damage = Assert.Throws<DamagedRecordsException>(() => ReplicateRecordFile.Read(path).Records.Count());

        Assert.Equal(expected[0], damage.Message.Replace(path, "{file}"));
        Assert.Equal(expected[1], damage.Record is { } record
            ? string.Create(CultureInfo.InvariantCulture, $"record {record}, byte {damage.ByteOffset}")
            : string.Create(CultureInfo.InvariantCulture, $"byte {damage.ByteOffset}"));
    }

    [Fact]
    public void Corpus_HoldsAtLeastTwentyFiles_OfEachKindOfDamage_EachWithItsExpectedMessage()
    {
        var names = Directory.GetFiles(Folder, "*.msgpack").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.True(names.Count >= 20, $"{names.Count} damaged files");
        foreach (string kind in new[] { "truncated-", "flipped-", "foreign-" })
            Assert.True(names.Count(name => name!.StartsWith(kind, StringComparison.Ordinal)) >= 5, kind);
        Assert.All(names, name => Assert.True(File.Exists(Path.Combine(Folder, name + ".expected")), name));
        Assert.Equal(names.Count, Directory.GetFiles(Folder, "*.expected").Length);
    }

    [Fact]
    public void Read_RandomlyCutOrFlippedFile_NeverReturnsRecordsAsIfWhole()
    {
        byte[] golden = File.ReadAllBytes(ReplicateRecordGoldenFileTests.PathOf(3));
        var random = new Random(11);
        string path = Path.Combine(Path.GetTempPath(), $"ucgsim-damaged-{Guid.NewGuid():N}.msgpack");
        try
        {
            for (int trial = 0; trial < 300; trial++)
            {
                byte[] damaged = trial % 2 == 0 ? golden[..random.Next(golden.Length)] : (byte[])golden.Clone();
                if (trial % 2 == 1) damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(path, damaged);

                Assert.ThrowsAny<IOException>(() => ReplicateRecordFile.Read(path).Records.Count());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
