using System.Net;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using Microsoft.Extensions.Logging;

namespace CableTest.HardwareSim.Serving;

/// <summary>A Modbus TCP slave on a fixed loopback port that can be pulled and put back (disconnect fault).</summary>
internal sealed class TcpSlaveHost : IAsyncDisposable
{
    private readonly ModbusSlaveProcessor processor;
    private readonly ModbusFaultHook hook;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ModbusTcpSlave? slave;

    public TcpSlaveHost(ModbusSlaveProcessor processor, int port, ModbusFaultHook hook, ILogger logger, TimeProvider time)
    {
        this.processor = processor;
        this.hook = hook;
        this.logger = logger;
        this.time = time;
        slave = Open(port);
        Port = slave.Port;
    }

    public int Port { get; }

    public async Task DisconnectAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slave is not null)
            {
                await slave.DisposeAsync().ConfigureAwait(false);
                slave = null;
            }

            await Task.Delay(down, time, cancellationToken).ConfigureAwait(false);
            slave = Open(Port);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (slave is not null)
            {
                await slave.DisposeAsync().ConfigureAwait(false);
                slave = null;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private ModbusTcpSlave Open(int port)
    {
        var s = new ModbusTcpSlave(processor, new IPEndPoint(IPAddress.Loopback, port), logger, time) { FaultHook = hook };
        s.Start();
        return s;
    }
}
