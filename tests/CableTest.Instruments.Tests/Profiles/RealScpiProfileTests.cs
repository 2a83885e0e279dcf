using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Scpi;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Instruments.Tests.Scpi;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>
/// The shipped real-model SCPI profiles against scripted instruments that answer in the reply formats the
/// public manuals show: what the driver sends, and how it reads multi-query replies, unit suffixes, scales,
/// phase prefixes and derived interlock/output state.
/// </summary>
public sealed class RealScpiProfileTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();

    private static string? NoError(string q) => q == "SYST:ERR?" ? "0,\"No error\"\n" : null;

    [Fact]
    public async Task GwInstek_ConfiguresDcInDcwModeAfterSettingFrequencyInAcw()
    {
        var profile = Profiles.Get("gwinstek-gpt9800");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, NoError);
        await using var _ = session;
        var tester = new ScpiWithstandTester(session, profile);
        await tester.ConfigureAsync(new WithstandSettings(WithstandKind.Dc, 6, 50, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), 5, ArcDetection: true), CancellationToken.None);
        var sent = peer.Received.Where(c => c != "SYST:ERR?").ToList();
        Assert.Equal(
            ["MAIN:FUNC MANU", "MANU:EDIT:MODE ACW", "MANU:ACW:FREQ 50", "MANU:EDIT:MODE DCW", "MANU:DCW:VOLT 6", "MANU:DCW:CHIS 5", "MANU:DCW:CLOS 0", "MANU:RTIM 10", "MANU:DCW:TTIM 300", "MANU:UTIL:ARCM ON_STOP"],
            sent);
    }

    [Theory]
    [InlineData(">ACW, TEST , 1.234kV ,0.050 mA ,R=003.5S", WithstandState.RampUp, WithstandOutcome.None, 1.234, 0.05, 3.5, true)]
    [InlineData(">ACW, TEST , 2.500kV ,0.120 mA ,T=042.0S", WithstandState.Dwell, WithstandOutcome.None, 2.5, 0.12, 42, true)]
    [InlineData(">ACW, PASS , 2.500kV ,0.120 mA ,T=300.0S", WithstandState.Complete, WithstandOutcome.Pass, 2.5, 0.12, 300, false)]
    [InlineData(">ACW, FAIL , 2.480kV ,5.010 mA ,T=012.3S", WithstandState.Stopped, WithstandOutcome.Breakdown, 2.48, 5.01, 12.3, false)]
    [InlineData(">DCW, VIEW , 0.000kV ,0.000 mA ,T=000.0S", WithstandState.Idle, WithstandOutcome.None, 0, 0, 0, false)]
    public async Task GwInstek_MeasReply_IsReadWithUnitsPhaseAndDerivedOutput(string reply, WithstandState state, WithstandOutcome outcome, double kv, double ma, double s, bool outputOn)
    {
        var profile = Profiles.Get("gwinstek-gpt9800");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == "MEAS?" ? reply + "\n" : NoError(q));
        await using var _ = session;
        var status = await new ScpiWithstandTester(session, profile).ReadStatusAsync(CancellationToken.None);
        Assert.Equal(state, status.State);
        Assert.Equal(outcome, status.Outcome);
        Assert.Equal(kv, status.OutputVoltageKv, 6);
        Assert.Equal(ma, status.LeakageMa, 6);
        Assert.Equal(s, status.ElapsedS, 6);
        Assert.Equal(outputOn, status.OutputOn);
        Assert.True(status.InterlockClosed);
    }

    [Theory]
    [InlineData(">ACW, HIGH , 2.500kV ,0.120 mA ,T=042.0S")]
    [InlineData(">ACW, TEST , 2.500kV ,0.120 mA ,X=042.0S")]
    [InlineData(">ACW, PASS , 2.500kV ,0.120 V ,T=300.0S")]
    public async Task GwInstek_UnknownWordPhaseOrUnit_IsErrorNeverPass(string reply)
    {
        var profile = Profiles.Get("gwinstek-gpt9800");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == "MEAS?" ? reply + "\n" : NoError(q));
        await using var _ = session;
        await Assert.ThrowsAsync<InstrumentException>(() => new ScpiWithstandTester(session, profile).ReadStatusAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("116", WithstandState.Complete, WithstandOutcome.Pass, false)]
    [InlineData("115", WithstandState.Dwell, WithstandOutcome.None, true)]
    [InlineData("17", WithstandState.Stopped, WithstandOutcome.High, false)]
    [InlineData("35", WithstandState.Stopped, WithstandOutcome.Arc, false)]
    [InlineData("113", WithstandState.Stopped, WithstandOutcome.Aborted, false)]
    public async Task Chroma_FourQueriesJoined_CurrentInAmpsScaledToMilliamps(string code, WithstandState state, WithstandOutcome outcome, bool outputOn)
    {
        var profile = Profiles.Get("chroma-19032");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q switch
        {
            "SAFE:RES:ALL?" => code + "\n",
            "SAFE:RES:ALL:OMET?" => "+3.002000E+03\n",
            "SAFE:RES:ALL:MMET?" => "+2.680000E-03\n",
            "SAFE:RES:ALL:TIME?" => "+3.000000E+01\n",
            _ => NoError(q),
        });
        await using var _ = session;
        var status = await new ScpiWithstandTester(session, profile).ReadStatusAsync(CancellationToken.None);
        Assert.Equal(state, status.State);
        Assert.Equal(outcome, status.Outcome);
        Assert.Equal(3.002, status.OutputVoltageKv, 6);
        Assert.Equal(2.68, status.LeakageMa, 6);
        Assert.Equal(30, status.ElapsedS, 6);
        Assert.Equal(outputOn, status.OutputOn);
    }

    [Theory]
    [InlineData("+1.500000E+03", WithstandState.RampUp)]
    [InlineData("+2.990000E+03", WithstandState.Dwell)]
    public async Task Chroma_RunningWithoutPhase_BelowProgrammedVoltageIsRamp(string outputV, WithstandState state)
    {
        var profile = Profiles.Get("chroma-19032");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q switch
        {
            "SAFE:RES:ALL?" => "115\n",
            "SAFE:RES:ALL:OMET?" => outputV + "\n",
            "SAFE:RES:ALL:MMET?" => "+1.000000E-04\n",
            "SAFE:RES:ALL:TIME?" => "+0.000000E+00\n",
            _ => NoError(q),
        });
        await using var _ = session;
        var tester = new ScpiWithstandTester(session, profile);
        await tester.ConfigureAsync(new WithstandSettings(WithstandKind.Ac, 3, 50, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), 10, ArcDetection: true), CancellationToken.None);
        Assert.Equal(state, (await tester.ReadStatusAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task Chroma_ConfiguresStepOneWithLimitInAmps()
    {
        var profile = Profiles.Get("chroma-19032");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, NoError);
        await using var _ = session;
        await new ScpiWithstandTester(session, profile).ConfigureAsync(new WithstandSettings(WithstandKind.Ac, 2.5, 50, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), 10, ArcDetection: true), CancellationToken.None);
        var sent = peer.Received.Where(c => c != "SYST:ERR?").ToList();
        Assert.Equal(["SAFE:STEP1:AC 2500", "SAFE:STEP1:AC:LIM 0.01", "SAFE:STEP1:AC:TIME 300", "SAFE:STEP1:AC:TIME:RAMP 10", "SAFE:STEP1:AC:TIME:FALL 2"], sent);
    }

    [Fact]
    public async Task Hioki_ReadsTwoQueries_AndTimesElectrificationFromStart()
    {
        var profile = Profiles.Get("hioki-sm7110");
        var (session, far) = ProfileSession.Pair(profile);
        var time = new FakeTimeProvider();
        await using var peer = new ScpiResponder(far, q => q switch
        {
            ":MEAS?" => "2.50000E+10\n",
            ":MEAS:MONI?" => "500.2\n",
            ":STAT?" => "0\n",
            _ => null,
        });
        await using var _ = session;
        var tester = new ScpiInsulationTester(session, profile, time);
        await tester.ConfigureAsync(new InsulationTesterSettings(500, TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.Equal(0, (await tester.ReadAsync(CancellationToken.None)).ElapsedS);
        await tester.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));
        var reading = await tester.ReadAsync(CancellationToken.None);
        Assert.Equal(2.5e10, reading.ResistanceOhm);
        Assert.Equal(500.2, reading.VoltageV, 6);
        Assert.Equal(60, reading.ElapsedS, 6);
        await tester.StopAndDischargeAsync(CancellationToken.None);
        Assert.Equal([":VOLT 500", ":MEAS?", ":MEAS:MONI?", ":STAR", ":MEAS?", ":MEAS:MONI?", ":STOP", ":STAT?"], peer.Received);
    }

    [Fact]
    public async Task KeysightB2987b_SelectsResistanceThenSourceElements_AndReadsThem()
    {
        var profile = Profiles.Get("keysight-b2987b");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == ":MEAS?" ? "+1.234000E+12,+5.000000E+02\n" : NoError(q));
        await using var _ = session;
        var tester = new ScpiInsulationTester(session, profile, new FakeTimeProvider());
        await tester.ConfigureAsync(new InsulationTesterSettings(500, TimeSpan.FromMinutes(1)), CancellationToken.None);
        var reading = await tester.ReadAsync(CancellationToken.None);
        Assert.Equal(1.234e12, reading.ResistanceOhm);
        Assert.Equal(500, reading.VoltageV);
        Assert.Contains(":FORM:ELEM:SENS RES,SOUR", peer.Received);
    }

    [Fact]
    public async Task Keysight34465a_SelectsFourWireRangeThenOffsetCompensation_AndReadsNr3()
    {
        // CONF:FRES resets offset compensation on the Truevolt meters, so OCOM must come after it.
        var profile = Profiles.Get("keysight-34465a");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == "READ?" ? "+7.41000000E-02\n" : NoError(q));
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, profile);
        await meter.ConfigureAsync(new ResistanceMeterSettings(1.0), CancellationToken.None);
        var reading = await meter.MeasureAsync(CancellationToken.None);
        Assert.Equal(0.0741, reading.ResistanceOhm, 9);
        var sent = peer.Received.Where(c => c != "SYST:ERR?").ToList();
        Assert.True(sent.IndexOf("CONF:FRES 1") >= 0 && sent.IndexOf("CONF:FRES 1") < sent.IndexOf("FRES:OCOM ON"), string.Join(" | ", sent));
        Assert.Equal("READ?", sent[^1]);
    }

    [Theory]
    [InlineData(true, ":SENS:FRES:OCOM 1")]
    [InlineData(false, ":SENS:FRES:OCOM 0")]
    public async Task KeithleyDmm6500_SelectsFresThenOffsetCompensationThenRange_AndReadsNr3(bool reverse, string ocom)
    {
        // The DMM6500's 4-wire range set depends on offset compensation (1 ohm-10 kohm with it on), so the
        // range is set last and judged against the set in force.
        var profile = Profiles.Get("keithley-dmm6500");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == ":READ?" ? "+7.410000E-02\n" : NoError(q));
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, profile);
        await meter.ConfigureAsync(new ResistanceMeterSettings(10.0, ReverseCurrentAveraging: reverse), CancellationToken.None);
        var reading = await meter.MeasureAsync(CancellationToken.None);
        Assert.Equal(0.0741, reading.ResistanceOhm, 9);
        var sent = peer.Received.Where(c => c is not ("SYST:ERR?" or "*IDN?" or "*RST")).ToList();
        Assert.Equal([":SENS:FUNC \"FRES\"", ocom, ":SENS:FRES:RANG 10", ":READ?"], sent);
    }

    [Fact]
    public async Task KeithleyDmm6500_RangeRejectedWithOffsetCompensationOn_FailsConfigure()
    {
        // A meter that refuses a range outside the offset-compensated set reports it in its error queue;
        // the configure step must fail rather than measure on whatever range the meter kept.
        var profile = Profiles.Get("keithley-dmm6500");
        var (session, far) = ProfileSession.Pair(profile);
        var queue = new Queue<string>();
        await using var peer = new ScpiResponder(far, q =>
        {
            if (q == ":SENS:FRES:RANG 100000")
            {
                queue.Enqueue("-222,\"Data out of range\"");
            }

            return q == "SYST:ERR?" ? (queue.Count > 0 ? queue.Dequeue() : "0,\"No error\"") + "\n" : null;
        });
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, profile);
        var error = await Assert.ThrowsAsync<ScpiDeviceException>(
            () => meter.ConfigureAsync(new ResistanceMeterSettings(100_000), CancellationToken.None));
        Assert.Equal(-222, Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task KeithleyDmm6500_OverRangeReading_IsReportedAsOverRangeNotAValue()
    {
        // The manual's over-range value: what a meter left on too low a range returns.
        var profile = Profiles.Get("keithley-dmm6500");
        var (session, far) = ProfileSession.Pair(profile);
        await using var peer = new ScpiResponder(far, q => q == ":READ?" ? "9.9E+37\n" : NoError(q));
        await using var _ = session;
        var meter = new ScpiResistanceMeter(session, profile);
        await meter.ConfigureAsync(new ResistanceMeterSettings(10.0), CancellationToken.None);
        var reading = await meter.MeasureAsync(CancellationToken.None);
        Assert.True(reading.OverRange);
    }
}
