namespace CableTest.Storage.Runs;

/// <summary>
/// Wakes verdict-feed readers when this process appends a verdict, so a live tail does not poll.
/// Appends made by another process (benches sharing one PostgreSQL) do not signal here: readers
/// must also re-read on a timer, which <see cref="WaitAsync"/> supports with its maximum wait.
/// </summary>
public sealed class VerdictFeedSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = NewSource();
    private long lastSequence;

    /// <summary>The newest sequence this process appended (0 before the first append).</summary>
    public long LastSequence => Volatile.Read(ref lastSequence);

    /// <summary>Called after a verdict at <paramref name="sequence"/> is committed.</summary>
    public void Publish(long sequence)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            if (sequence > lastSequence)
            {
                Volatile.Write(ref lastSequence, sequence);
            }

            woken = next;
            next = NewSource();
        }

        woken.TrySetResult();
    }

    /// <summary>
    /// Completes when a verdict after <paramref name="afterSequence"/> is published, or after
    /// <paramref name="maxWait"/> (whichever comes first); the caller re-reads the store either way.
    /// </summary>
    public async Task WaitAsync(long afterSequence, TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        Task published;
        lock (gate)
        {
            if (lastSequence > afterSequence)
            {
                return;
            }

            published = next.Task;
        }

        try
        {
            await published.WaitAsync(maxWait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Time to look at the store anyway (appends from other processes).
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
