using System.Globalization;
using CableTest.Instruments.Recording;

namespace CableTest.HardwareSim.Replay;

/// <summary>
/// The recorded exchanges of one line, in order. Each request received is compared with the next one: a match
/// yields the recorded reply; anything else is a <see cref="ReplayDivergence"/> and the line answers nothing more.
/// Modbus TCP requests are compared without their transaction id (bytes 0–1), which the reply then carries over.
/// </summary>
public sealed class ReplayLine
{
    private readonly Lock gate = new();
    private readonly IReadOnlyList<ExchangeRecord> exchanges;
    private readonly Action<ReplayDivergence> onDivergence;
    private int next;

    internal ReplayLine(string line, string protocol, IReadOnlyList<ExchangeRecord> exchanges, Action<ReplayDivergence> onDivergence)
    {
        Line = line;
        Protocol = protocol;
        this.exchanges = exchanges;
        this.onDivergence = onDivergence;
    }

    /// <summary>The recorded line name.</summary>
    public string Line { get; }

    /// <summary>"scpi", "modbus-rtu" or "modbus-tcp".</summary>
    public string Protocol { get; }

    /// <summary>Devices recorded on this line, in order of first appearance.</summary>
    public IReadOnlyList<string> Devices => exchanges.Select(e => e.Device).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Exchanges answered so far.</summary>
    public int Answered
    {
        get
        {
            lock (gate)
            {
                return next;
            }
        }
    }

    /// <summary>Exchanges not reached.</summary>
    public int Remaining
    {
        get
        {
            lock (gate)
            {
                return exchanges.Count - next;
            }
        }
    }

    /// <summary>True once a request diverged.</summary>
    public bool Diverged { get; private set; }

    /// <summary>The recorded exchange answering <paramref name="request"/>, or null (diverged: reported, nothing to send).</summary>
    public ExchangeRecord? Take(ReadOnlySpan<byte> request)
    {
        ReplayDivergence? divergence = null;
        ExchangeRecord? match = null;
        lock (gate)
        {
            if (Diverged)
            {
                return null;
            }

            if (next >= exchanges.Count)
            {
                var last = exchanges.Count == 0 ? 0 : exchanges[^1].Sequence;
                divergence = new ReplayDivergence(last + 1, Line, string.Empty, ReadOnlyMemory<byte>.Empty, request.ToArray(),
                    string.Create(CultureInfo.InvariantCulture, $"{Line}: request after the last recorded exchange ({exchanges.Count} on this line)"));
            }
            else
            {
                var expected = exchanges[next];
                if (Same(expected.Request.Span, request))
                {
                    match = expected;
                    next++;
                }
                else
                {
                    divergence = new ReplayDivergence(expected.Sequence, Line, expected.Device, expected.Request, request.ToArray(),
                        string.Create(CultureInfo.InvariantCulture, $"{Line}: request differs from recorded exchange #{expected.Sequence} ({expected.Device}) at byte {FirstDifference(expected.Request.Span, request, ComparedFrom(expected.Request.Span, request))}"));
                }
            }

            if (divergence is not null)
            {
                Diverged = true;
            }
        }

        if (divergence is not null)
        {
            onDivergence(divergence);
        }

        return match;
    }

    private bool Same(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        expected.Length == actual.Length && expected[ComparedFrom(expected, actual)..].SequenceEqual(actual[ComparedFrom(expected, actual)..]);

    /// <summary>Modbus TCP: bytes 0–1 (transaction id) are the master's own and not compared.</summary>
    private int ComparedFrom(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        Protocol == "modbus-tcp" && expected.Length >= 2 && actual.Length >= 2 ? 2 : 0;

    private static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int from)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = from; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
