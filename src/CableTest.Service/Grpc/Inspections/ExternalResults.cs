using CableTest.Domain.Comparison;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>A request's cabletest.external-inspection/1 document read as CompareInspections and RecordExternalInspection both read it.</summary>
internal static class ExternalResults
{
    /// <summary>The document as JSON and the inspection it states; a problem is INVALID_ARGUMENT naming the field under <paramref name="field"/>.</summary>
    public static (string Json, Inspection Inspection) Read(Struct? document, string field)
    {
        if (document is null)
        {
            throw new RequestValidationException([new FieldViolation(field, $"required: another lab's results ({ExternalInspectionFile.Schema}, docs/reinspection.md)")]);
        }

        var json = JsonFormatter.Default.Format(document);
        try
        {
            return (json, ExternalInspectionFile.Parse(json));
        }
        catch (ExternalInspectionException e)
        {
            throw new RequestValidationException([new FieldViolation(e.Field.Length == 0 ? field : field + "." + e.Field, e.Problem)]);
        }
    }
}
