using CableTest.Domain.Inputs;

namespace CableTest.Domain.Tests.Inputs;

public sealed class TextRuleTests
{
    [Theory]
    [InlineData("Zhang Wei")]
    [InlineData("张伟")]
    [InlineData("LIMS/2026/0142")]
    [InlineData("")]
    public void ShortText_OneLine_Accepted(string value) => Assert.Null(TextRule.ShortText.Problem(value));

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("a\u001bb")]
    public void ShortText_ControlOrBrokenCharacters_Refused(string value) => Assert.NotNull(TextRule.ShortText.Problem(value));

    [Fact]
    public void ShortText_LoneSurrogate_Refused() => Assert.NotNull(TextRule.ShortText.Problem("a" + '\uD800' + "b"));

    [Fact]
    public void Description_LineBreaks_Accepted() => Assert.Null(TextRule.Description.Problem("line 1\r\nline 2\tend"));

    [Fact]
    public void Description_TenMegabytes_RefusedNamingTheLimit() =>
        Assert.Equal("at most 4000 characters (got 10000000)", TextRule.Description.Problem(new string('x', 10_000_000)));

    [Fact]
    public void Description_WholeEmoji_Accepted() => Assert.Null(TextRule.Description.Problem("ok \U0001F600"));
}
