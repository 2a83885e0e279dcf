using CableTest.Runs.Ports;
using CableTest.Storage.Readings;
using Google.Protobuf.WellKnownTypes;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>A run's readings: into the durable journal (then InfluxDB and the local store) and out to the watchers. Never rewrites the run document.</summary>
internal sealed class RunReadingSink(ActiveRun active, Bench.Bench bench, ReadingJournal journal, RunEventHub events, TimeProvider time) : IReadingSink
{
    public async ValueTask<string> TakeAsync(string stepId, StepReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var id = $"{active.RunId}/{stepId}/{reading.Index}";
        var now = time.GetUtcNow();
        var core = active.Run.Steps.FirstOrDefault(s => s.StepId == stepId)?.Core ?? "";
        await journal.TakeAsync(new Reading(id, reading.Measurement, bench.BenchId, active.Run.SampleId, active.RunId, stepId, core, reading.InstrumentId, now, reading.StepTimeS, reading.Values), cancellationToken).ConfigureAwait(false);
        Telemetry.RunTelemetry.ReadingTaken(reading.Measurement);
        bench.Instruments.FirstOrDefault(i => i.Id == reading.InstrumentId)?.Seen(now);
        foreach (var (quantity, value) in reading.Values)
        {
            events.Publish(active.RunId, new V1.RunEvent
            {
                Time = Timestamp.FromDateTimeOffset(now),
                Reading = new V1.Reading { ReadingId = id, Time = Timestamp.FromDateTimeOffset(now), Quantity = quantity, Value = value, InstrumentId = reading.InstrumentId, StepId = stepId, Core = core, StepTimeS = reading.StepTimeS },
            });
        }

        return id;
    }
}
