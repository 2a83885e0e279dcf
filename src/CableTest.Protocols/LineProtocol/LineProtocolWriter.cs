using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CableTest.Protocols.LineProtocol;

/// <summary>
/// Encodes points as InfluxDB line protocol straight into an <see cref="IBufferWriter{T}"/>, with no
/// allocation per point: <c>Measurement → Tag* → Field+ → Timestamp? → EndPoint</c>. Escaping:
/// measurement (comma, space); tag keys, tag values, field keys (comma, equals, space); string field
/// values (double quote, backslash). NaN and infinity are refused with <see cref="LineProtocolException"/>.
/// </summary>
/// <remarks>Not thread-safe. A point left unfinished by an exception must be discarded by the caller
/// (see <see cref="PointData"/>, which validates before it writes).</remarks>
public sealed class LineProtocolWriter(IBufferWriter<byte> output)
{
    private enum State
    {
        LineStart,
        Tags,
        Fields,
        Done,
    }

    private State state = State.LineStart;
    private int pointsWritten;

    /// <summary>Points completed so far.</summary>
    public int PointsWritten => pointsWritten;

    public LineProtocolWriter Measurement(ReadOnlySpan<char> name)
    {
        Require(state == State.LineStart, "Measurement starts a point");
        RequireName(name, "measurement");
        if (pointsWritten > 0)
        {
            WriteByte((byte)'\n');
        }

        WriteEscaped(name, EscapeSet.Measurement);
        state = State.Tags;
        return this;
    }

    public LineProtocolWriter Tag(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        Require(state == State.Tags, "tags come after the measurement and before fields");
        RequireName(key, "tag key");
        if (value.IsEmpty)
        {
            // InfluxDB rejects empty tag values; an absent tag is what an empty one means.
            return this;
        }

        RequireTagValue(value);

        WriteByte((byte)',');
        WriteEscaped(key, EscapeSet.Key);
        WriteByte((byte)'=');
        WriteEscaped(value, EscapeSet.Key);
        return this;
    }

    public LineProtocolWriter Field(ReadOnlySpan<char> key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new LineProtocolException($"field '{key}' is {value.ToString(CultureInfo.InvariantCulture)}: line protocol has no NaN or infinity; the reading is refused");
        }

        FieldKey(key);
        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var n, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("double did not fit 32 bytes");
        }

        output.Advance(n);
        return this;
    }

    public LineProtocolWriter Field(ReadOnlySpan<char> key, long value)
    {
        FieldKey(key);
        var span = output.GetSpan(21);
        Utf8Formatter.TryFormat(value, span, out var n);
        span[n] = (byte)'i';
        output.Advance(n + 1);
        return this;
    }

    public LineProtocolWriter Field(ReadOnlySpan<char> key, ulong value)
    {
        FieldKey(key);
        var span = output.GetSpan(21);
        Utf8Formatter.TryFormat(value, span, out var n);
        span[n] = (byte)'u';
        output.Advance(n + 1);
        return this;
    }

    public LineProtocolWriter Field(ReadOnlySpan<char> key, bool value)
    {
        FieldKey(key);
        Write(value ? "true"u8 : "false"u8);
        return this;
    }

    public LineProtocolWriter Field(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        RequireNoNewline(value, "string field");
        FieldKey(key);
        WriteByte((byte)'"');
        WriteEscaped(value, EscapeSet.StringField);
        WriteByte((byte)'"');
        return this;
    }

    /// <summary>Ends the point with a timestamp (Unix time in the write's precision).</summary>
    public void EndPoint(long unixTime)
    {
        Require(state == State.Fields, "a point needs at least one field");
        var span = output.GetSpan(21);
        span[0] = (byte)' ';
        Utf8Formatter.TryFormat(unixTime, span[1..], out var n);
        output.Advance(n + 1);
        Complete();
    }

    /// <summary>Ends the point without a timestamp (the server's clock is used: avoid for readings).</summary>
    public void EndPoint()
    {
        Require(state == State.Fields, "a point needs at least one field");
        Complete();
    }

    private void Complete()
    {
        state = State.LineStart;
        pointsWritten++;
    }

    private void FieldKey(ReadOnlySpan<char> key)
    {
        Require(state is State.Tags or State.Fields, "fields come after the measurement and tags");
        RequireName(key, "field key");
        WriteByte(state == State.Tags ? (byte)' ' : (byte)',');
        WriteEscaped(key, EscapeSet.Key);
        WriteByte((byte)'=');
        state = State.Fields;
    }

    private enum EscapeSet
    {
        Measurement,
        Key,
        StringField,
    }

    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", ");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(", =");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");

    private void WriteEscaped(ReadOnlySpan<char> text, EscapeSet set)
    {
        var specials = set switch
        {
            EscapeSet.Measurement => MeasurementSpecials,
            EscapeSet.Key => KeySpecials,
            _ => StringSpecials,
        };

        // Fast path: nothing to escape and pure ASCII (tags and keys almost always are).
        if (!text.ContainsAny(specials) && System.Text.Ascii.IsValid(text))
        {
            var fast = output.GetSpan(text.Length);
            System.Text.Ascii.FromUtf16(text, fast, out var written);
            output.Advance(written);
            return;
        }

        // Worst case: every char escaped and 3 UTF-8 bytes per char.
        var span = output.GetSpan((text.Length * 4) + 1);
        var at = 0;
        foreach (var rune in EnumerateRunes(text))
        {
            if (rune.IsBmp && specials.Contains((char)rune.Value))
            {
                span[at++] = (byte)'\\';
            }

            at += rune.EncodeToUtf8(span[at..]);
        }

        output.Advance(at);
    }

    private static StringRuneEnumerator EnumerateRunes(ReadOnlySpan<char> text) => new(text);

    private void Write(ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        output.Advance(bytes.Length);
    }

    private void WriteByte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"line protocol writer used out of order: {rule}");
        }
    }

    internal static void RequireName(ReadOnlySpan<char> name, string what)
    {
        if (name.IsEmpty)
        {
            throw new LineProtocolException($"{what} is empty");
        }

        RequireNoNewline(name, what);
        if (name[^1] == '\\')
        {
            throw new LineProtocolException($"{what} '{name}' ends with a backslash, which line protocol cannot carry");
        }
    }

    internal static void RequireTagValue(ReadOnlySpan<char> value)
    {
        RequireNoNewline(value, "tag value");
        if (value[^1] == '\\')
        {
            throw new LineProtocolException($"tag value '{value}' ends with a backslash, which line protocol cannot carry");
        }
    }

    internal static void RequireNoNewline(ReadOnlySpan<char> text, string what)
    {
        if (text.IndexOfAny('\n', '\r') >= 0)
        {
            throw new LineProtocolException($"{what} contains a line break, which line protocol cannot carry");
        }
    }

    /// <summary>Runes of a span, with lone surrogates replaced (never throws on bad UTF-16).</summary>
    private ref struct StringRuneEnumerator(ReadOnlySpan<char> text)
    {
        private ReadOnlySpan<char> remaining = text;

        public Rune Current { get; private set; }

        public readonly StringRuneEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (remaining.IsEmpty)
            {
                return false;
            }

            Rune.DecodeFromUtf16(remaining, out var rune, out var used);
            Current = rune;
            remaining = remaining[used..];
            return true;
        }
    }
}
