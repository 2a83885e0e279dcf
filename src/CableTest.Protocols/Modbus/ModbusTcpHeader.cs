namespace CableTest.Protocols.Modbus;

/// <summary>The MBAP header of a Modbus TCP frame.</summary>
/// <param name="TransactionId">Pairs a reply with its request.</param>
/// <param name="ProtocolId">0 for Modbus.</param>
/// <param name="Length">Bytes that follow the length field: unit + PDU.</param>
/// <param name="Unit">Unit identifier (the slave behind a gateway, else usually 1 or 255).</param>
public readonly record struct ModbusTcpHeader(ushort TransactionId, ushort ProtocolId, ushort Length, byte Unit)
{
    /// <summary>Length of the PDU that follows the header.</summary>
    public int PduLength => Length - 1;
}
