using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;

namespace CableTest.Service.Grpc.Inputs;

/// <summary>
/// The input policy for a sealed sampling record: one-line text fields, a manufacturer and a seal number (what a
/// spot check cannot do without), a production date as marked (yyyy-mm-dd or yyyy-mm) and a real sampling time.
/// </summary>
internal static class SamplingRecordRules
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM"];

    public static void Check(SamplingRecord record, string prefix, RequestRules rules)
    {
        Text(rules, record.SamplingBody, prefix, "sampling_body");
        Text(rules, record.Sampler, prefix, "sampler");
        Required(rules, record.Manufacturer, prefix, "manufacturer");
        Text(rules, record.Brand, prefix, "brand");
        Text(rules, record.Lot, prefix, "lot");
        Text(rules, record.ProductionDate, prefix, "production_date");
        Text(rules, record.SampledAtPlace, prefix, "sampled_at_place");
        Required(rules, record.SealNumber, prefix, "seal_number");
        Text(rules, record.RetainedPortionLocation, prefix, "retained_portion_location");
        if (record.ProductionDate.Length > 0
            && !DateTime.TryParseExact(record.ProductionDate, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            rules.Add($"{prefix}.production_date", $"\"{record.ProductionDate}\" is not a date as marked: yyyy-mm-dd or yyyy-mm");
        }

        if (record.SampledAt is { } at && (at.Seconds is < -62135596800 or > 253402300799 || at.Nanos is < 0 or > 999_999_999))
        {
            rules.Add($"{prefix}.sampled_at", "is not a valid time (years 1 to 9999)");
        }
    }

    private static void Required(RequestRules rules, string value, string prefix, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            rules.Add($"{prefix}.{field}", "required in a sampling record");
            return;
        }

        Text(rules, value, prefix, field);
    }

    private static void Text(RequestRules rules, string value, string prefix, string field) =>
        rules.Text(value, TextRule.ShortText, $"{prefix}.{field}");
}
