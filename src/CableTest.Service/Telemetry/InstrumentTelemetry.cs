using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using CableTest.Instruments.Recording;

namespace CableTest.Service.Telemetry;

/// <summary>
/// Instrument exchanges as series (meter <see cref="MeterName"/>: count by protocol, device and outcome;
/// duration) and as spans under the step that asked for them. Fed from the bench's recorder, which
/// sees every exchange on every line once it has happened, so each span carries the exchange's own
/// start time and duration.
/// </summary>
public static class InstrumentTelemetry
{
    public const string MeterName = "CableTest.Instruments";
    public const string SourceName = "CableTest.Instruments";

    private static readonly double[] DurationBucketsS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Exchanges = Meter.CreateCounter<long>("cabletest.instrument.exchanges", "{exchange}", "Request/reply exchanges on the bench's lines, by outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram("cabletest.instrument.exchange.duration", "s", "From the first byte written to the last byte read",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsS });

    /// <summary>One exchange happened on a line.</summary>
    public static void Exchange(ExchangeRecord exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var outcome = OutcomeName(exchange.Outcome);
        var seconds = exchange.DurationMicroseconds / 1e6;
        Exchanges.Add(1, new TagList { { "protocol", exchange.Protocol }, { "device", exchange.Device }, { "outcome", outcome } });
        Duration.Record(seconds, new TagList { { "protocol", exchange.Protocol }, { "device", exchange.Device } });
        if (!Source.HasListeners())
        {
            return;
        }

        var started = DateTimeOffset.UnixEpoch.AddTicks(exchange.StartedUnixNanoseconds / 100);
        using var activity = Source.StartActivity("exchange " + exchange.Protocol, ActivityKind.Client, default(ActivityContext),
            [new("cabletest.line", exchange.Line), new("cabletest.device", exchange.Device), new("cabletest.exchange.outcome", outcome)],
            startTime: started);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("cabletest.exchange.request", Describe(exchange.Protocol, exchange.Request.Span));
        activity.SetTag("cabletest.exchange.request_bytes", exchange.Request.Length);
        activity.SetTag("cabletest.exchange.reply_bytes", exchange.Reply.Length);
        if (exchange.Outcome != ExchangeOutcome.Ok)
        {
            activity.SetStatus(ActivityStatusCode.Error, exchange.Detail ?? outcome);
        }

        activity.SetEndTime(started.AddTicks(exchange.DurationMicroseconds * 10).UtcDateTime);
    }

    /// <summary>What was asked, briefly: a SCPI command line, a Modbus function code.</summary>
    internal static string Describe(string protocol, ReadOnlySpan<byte> request) => protocol switch
    {
        "scpi" => Encoding.ASCII.GetString(request[..Math.Min(request.Length, 64)]).TrimEnd('\r', '\n'),
        // RTU: unit, function, …; TCP: 7-byte MBAP (transaction, protocol, length, unit), then the function.
        "modbus-rtu" when request.Length >= 2 => "function " + request[1],
        "modbus-tcp" when request.Length >= 8 => "function " + request[7] + " unit " + request[6] + " transaction " + BinaryPrimitives.ReadUInt16BigEndian(request),
        _ => "",
    };

    private static string OutcomeName(ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Ok => "ok",
        ExchangeOutcome.Timeout => "timeout",
        ExchangeOutcome.BadReply => "bad_reply",
        ExchangeOutcome.DeviceError => "device_error",
        ExchangeOutcome.LineError => "line_error",
        ExchangeOutcome.Cancelled => "cancelled",
        _ => "unknown",
    };
}
