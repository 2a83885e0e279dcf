namespace CableTest.Storage.Influx;

/// <summary>How the server answered one write request.</summary>
public enum WriteOutcomeKind
{
    /// <summary>2xx: every point stored.</summary>
    Delivered,

    /// <summary>Network failure, timeout, 429 or 5xx: try the same batch again later.</summary>
    Retry,

    /// <summary>413: the body is too large; split the batch.</summary>
    TooLarge,

    /// <summary>400 or 422: something in the batch is malformed; bisect to find it.</summary>
    Rejected,

    /// <summary>401, 403, 404...: configuration or permissions; retried slowly and alarmed, never dropped.</summary>
    Misconfigured,
}

/// <summary>The answer to one write request.</summary>
public readonly record struct WriteOutcome(WriteOutcomeKind Kind, int StatusCode, string Message, TimeSpan? RetryAfter = null);
