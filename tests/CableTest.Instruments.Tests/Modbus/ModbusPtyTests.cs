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
}
