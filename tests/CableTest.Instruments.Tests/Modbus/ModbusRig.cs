using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Modbus;

/// <summary>A master and our slave, over an in-memory line (RTU) or loopback TCP.</summary>
internal sealed class ModbusRig : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task? rtuLoop;
    private readonly ModbusTcpSlave? tcpSlave;

    private ModbusRig(ModbusMaster master, ListRecorder recorder, ModbusDataStore store, ModbusSlaveProcessor processor, ModbusRtuSlave? rtu,
        ModbusTcpSlave? tcp)
    {
        Recorder = recorder;
        Master = master;
        Store = store;
        Processor = processor;
        RtuSlave = rtu;
        tcpSlave = tcp;
        if (rtu is not null)
        {
            rtuLoop = rtu.RunAsync(stop.Token);
        }
    }

    public ModbusMaster Master { get; }

    public ModbusDataStore Store { get; }

    public ModbusSlaveProcessor Processor { get; }

    public ModbusRtuSlave? RtuSlave { get; }

    public ModbusTcpSlave? TcpSlave => tcpSlave;

    public ListRecorder Recorder { get; }

    public ModbusFaultHook? Faults
    {
        set
        {
            if (RtuSlave is not null)
            {
                RtuSlave.FaultHook = value;
            }

            if (tcpSlave is not null)
            {
                tcpSlave.FaultHook = value;
            }
        }
    }

    public static ModbusRig Create(string kind, ModbusMasterOptions? options = null)
    {
        var store = new ModbusDataStore();
        for (ushort i = 0; i < 200; i++)
        {
            store.SetHoldingRegisters(i, [i]);
            store.SetInputRegisters(i, [(ushort)(2 * i)]);
        }

        var processor = new ModbusSlaveProcessor(1, store);
        options ??= new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(1), Retries = 0 };
        var recorder = new ListRecorder();
        if (kind == "rtu")
        {
            var (a, b) = InMemoryChannel.CreatePair("memory-rtu");
            var slave = new ModbusRtuSlave(b, processor);
            return new ModbusRig(new ModbusRtuMaster(a, options, recorder), recorder, store, processor, slave, null);
        }

        var tcp = new ModbusTcpSlave(processor);
        tcp.Start();
        return new ModbusRig(new ModbusTcpMaster("127.0.0.1", tcp.Port, options, recorder), recorder, store, processor, null, tcp);
    }

    public async ValueTask DisposeAsync()
    {
        await Master.DisposeAsync();
        await stop.CancelAsync();
        if (rtuLoop is not null)
        {
            await rtuLoop.WaitAsync(TimeSpan.FromSeconds(5));
        }

        if (tcpSlave is not null)
        {
            await tcpSlave.DisposeAsync();
        }

        stop.Dispose();
    }
}
