using System.Net;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Modbus;

public sealed class ModbusReconnectTests
{
    [Fact]
    public async Task TcpMaster_ServerRestarts_ReconnectsWithBackoff()
    {
        var store = new ModbusDataStore();
        store.SetHoldingRegisters(0, [42]);
        var processor = new ModbusSlaveProcessor(1, store);
        var first = new ModbusTcpSlave(processor);
        first.Start();
        var port = first.Port;
        await using var master = new ModbusTcpMaster("127.0.0.1", port, new ModbusMasterOptions
        {
            Timeout = TimeSpan.FromMilliseconds(500), Retries = 0, ReconnectDelay = TimeSpan.FromMilliseconds(100),
        });
        Assert.Equal(new ushort[] { 42 }, await master.ReadHoldingRegistersAsync(1, 0, 1));
        await first.DisposeAsync();

        // Connection gone: a line error, then failed reconnects fast-fail during their backoff.
        await Assert.ThrowsAsync<TransportException>(() => master.ReadHoldingRegistersAsync(1, 0, 1).AsTask());
        await Assert.ThrowsAsync<TransportException>(() => master.ReadHoldingRegistersAsync(1, 0, 1).AsTask());

        await using var second = new ModbusTcpSlave(processor, new IPEndPoint(IPAddress.Loopback, port));
        second.Start();
        ushort[]? values = null;
        for (var i = 0; i < 50 && values is null; i++)
        {
            try
            {
                values = await master.ReadHoldingRegistersAsync(1, 0, 1);
            }
            catch (TransportException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(new ushort[] { 42 }, values);
    }
}
