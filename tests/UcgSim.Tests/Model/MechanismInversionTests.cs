namespace UcgSim.Tests.Model;

/// <summary>
/// Each mechanism's named test must be able to see its mechanism: with the mechanism's effect inverted (a
/// parameter's sign flipped, or the mechanism switched off), the same claim must fail. A claim that still holds
/// is covered by a test that cannot tell the model is wrong.
/// </summary>
public sealed class MechanismInversionTests
{
    public static TheoryData<int> Mechanisms => new(MechanismClaims.All.Keys);

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void Mechanism_Inverted_ItsNamedTestFails(int mechanism)
    {
        var (claim, inverted) = MechanismClaims.All[mechanism];
        var verdict = claim(inverted);
        Assert.False(verdict.Holds, $"mechanism {mechanism} inverted, yet its claim still holds: {verdict.Detail}");
    }

    [Fact]
    public void EveryMechanismOfTheBrief_HasAClaimAndAnInversion() =>
        Assert.Equal(Enumerable.Range(1, 16), MechanismClaims.All.Keys.Order());
}
