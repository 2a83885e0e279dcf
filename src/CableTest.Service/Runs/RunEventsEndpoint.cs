using System.Globalization;
using Google.Protobuf;

namespace CableTest.Service.Runs;

/// <summary>
/// Server-sent events for the dashboard: one RunEvent in proto3 JSON per message, the same stream as gRPC WatchRun,
/// and an <c>end</c> event when the run has ended. Without it the end of the response looks like a dropped
/// connection to an EventSource, which reconnects after a few seconds, gets the ended run's snapshot and is closed
/// again, for as long as the page stays open.
/// </summary>
internal static class RunEventsEndpoint
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public static async Task StreamAsync(string runId, HttpContext context, RunOrchestrator orchestrator, RunEventHub hub, TimeProvider time)
    {
        var query = context.Request.Query["readingsPerSecond"].ToString();
        var rate = double.TryParse(query, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r) && r >= 0 ? r : 5;
        var cancellationToken = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await foreach (var e in RunWatch.EventsAsync(orchestrator, hub, runId, rate, time, cancellationToken).ConfigureAwait(false))
            {
                await context.Response.WriteAsync("data: " + Json.Format(e) + "\n\n", cancellationToken).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await context.Response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.NotFoundException)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away.
        }
    }
}
