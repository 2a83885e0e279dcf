using CableTest.Contracts.V1;
using CableTest.Domain.Comparison;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>The inspections of a sample: its runs with a verdict record and other labs' results recorded with it.</summary>
internal sealed class SampleInspections(IRunStore store, TimeProvider time)
{
    public async Task<ExternalInspection> RecordAsync(string sampleId, string json, Inspection external, string recordedBy, CancellationToken cancellationToken)
    {
        _ = await store.GetSampleAsync(sampleId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("sample", sampleId);
        if (external.SampleId.Length > 0 && !string.Equals(external.SampleId, sampleId, StringComparison.Ordinal))
        {
            throw new RequestValidationException([new FieldViolation("external_results.sample_id",
                $"\"{external.SampleId}\" is not sample {sampleId}: leave sample_id out if the other lab coded it otherwise")]);
        }

        // Milliseconds, as stored: the answer is what a later list shows.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var record = new ExternalInspectionRecord(Guid.NewGuid().ToString("N"), sampleId, external.Label, json, recordedBy, now);
        if (!await store.TryAddExternalInspectionAsync(record, cancellationToken).ConfigureAwait(false))
        {
            throw new AlreadyExistsException("external inspection of sample " + sampleId, external.Label);
        }

        return ToProto(record, external);
    }

    public async Task<ListInspectionsResponse> ListAsync(string sampleId, CancellationToken cancellationToken)
    {
        _ = await store.GetSampleAsync(sampleId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("sample", sampleId);
        var response = new ListInspectionsResponse();
        var after = 0L;
        while (true)
        {
            var page = await store.ListVerdictsAsync(new VerdictQuery { SampleId = sampleId, AfterSequence = after, PageSize = 100 }, cancellationToken).ConfigureAwait(false);
            response.Runs.AddRange(page.Verdicts.Select(v => InspectionMapping.Summary(VerdictDocument.FromStored(v))));
            if (page.NextAfterSequence is not { } next)
            {
                break;
            }

            after = next;
        }

        foreach (var record in await store.ListExternalInspectionsAsync(sampleId, cancellationToken).ConfigureAwait(false))
        {
            response.External.Add(ToProto(record, ExternalInspectionFile.Parse(record.Json)));
        }

        return response;
    }

    private static ExternalInspection ToProto(ExternalInspectionRecord record, Inspection external) => new()
    {
        InspectionId = record.InspectionId,
        SampleId = record.SampleId,
        Label = record.Label,
        Outcome = external.Outcome?.ToProto() ?? Outcome.Unspecified,
        ExternalResults = Struct.Parser.ParseJson(record.Json),
        RecordedBy = record.RecordedBy,
        RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt),
    };
}
