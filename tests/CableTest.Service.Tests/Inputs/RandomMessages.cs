using System.Globalization;
using System.Text;
using CableTest.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CableTest.Service.Tests.Inputs;

/// <summary>
/// Builds a request message of any type from a seed, field by field from its descriptor: hostile and
/// plausible strings, non-finite and extreme numbers, undefined enum values, nested messages and
/// repeated fields, each field set or left out at random.
/// </summary>
internal static class RandomMessages
{
    private static readonly string[] Plausible =
    [
        "S1", "S-GOOD", "gbt5023.3-227iec01-bv-450/750", "alpha20", "iec60228_tableB1", "ac", "dc", "AC", "R_L", "Ki", "rho",
        "450/750 V", "0.6/1 kV", "60227 IEC 01", "XLPE", "lims-main", "run-20261202-000000-abcdef", "V-00001", "Cu", "insulation",
    ];

    private static readonly double[] Doubles =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -1e308, 0.0, -0.0, double.Epsilon, 2.5, 100, 3500, 3500.5,
        1e-9, -1, 0.07, 20, 500, 60, 300, 2.5e6,
    ];

    private static readonly long[] Integers = [int.MinValue, -1, 0, 1, 2, 3, 5, 50, 61, 100, 101, 500, 501, int.MaxValue, long.MaxValue, long.MinValue];

    public static IMessage Build(MessageDescriptor descriptor, Random random, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap || random.Next(3) == 0 || (field.FieldType == FieldType.Message && depth >= 2))
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                for (var i = random.Next(4); i > 0; i--)
                {
                    list.Add(Value(field, random, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, random, depth));
            }
        }

        return message;
    }

    public static string String(Random random) => random.Next(6) switch
    {
        0 or 1 => HostileIds.All[random.Next(HostileIds.All.Length)],
        2 or 3 => Plausible[random.Next(Plausible.Length)],
        4 => new string((char)random.Next(0x20, 0x7F), random.Next(1, 6000)),
        _ => Unicode(random, random.Next(0, 40)),
    };

    private static object Value(FieldDescriptor field, Random random, int depth) => field.FieldType switch
    {
        FieldType.String => String(random),
        FieldType.Double => Doubles[random.Next(Doubles.Length)],
        FieldType.Float => (float)Doubles[random.Next(Doubles.Length)],
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)Integers[random.Next(Integers.Length)]),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Integers[random.Next(Integers.Length)],
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)Integers[random.Next(Integers.Length)]),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)Integers[random.Next(Integers.Length)]),
        FieldType.Bytes => ByteString.CopyFrom(Bytes(random, random.Next(0, 64))),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, random.Next(4) == 0 ? random.Next(-1, 100) : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number),
        FieldType.Message => Build(field.MessageType, random, depth + 1),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string Unicode(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Any UTF-16 unit, lone surrogates and controls included.
            text.Append((char)random.Next(0, 0x10000));
        }

        return text.ToString();
    }

    public static string Scalar(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
