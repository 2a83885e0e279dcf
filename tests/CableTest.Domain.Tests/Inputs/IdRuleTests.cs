using System.Text.RegularExpressions;
using CableTest.Domain.Inputs;
using CableTest.Testing;

namespace CableTest.Domain.Tests.Inputs;

public sealed class IdRuleTests
{
    public static TheoryData<string> Hostile() => [.. HostileIds.All];

    public static TheoryData<string> Valid() => [.. HostileIds.Valid];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void IsValid_HostileId_False(string id) => Assert.False(IdRule.IsValid(id));

    [Theory]
    [MemberData(nameof(Valid))]
    public void IsValid_LabAndServiceIds_True(string id) => Assert.True(IdRule.IsValid(id));

    [Fact]
    public void IsValid_Null_False() => Assert.False(IdRule.IsValid(null));

    [Fact]
    public void Pattern_StrictAnchors_SameAnswersAsIsValid()
    {
        var strict = new Regex(@"\A" + IdRule.Pattern.TrimStart('^').TrimEnd('$') + @"\z", RegexOptions.CultureInvariant);
        foreach (var id in HostileIds.All.Concat(HostileIds.Valid))
        {
            Assert.Equal(IdRule.IsValid(id), strict.IsMatch(id));
        }
    }

    [Fact]
    public void HtmlPattern_AnchoredAsBrowsersDo_SameAnswersAsPattern()
    {
        var html = new Regex(@"\A(?:" + IdRule.HtmlPattern + @")\z", RegexOptions.CultureInvariant);
        foreach (var id in HostileIds.All.Concat(HostileIds.Valid))
        {
            Assert.Equal(IdRule.IsValid(id), html.IsMatch(id));
        }
    }

    [Fact]
    public void ValidIds_UrlPathSegments_NeedNoEscaping()
    {
        foreach (var id in HostileIds.Valid)
        {
            Assert.Equal(id, Uri.EscapeDataString(id));
            Assert.NotEqual(".", id);
            Assert.NotEqual("..", id);
        }
    }
}
