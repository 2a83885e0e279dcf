using System.Globalization;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Scpi;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Instruments.Tests.Scpi;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Drivers;

public sealed class ScpiDriverTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();

    private static (ScpiSession Session, InMemoryChannel Far) Pair()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        return (new ScpiSession(a, new ScpiSessionOptions { Timeout = TimeSpan.FromSeconds(3) }), b);
    }

    private static string? Errors(string q, Queue<string> errors) =>
        q == "SYST:ERR?" ? (errors.Count > 0 ? errors.Dequeue() : "0,\"No error\"") + "\n" : null;

    [Fact]
    public async Task Ping_AsksIdnEveryTime_ThrowsWhenSilent_IdentifyAnswersFromWhatItLearnt()
    {
        var (a, far) = InMemoryChannel.CreatePair();
        var silent = false;
        await using var peer = new ScpiResponder(far, q => q == "*IDN?" && !Volatile.Read(ref silent) ? "CableTest,SIM-OHM-1,7,1.0\n" : null);
        await using var session = new ScpiSession(a, new ScpiSessionOptions { Timeout = TimeSpan.FromSeconds(1) });
        var meter = new ScpiResistanceMeter(session, Profiles.Get("sim-ohm"));
        await meter.PingAsync(CancellationToken.None);
        Assert.Equal("7", (await meter.IdentifyAsync(CancellationToken.None)).SerialNumber);
        await meter.PingAsync(CancellationToken.None);
        lock (peer.Received)
        {
            Assert.Equal(2, peer.Received.Count(q => q == "*IDN?"));
        }

        Volatile.Write(ref silent, true);
        Assert.Equal("SIM-OHM-1", (await meter.IdentifyAsync(CancellationToken.None)).Model);
        await Assert.ThrowsAnyAsync<InstrumentException>(() => meter.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ResistanceMeter_ConfiguresFromProfileAndMeasures()
    {
        var (session, far) = Pair();
        var errors = new Queue<string>();
        await using var peer = new ScpiResponder(far, q => q switch
        {
            "MEAS:RES?" => "+7.41000E-02\n",
            "*IDN?" => "CableTest,SIM-OHM-1,7,1.0\n",
            _ => Errors(q, errors),
        });
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, Profiles.Get("sim-ohm"));
        await meter.ConfigureAsync(new ResistanceMeterSettings(1.0), CancellationToken.None);
        var reading = await meter.MeasureAsync(CancellationToken.None);
        Assert.Equal(0.0741, reading.ResistanceOhm, 9);
        Assert.False(reading.OverRange);
        Assert.Contains("SENS:RES:RANG 1", peer.Received);
        Assert.Contains("SENS:RES:MODE 4W", peer.Received);
        Assert.Contains("SENS:RES:OCOM ON", peer.Received);
        Assert.Equal("SIM-OHM-1", (await meter.IdentifyAsync(CancellationToken.None)).Model);
    }

    [Theory]
    [InlineData("9.9E37", true)]
    [InlineData("garbage", false)]
    [InlineData("-1.0", false)]
    public async Task ResistanceMeter_OverRangeIsFlagged_GarbageAndNegativeAreErrors(string reply, bool overRange)
    {
        var (session, far) = Pair();
        await using var peer = new ScpiResponder(far, q => q == "MEAS:RES?" ? reply + "\n" : null);
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, Profiles.Get("sim-ohm"));
        if (overRange)
        {
            var reading = await meter.MeasureAsync(CancellationToken.None);
            Assert.True(reading.OverRange);
            Assert.True(double.IsNaN(reading.ResistanceOhm));
        }
        else
        {
            await Assert.ThrowsAsync<InstrumentException>(() => meter.MeasureAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task ResistanceMeter_RejectedSetting_Throws()
    {
        var (session, far) = Pair();
        var errors = new Queue<string>();
        await using var peer = new ScpiResponder(far, q =>
        {
            if (q.StartsWith("SENS:RES:RANG", StringComparison.Ordinal))
            {
                errors.Enqueue("-222,\"Data out of range\"");
                return null;
            }

            return Errors(q, errors);
        });
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, Profiles.Get("sim-ohm"));
        await Assert.ThrowsAsync<ScpiDeviceException>(() => meter.ConfigureAsync(new ResistanceMeterSettings(1e9), CancellationToken.None));
    }

    [Fact]
    public async Task InsulationTester_ReadsFieldsAndWaitsForDischarge()
    {
        var (session, far) = Pair();
        var errors = new Queue<string>();
        var discharged = 0;
        await using var peer = new ScpiResponder(far, q => q switch
        {
            "FETC?" => "+2.50000E+10,+5.00000E+02,+6.00000E+01\n",
            "DISC?" => (++discharged >= 3 ? "1" : "0") + "\n",
            _ => Errors(q, errors),
        });
        await using var _ = session;
        var tester = new ScpiInsulationTester(session, Profiles.Get("sim-megger"));
        await tester.ConfigureAsync(new InsulationTesterSettings(500, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await tester.StartAsync(CancellationToken.None);
        var reading = await tester.ReadAsync(CancellationToken.None);
        Assert.Equal(2.5e10, reading.ResistanceOhm);
        Assert.Equal(500, reading.VoltageV);
        Assert.Equal(60, reading.ElapsedS);
        await tester.StopAndDischargeAsync(CancellationToken.None);
        Assert.Equal(3, discharged);
        Assert.Contains("SOUR:VOLT 500", peer.Received);
        Assert.Contains("SENS:TIME 60", peer.Received);
        Assert.Contains("OUTP OFF", peer.Received);
    }

    [Fact]
    public async Task WithstandTester_UnknownStatusWord_IsErrorNeverPass()
    {
        var (session, far) = Pair();
        var errors = new Queue<string>();
        var word = "PASS";
        await using var peer = new ScpiResponder(far, q => q == "MEAS?"
            ? string.Create(CultureInfo.InvariantCulture, $">ACW, {word} , 2.500kV ,0.120 mA ,T=300.0S\n")
            : Errors(q, errors));
        await using var _ = session;
        var tester = new ScpiWithstandTester(session, Profiles.Get("gwinstek-gpt9800"));
        var status = await tester.ReadStatusAsync(CancellationToken.None);
        Assert.Equal(WithstandOutcome.Pass, status.Outcome);
        Assert.Equal(2.5, status.OutputVoltageKv, 6);
        Assert.Equal(0.12, status.LeakageMa, 6);
        Assert.True(status.InterlockClosed);
        Assert.False(status.OutputOn);
        Assert.Equal(300, status.ElapsedS);
        word = "WHATEVER";
        await Assert.ThrowsAsync<InstrumentException>(() => tester.ReadStatusAsync(CancellationToken.None));
    }

    [Fact]
    public void Driver_WrongRoleProfile_IsRefused()
    {
        var (session, _) = Pair();
        Assert.Throws<ArgumentException>(() => new ScpiResistanceMeter(session, Profiles.Get("sim-megger")));
        Assert.Throws<ArgumentException>(() => new ScpiWithstandTester(session, Profiles.Get("sim-hipot")));
    }
}
