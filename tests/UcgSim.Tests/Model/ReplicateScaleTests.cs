namespace UcgSim.Tests.Model;

public sealed class ReplicateScaleTests
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("", 1.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("1", 1.0)]
    public void Read_UnsetOrAFactorInRange_GivesTheFactor(string? value, double expected) =>
        Assert.Equal(expected, ReplicateScale.Read(value));

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.5")]
    [InlineData("a quarter")]
    public void Read_OutOfRangeOrNotANumber_Throws(string value) =>
        Assert.Throws<InvalidOperationException>(() => ReplicateScale.Read(value));
}
