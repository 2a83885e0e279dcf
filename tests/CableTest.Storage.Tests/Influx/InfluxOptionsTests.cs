using CableTest.Storage.Influx;

namespace CableTest.Storage.Tests.Influx;

public sealed class InfluxOptionsTests
{
    [Theory]
    [InlineData("http://localhost:8086", false)]
    [InlineData("http://127.0.0.1:8428", false)]
    [InlineData("http://127.3.4.5:8428/", false)]
    [InlineData("http://[::1]:8086", false)]
    [InlineData("http://influx.lab.example:8086", true)]
    [InlineData("https://10.0.0.5:8086", true)]
    public void CompressesBodies_GzipUnset_OffOnlyForThisMachine(string url, bool expected) =>
        Assert.Equal(expected, new InfluxOptions { Url = url }.CompressesBodies);

    [Theory]
    [InlineData("http://localhost:8086", true)]
    [InlineData("http://influx.lab.example:8086", false)]
    public void CompressesBodies_GzipSet_AsSet(string url, bool gzip) =>
        Assert.Equal(gzip, new InfluxOptions { Url = url, Gzip = gzip }.CompressesBodies);
}
