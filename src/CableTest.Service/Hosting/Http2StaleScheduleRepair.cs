using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace CableTest.Service.Hosting;

/// <summary>
/// Works around a lost-response race in Kestrel's HTTP/2 output (ASP.NET Core 10.0.12, reported upstream as
/// dotnet/aspnetcore#53736; issue 16 item 8 here). Kestrel pools a connection's stream objects. When a
/// stream's output producer is scheduled once more while its frame writer is finishing the response, the
/// writer drops that queue entry because the response is complete, but leaves the producer marked
/// "scheduled". The next request that reuses the pooled stream then has every schedule call ignored: its
/// handler completes, nothing is ever written, and the client waits (or hits its deadline). Found in a hung
/// run of bench/grpc/run.sh: the service's dump held the waiting request's stream with <c>_isScheduled</c>
/// set, 125,658 response bytes unwritten, nothing observed, and the writer's queue empty.
/// <para>
/// At the start of each HTTP/2 request, before anything is written, a producer that is marked scheduled
/// while holding no data and no state to observe can only be carrying that stale mark: it is cleared under
/// the producer's own lock. Kestrel tolerates an extra schedule (it re-schedules a producer itself), so
/// clearing a mark whose queue entry is still on its way costs at most one empty pass of the writer. Each
/// repair is counted (<c>cabletest.http2.stale_schedules_repaired</c>) and logged. If the runtime's
/// internals are not the expected ones the repair turns itself off with one warning (a newer Kestrel may
/// have fixed the race); <c>Grpc:RepairStaleHttp2Streams=false</c> turns it off by configuration.
/// </para>
/// </summary>
internal sealed partial class Http2StaleScheduleRepair(RequestDelegate next, ILogger<Http2StaleScheduleRepair> logger)
{
    public const string MeterName = "CableTest.Http2";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Repaired = Meter.CreateCounter<long>(
        "cabletest.http2.stale_schedules_repaired", "{stream}", "HTTP/2 streams reused with Kestrel's stale 'scheduled' mark, cleared before the request ran (dotnet/aspnetcore#53736)");

    private static KestrelProducerFields? fields;
    private static int unavailable;

    public Task InvokeAsync(HttpContext context)
    {
        if (Volatile.Read(ref unavailable) == 0 && context.Features.Get<IHttp2StreamIdFeature>() is { } stream)
        {
            Inspect(stream, context);
        }

        return next(context);
    }

    /// <summary>Marks the stream's producer scheduled with nothing queued: the state Kestrel's race leaves behind (for tests).</summary>
    internal static void MarkScheduledForTest(object stream) =>
        (Fields(stream) ?? throw new InvalidOperationException("Kestrel's HTTP/2 output internals are not the expected ones")).SetMark(stream);

    private void Inspect(IHttp2StreamIdFeature stream, HttpContext context)
    {
        bool repaired;
        try
        {
            if (Fields(stream) is not { } known)
            {
                Disable(null);
                return;
            }

            repaired = known.ClearStaleMark(stream);
        }
        catch (Exception e) when (e is FieldAccessException or InvalidCastException or TargetException or ArgumentException)
        {
            Disable(e);
            return;
        }

        if (repaired)
        {
            Repaired.Add(1);
            LogRepaired(logger, stream.StreamId, CableTest.Domain.Inputs.InputEcho.Prefix(context.Request.Path.Value));
        }
    }

    private void Disable(Exception? error)
    {
        if (Interlocked.Exchange(ref unavailable, 1) == 0)
        {
            LogUnavailable(logger, error);
        }
    }

    private static KestrelProducerFields? Fields(object stream)
    {
        var known = Volatile.Read(ref fields);
        if (known is not null && known.StreamType == stream.GetType())
        {
            return known;
        }

        var found = KestrelProducerFields.Find(stream.GetType());
        Volatile.Write(ref fields, found);
        return found;
    }

    [LoggerMessage(EventId = 7310, Level = LogLevel.Warning,
        Message = "HTTP/2 stream {StreamId} ({Path}) was reused still marked scheduled by Kestrel's lost-response race (dotnet/aspnetcore#53736); the mark was cleared so its response is written")]
    private static partial void LogRepaired(ILogger logger, int streamId, string path);

    [LoggerMessage(EventId = 7311, Level = LogLevel.Warning,
        Message = "The HTTP/2 lost-response repair is off: this runtime's Kestrel does not have the internals it checks (dotnet/aspnetcore#53736 may be fixed here); callers should keep deadlines on every call")]
    private static partial void LogUnavailable(ILogger logger, Exception? error);

    /// <summary>The private fields of Kestrel's Http2Stream / Http2OutputProducer the repair reads, as of ASP.NET Core 10.0.</summary>
    private sealed class KestrelProducerFields
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        private readonly FieldInfo output;
        private readonly FieldInfo isScheduled;
        private readonly FieldInfo unconsumedBytes;
        private readonly FieldInfo currentState;
        private readonly FieldInfo unobservedState;
        private readonly FieldInfo writerLock;

        private KestrelProducerFields(Type streamType, FieldInfo output, FieldInfo isScheduled, FieldInfo unconsumedBytes, FieldInfo currentState, FieldInfo unobservedState, FieldInfo writerLock)
        {
            StreamType = streamType;
            this.output = output;
            this.isScheduled = isScheduled;
            this.unconsumedBytes = unconsumedBytes;
            this.currentState = currentState;
            this.unobservedState = unobservedState;
            this.writerLock = writerLock;
        }

        public Type StreamType { get; }

        public static KestrelProducerFields? Find(Type streamType)
        {
            var output = Field(streamType, "_http2Output");
            var producer = output?.FieldType;
            if (output is null || producer?.FullName != "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http2.Http2OutputProducer")
            {
                return null;
            }

            return Field(producer, "_isScheduled") is { } scheduled && scheduled.FieldType == typeof(bool)
                && Field(producer, "_unconsumedBytes") is { } unconsumed && unconsumed.FieldType == typeof(long)
                && Field(producer, "_currentState") is { } current && current.FieldType.IsEnum
                && Field(producer, "_unobservedState") is { } unobserved && unobserved.FieldType.IsEnum
                && Field(producer, "_dataWriterLock") is { } gate && gate.FieldType == typeof(Lock)
                ? new KestrelProducerFields(streamType, output, scheduled, unconsumed, current, unobserved, gate)
                : null;
        }

        /// <summary>Clears the mark if the producer holds nothing to write or observe (a request about to run); true if it did.</summary>
        public bool ClearStaleMark(object stream)
        {
            // Nearly every request finds the mark clear: read it once without the lock, and lock only to act on it.
            var producer = output.GetValue(stream);
            if (producer is null || !(bool)isScheduled.GetValue(producer)! || writerLock.GetValue(producer) is not Lock gate)
            {
                return false;
            }

            using (gate.EnterScope())
            {
                if (!(bool)isScheduled.GetValue(producer)!
                    || (long)unconsumedBytes.GetValue(producer)! != 0
                    || Convert.ToInt32(currentState.GetValue(producer), System.Globalization.CultureInfo.InvariantCulture) != 0
                    || Convert.ToInt32(unobservedState.GetValue(producer), System.Globalization.CultureInfo.InvariantCulture) != 0)
                {
                    return false;
                }

                isScheduled.SetValue(producer, false);
                return true;
            }
        }

        public void SetMark(object stream)
        {
            var producer = output.GetValue(stream)!;
            using (((Lock)writerLock.GetValue(producer)!).EnterScope())
            {
                isScheduled.SetValue(producer, true);
            }
        }

        private static FieldInfo? Field(Type type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.GetField(name, Instance) is { } field)
                {
                    return field;
                }
            }

            return null;
        }
    }
}
