namespace CableTest.Instruments.Modbus;

/// <summary>
/// A Modbus master: the single owner of one line (serial bus or TCP connection), shared by every
/// device on it. Methods are safe to call concurrently: requests are queued fairly (FIFO per line,
/// at most one per unit in the queue), paced per unit and bounded by finite deadlines. The shape
/// follows NModbus (<c>ReadHoldingRegistersAsync(slaveAddress, startAddress, numberOfPoints)</c>);
/// the <c>Memory</c> overloads decode into caller buffers and do not allocate.
/// </summary>
/// <remarks>
/// Failures: <see cref="CableTest.Protocols.Modbus.ModbusException"/> (the device answered with an
/// exception code), <see cref="CableTest.Protocols.Modbus.ModbusFrameException"/> (malformed or
/// unrelated reply), <see cref="ModbusTimeoutException"/> (silence),
/// <see cref="ModbusDeviceUnavailableException"/> (unit backed off after repeated timeouts),
/// <see cref="CableTest.Transports.TransportException"/> (the line broke; the master reconnects),
/// <see cref="ArgumentException"/> (a request outside the Modbus limits).
/// </remarks>
public interface IModbusMaster : IAsyncDisposable
{
    /// <summary>The line's identity, as in recordings.</summary>
    string LineName { get; }

    ValueTask<ushort[]> ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints, CancellationToken cancellationToken = default);

    ValueTask ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default);

    ValueTask<ushort[]> ReadInputRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints, CancellationToken cancellationToken = default);

    ValueTask ReadInputRegistersAsync(byte slaveAddress, ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default);

    ValueTask<bool[]> ReadCoilsAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints, CancellationToken cancellationToken = default);

    ValueTask ReadCoilsAsync(byte slaveAddress, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default);

    ValueTask<bool[]> ReadInputsAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints, CancellationToken cancellationToken = default);

    ValueTask ReadInputsAsync(byte slaveAddress, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default);

    /// <summary>FC 5. Unit 0 broadcasts (no reply awaited).</summary>
    ValueTask WriteSingleCoilAsync(byte slaveAddress, ushort coilAddress, bool value, CancellationToken cancellationToken = default);

    /// <summary>FC 6. Unit 0 broadcasts (no reply awaited).</summary>
    ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort registerAddress, ushort value, CancellationToken cancellationToken = default);

    /// <summary>FC 15. Unit 0 broadcasts (no reply awaited).</summary>
    ValueTask WriteMultipleCoilsAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<bool> data, CancellationToken cancellationToken = default);

    /// <summary>FC 16. Unit 0 broadcasts (no reply awaited).</summary>
    ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> data, CancellationToken cancellationToken = default);

    /// <summary>FC 23: writes <paramref name="writeData"/> first, then reads.</summary>
    ValueTask<ushort[]> ReadWriteMultipleRegistersAsync(byte slaveAddress, ushort startReadAddress, ushort numberOfPointsToRead,
        ushort startWriteAddress, ReadOnlyMemory<ushort> writeData, CancellationToken cancellationToken = default);

    /// <summary>FC 23 into a caller buffer (its length is the read count).</summary>
    ValueTask ReadWriteMultipleRegistersAsync(byte slaveAddress, ushort startReadAddress, Memory<ushort> destination,
        ushort startWriteAddress, ReadOnlyMemory<ushort> writeData, CancellationToken cancellationToken = default);
}
