namespace CableTest.Protocols.Modbus;

public static partial class ModbusPdu
{
    /// <summary>Value of <see cref="ResponseLength"/> / <see cref="RequestLength"/> when more bytes are needed.</summary>
    public const int NeedMoreData = 0;

    /// <summary>Value of <see cref="ResponseLength"/> / <see cref="RequestLength"/> for a function code this stack cannot frame.</summary>
    public const int UnknownFunction = -1;

    /// <summary>
    /// The full length of a response PDU from its first bytes: 2 for an exception, 5 for the write
    /// echoes, 2 + byte count for reads. <see cref="NeedMoreData"/> when the byte count has not
    /// arrived, <see cref="UnknownFunction"/> for a function this stack does not speak.
    /// </summary>
    public static int ResponseLength(ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            return NeedMoreData;
        }

        var function = pdu[0];
        if ((function & 0x80) != 0)
        {
            return IsKnown((byte)(function & 0x7F)) ? 2 : UnknownFunction;
        }

        switch ((ModbusFunctionCode)function)
        {
            case ModbusFunctionCode.ReadCoils:
            case ModbusFunctionCode.ReadDiscreteInputs:
            case ModbusFunctionCode.ReadHoldingRegisters:
            case ModbusFunctionCode.ReadInputRegisters:
            case ModbusFunctionCode.ReadWriteMultipleRegisters:
                return pdu.Length < 2 ? NeedMoreData : 2 + pdu[1];
            case ModbusFunctionCode.WriteSingleCoil:
            case ModbusFunctionCode.WriteSingleRegister:
            case ModbusFunctionCode.WriteMultipleCoils:
            case ModbusFunctionCode.WriteMultipleRegisters:
                return 5;
            default:
                return UnknownFunction;
        }
    }

    /// <summary>
    /// The full length of a request PDU from its first bytes (5 for FC 1–6, 6 + byte count for FC 15
    /// and 16, 10 + byte count for FC 23). Same sentinels as <see cref="ResponseLength"/>.
    /// </summary>
    public static int RequestLength(ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            return NeedMoreData;
        }

        switch ((ModbusFunctionCode)pdu[0])
        {
            case ModbusFunctionCode.ReadCoils:
            case ModbusFunctionCode.ReadDiscreteInputs:
            case ModbusFunctionCode.ReadHoldingRegisters:
            case ModbusFunctionCode.ReadInputRegisters:
            case ModbusFunctionCode.WriteSingleCoil:
            case ModbusFunctionCode.WriteSingleRegister:
                return 5;
            case ModbusFunctionCode.WriteMultipleCoils:
            case ModbusFunctionCode.WriteMultipleRegisters:
                return pdu.Length < 6 ? NeedMoreData : 6 + pdu[5];
            case ModbusFunctionCode.ReadWriteMultipleRegisters:
                return pdu.Length < 10 ? NeedMoreData : 10 + pdu[9];
            default:
                return UnknownFunction;
        }
    }

    /// <summary>True for the function codes this stack speaks.</summary>
    public static bool IsKnown(byte function) => (ModbusFunctionCode)function is ModbusFunctionCode.ReadCoils
        or ModbusFunctionCode.ReadDiscreteInputs or ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters
        or ModbusFunctionCode.WriteSingleCoil or ModbusFunctionCode.WriteSingleRegister or ModbusFunctionCode.WriteMultipleCoils
        or ModbusFunctionCode.WriteMultipleRegisters or ModbusFunctionCode.ReadWriteMultipleRegisters;
}
