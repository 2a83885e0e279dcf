using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Scpi;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Tests.Scpi;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>
/// The Keithley 6517B and 6517A profiles against a scripted instrument answering in the reference manuals' ASCII
/// format: reading with status letter and unit (<c>+1.234567E+12NOHM</c>), then the V-source element
/// (<c>+0500.000Vsrc</c>), and 0/1 for <c>:OUTP?</c>.
/// </summary>
public sealed class Keithley6517ProfileTests
{
    private static readonly ProfileCatalogue Catalogue = ProfileCatalogue.LoadDefault();

    private static Func<string, string?> Instrument(string reading, string output = "0") => q => q switch
    {
        "SYST:ERR?" => "0,\"No error\"\r\n",
        ":READ?" => reading + "\r\n",
        ":OUTP?" => output + "\r\n",
        _ => null,
    };

    [Theory]
    [InlineData("keithley-6517b")]
    [InlineData("keithley-6517a")]
    public void Profile_LoadsAsCheckedInsulationTesterWithEveryCommandTheRoleNeeds(string name)
    {
        var profile = Catalogue.Get(name);
        Assert.Equal(InstrumentRole.InsulationTester, profile.Role);
        Assert.Equal("D", profile.Source.Tag);
        Assert.False(profile.Source.IsUnverified);
        Assert.All(RoleContract.ScpiCommands(InstrumentRole.InsulationTester), c => Assert.True(profile.Scpi!.Commands.ContainsKey(c), c));
        Assert.All(RoleContract.ScpiFields(InstrumentRole.InsulationTester), f => Assert.True(profile.Scpi!.Fields.ContainsKey(f), f));
        Assert.Null(profile.Serial);
    }

    [Theory]
    [InlineData("keithley-6517b")]
    [InlineData("keithley-6517a")]
    public async Task FullTest_SendsManualVSourceOhmsSequence_ReadsStatusAndVSource_AndTimesFromOperate(string name)
    {
        var profile = Catalogue.Get(name);
        var (session, far) = ProfileSession.Pair(profile);
        var time = new FakeTimeProvider();
        await using var peer = new ScpiResponder(far, Instrument("+1.234567E+12NOHM,+0500.000Vsrc"));
        await using var _ = session;
        var tester = new ScpiInsulationTester(session, profile, time);
        await tester.ConfigureAsync(new InsulationTesterSettings(500, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await tester.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));
        var reading = await tester.ReadAsync(CancellationToken.None);
        await tester.StopAndDischargeAsync(CancellationToken.None);

        Assert.Equal(1.234567e12, reading.ResistanceOhm, 1);
        Assert.Equal(500, reading.VoltageV, 6);
        Assert.Equal(60, reading.ElapsedS, 6);
        Assert.False(reading.OverRange);
        Assert.Equal(
            [
                ":SYST:ZCH ON", ":SENS:FUNC 'RES'", ":SENS:RES:VSC MAN", ":SENS:RES:MAN:CRAN:AUTO ON",
                ":SOUR:VOLT:RANG 500", ":SOUR:VOLT 500", ":SOUR:VOLT:MCON ON", ":FORM:ELEM READ,UNIT,STAT,VSO",
                ":OUTP ON", ":SYST:ZCH OFF", ":READ?", ":SYST:ZCH ON", ":SOUR:VOLT 0", ":OUTP OFF", ":OUTP?",
            ],
            peer.Received.Where(c => c != "SYST:ERR?"));
    }

    [Theory]
    [InlineData("keithley-6517b", "+9.900000E+37OOHM,+0500.000Vsrc")]
    [InlineData("keithley-6517b", "+2.100000E+17OOHM,+0500.000Vsrc")]
    [InlineData("keithley-6517a", "+9.900000E+37OOHM,+0500.000Vsrc")]
    public async Task OverflowStatus_IsOverRange(string name, string reply)
    {
        var profile = Catalogue.Get(name);
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, Instrument(reply));
        await using var _ = session;
        var reading = await new ScpiInsulationTester(session, profile, new FakeTimeProvider()).ReadAsync(CancellationToken.None);
        Assert.True(reading.OverRange);
        Assert.Equal(500, reading.VoltageV, 6);
    }

    [Theory]
    [InlineData("+9.910000E+37ZOHM,+0500.000Vsrc")] // zero check on
    [InlineData("+0.000000E+00UOHM,+0500.000Vsrc")] // underflow
    [InlineData("+1.000000E+11ROHM,+0500.000Vsrc")] // relative to a reference
    [InlineData("+9.900000E+37LOHM,+0500.000Vsrc")] // out of limits reads like an overflow: must not pass as over range
    [InlineData("+1.000000E+12XOHM,+0500.000Vsrc")] // unknown status letter
    [InlineData("+1.000000E+12OHM,+0500.000Vsrc")] // no status letter
    [InlineData("+1.000000E-09NADC,+0500.000Vsrc")] // amps function, not ohms
    [InlineData("+1.000000E+12NOHM,+0500.000Asrc")] // V-source element in another unit
    [InlineData("+1.000000E+12NOHM")] // V-source element missing
    public async Task InvalidOrUnknownReading_IsErrorNeverPass(string reply)
    {
        foreach (var name in (string[])["keithley-6517b", "keithley-6517a"])
        {
            await AssertReadFailsAsync(Catalogue.Get(name), reply);
        }
    }

    [Fact]
    public async Task StillOperating_IsNotConfirmedDischarged()
    {
        var profile = Catalogue.Get("keithley-6517b");
        var (session, far) = ProfileSession.Pair(profile);
        var time = new FakeTimeProvider();
        await using var peer = new ScpiResponder(far, Instrument("+1.0E+12NOHM,+0500.000Vsrc", output: "1"));
        await using var _ = session;
        var tester = new ScpiInsulationTester(session, profile, time) { DischargeTimeout = TimeSpan.FromSeconds(1) };
        var stop = tester.StopAndDischargeAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!stop.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(10);
        }

        await Assert.ThrowsAsync<InstrumentException>(() => stop);
    }

    private static async Task AssertReadFailsAsync(InstrumentProfile profile, string reply)
    {
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, Instrument(reply));
        await using var _ = session;
        await Assert.ThrowsAsync<InstrumentException>(() => new ScpiInsulationTester(session, profile, new FakeTimeProvider()).ReadAsync(CancellationToken.None));
    }
}
