using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Modbus;

/// <summary>RTU through real ttys: our openpty pair and socat's.</summary>
public sealed class ModbusPtyTests
{
    [Fact]
    public async Task RtuMaster_OverPseudoTerminal_AgainstOurSlave()
    {
        await using var pty = PseudoTerminal.Open();
        var store = new ModbusDataStore();
        store.SetHoldingRegisters(0, [10, 11, 12]);
        var slave = new ModbusRtuSlave(pty.Master, new ModbusSlaveProcessor(1, store));
        using var stop = new CancellationTokenSource();
        var loop = slave.RunAsync(stop.Token);
        await using (var master = new ModbusRtuMaster(new UnixTtyChannel(pty.SlavePath, new SerialSettings { BaudRate = 115200 }),
            new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(1), Retries = 0 }))
        {
            Assert.Equal(TimeSpan.Zero, master.InterFrameDelay); // a pty has no wire time
            Assert.Equal(new ushort[] { 10, 11, 12 }, await master.ReadHoldingRegistersAsync(1, 0, 3));
            await master.WriteMultipleRegistersAsync(1, 100, Enumerable.Range(0, 123).Select(i => (ushort)i).ToArray());
            Assert.Equal(122, (await master.ReadHoldingRegistersAsync(1, 100, 123))[122]);

            var once = 1;
            slave.FaultHook = (_, _) => Interlocked.Exchange(ref once, 0) == 1 ? ModbusFault.CorruptCrc : ModbusFault.None;
            var e = await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadHoldingRegistersAsync(1, 0, 3).AsTask());
            Assert.Equal(ModbusFrameErrorKind.BadCrc, e.Kind);
            Assert.Equal(new ushort[] { 10 }, await master.ReadHoldingRegistersAsync(1, 0, 1));
        }

        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task RtuMaster_OverSocatPair_AgainstOurSlave_GarbageResynchronised()
    {
        await using var socat = await SocatPtys.StartAsync();
        var store = new ModbusDataStore();
        store.SetInputRegisters(0, [2, 4, 6]);
        await using var slaveSide = new UnixTtyChannel(socat.B, new SerialSettings { BaudRate = 19200 });
        var slave = new ModbusRtuSlave(slaveSide, new ModbusSlaveProcessor(1, store));
        using var stop = new CancellationTokenSource();
        var loop = slave.RunAsync(stop.Token);
        await using (var master = new ModbusRtuMaster(new UnixTtyChannel(socat.A, new SerialSettings { BaudRate = 19200 }),
            new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0 }))
        {
            Assert.Equal(new ushort[] { 2, 4, 6 }, await master.ReadInputRegistersAsync(1, 0, 3));
            var once = 1;
            slave.FaultHook = (_, _) => Interlocked.Exchange(ref once, 0) == 1 ? ModbusFault.Garbage : ModbusFault.None;
            var e = await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadInputRegistersAsync(1, 0, 3).AsTask());
            Assert.Equal(ModbusFrameErrorKind.Garbage, e.Kind);
            Assert.Equal(new ushort[] { 4, 6 }, await master.ReadInputRegistersAsync(1, 1, 2));
        }

        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public void InterFrameDelay_RealSerialSettings_Computed()
    {
        var (a, _) = InMemoryChannel.CreatePair();
        var slow = new ModbusRtuMaster(a, serialSettings: new SerialSettings { BaudRate = 9600 });
        Assert.Equal(3646, (int)Math.Round(slow.InterFrameDelay.TotalMicroseconds));
        var fast = new ModbusRtuMaster(a, serialSettings: new SerialSettings { BaudRate = 115200 });
        Assert.Equal(TimeSpan.FromMilliseconds(1.75), fast.InterFrameDelay);
        var overridden = new ModbusRtuMaster(a, new ModbusMasterOptions { InterFrameDelay = TimeSpan.Zero }, serialSettings: new SerialSettings());
        Assert.Equal(TimeSpan.Zero, overridden.InterFrameDelay);
    }

    [Theory]
    [InlineData(1.75)]
    [InlineData(4.9)]
    public async Task RtuMaster_Guard_NextRequestNeverSoonerThanTheGuardAfterTheReply(double guardMs)
    {
        // The slave's end stamps just before each reply goes to the pty and when each request has been read: the master
        // reads the reply after the first and writes the next request before the second, so their distance is at
        // least the guard if the master keeps it (4.9 ms used to become a 4 ms timer).
        await using var pty = PseudoTerminal.Open();
        var stamped = new StampingChannel(pty.Master);
        var slave = new ModbusRtuSlave(stamped, new ModbusSlaveProcessor(1, new ModbusDataStore()));
        using var stop = new CancellationTokenSource();
        var loop = slave.RunAsync(stop.Token);
        var guard = TimeSpan.FromMilliseconds(guardMs);
        await using (var master = new ModbusRtuMaster(new UnixTtyChannel(pty.SlavePath, new SerialSettings { BaudRate = 115200 }),
            new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0, InterFrameDelay = guard }))
        {
            for (var i = 0; i < 30; i++)
            {
                await master.ReadHoldingRegistersAsync(1, 0, 2);
            }
        }

        await stop.CancelAsync();
        await loop;
        var gaps = stamped.Gaps();
        Assert.Equal(29, gaps.Count);
        Assert.All(gaps, g => Assert.True(g >= guard, $"next request {g.TotalMilliseconds:0.000} ms after the reply, guard {guardMs} ms"));
    }

    /// <summary>Passes bytes through and notes, by Stopwatch, when each reply is about to be written and each request has been read.</summary>
    private sealed class StampingChannel(IByteChannel inner) : IByteChannel
    {
        private readonly List<(bool Reply, long At)> stamps = [];

        public string Name => inner.Name;

        public bool IsOpen => inner.IsOpen;

        public ValueTask OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public ValueTask CloseAsync() => inner.CloseAsync();

        public ValueTask DiscardInputAsync(CancellationToken cancellationToken) => inner.DiscardInputAsync(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            stamps.Add((false, System.Diagnostics.Stopwatch.GetTimestamp()));
            return n;
        }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            stamps.Add((true, System.Diagnostics.Stopwatch.GetTimestamp())); // before: the master may read it at once
            await inner.WriteAsync(data, cancellationToken);
        }

        /// <summary>From each reply to the first read after it.</summary>
        public List<TimeSpan> Gaps()
        {
            var gaps = new List<TimeSpan>();
            for (var i = 0; i + 1 < stamps.Count; i++)
            {
                if (stamps[i].Reply && !stamps[i + 1].Reply)
                {
                    gaps.Add(System.Diagnostics.Stopwatch.GetElapsedTime(stamps[i].At, stamps[i + 1].At));
                }
            }

            return gaps;
        }
    }
}
