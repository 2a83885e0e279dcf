using Microsoft.Extensions.Options;

namespace CableTest.Storage.Outbox;

/// <summary>Startup validation of <see cref="OutboxOptions"/>; each error names its key.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Directory))
        {
            errors.Add("Outbox:Directory is required");
        }

        if (o.SegmentBytes < 4096)
        {
            errors.Add("Outbox:SegmentBytes must be at least 4096");
        }

        if (o.MaxBytes < 2 * o.SegmentBytes)
        {
            errors.Add("Outbox:MaxBytes must be at least twice Outbox:SegmentBytes");
        }

        if (o.MaxAge <= TimeSpan.Zero)
        {
            errors.Add("Outbox:MaxAge must be positive");
        }

        if (o.RetainDelivered < TimeSpan.Zero || o.RetainDelivered >= o.MaxAge)
        {
            errors.Add("Outbox:RetainDelivered must be zero or positive and shorter than Outbox:MaxAge");
        }

        if (o.CursorSyncInterval < TimeSpan.Zero || o.CursorSyncInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add("Outbox:CursorSyncInterval must be between 00:00:00 and 00:01:00");
        }

        if (o.WarningFraction is <= 0 or >= 1 || o.CriticalFraction is <= 0 or >= 1 || o.WarningFraction >= o.CriticalFraction)
        {
            errors.Add("Outbox:WarningFraction and Outbox:CriticalFraction must satisfy 0 < warning < critical < 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
