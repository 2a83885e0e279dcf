using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;

namespace CableTest.HardwareSim.Devices;

/// <summary>A profile's register map laid out as the device's holding and input register blocks.</summary>
internal sealed class RegisterMap
{
    public RegisterMap(ModbusProfile profile)
    {
        Profile = profile;
        HoldingCount = Extent(profile, holding: true);
        InputCount = Extent(profile, holding: false);
    }

    public ModbusProfile Profile { get; }

    /// <summary>Holding registers 0 .. HoldingCount-1 exist.</summary>
    public int HoldingCount { get; }

    /// <summary>Input registers 0 .. InputCount-1 exist.</summary>
    public int InputCount { get; }

    public ModbusPoint Point(string name) => Profile.Points[name];

    public int Code(string name) => Profile.Codes[name];

    public void Encode(Span<ushort> block, string point, double value)
    {
        var p = Point(point);
        p.Codec.Encode(value, block.Slice(p.Address, p.Codec.RegisterCount));
    }

    public double Decode(ReadOnlySpan<ushort> block, string point)
    {
        var p = Point(point);
        return p.Codec.Decode(block.Slice(p.Address, p.Codec.RegisterCount));
    }

    /// <summary>Null when [start, start+count) lies inside a block of <paramref name="size"/> registers.</summary>
    public static ModbusExceptionCode? Check(ushort start, int count, int size) =>
        start + count <= size ? null : ModbusExceptionCode.IllegalDataAddress;

    private static int Extent(ModbusProfile profile, bool holding) =>
        profile.Points.Values.Where(p => p.IsHolding == holding).Select(p => p.Address + p.Codec.RegisterCount).DefaultIfEmpty(0).Max();
}
