using System.Diagnostics;

namespace CableTest.Transports;

/// <summary>
/// Wakes serial-line timing (a Modbus RTU master's inter-frame guard, the simulator's line-rate emulation) at
/// <see cref="Stopwatch"/> timestamps with sub-millisecond precision and never early.
/// Task.Delay cannot: it counts whole milliseconds and its timer thread, on a loaded 2-core machine, wakes 2–7 ms
/// late. One background thread serves every waiter: it sleeps in 1 ms timed waits for the bulk and, for a precise
/// deadline, spins (yielding the core at every turn) through the final 0.5–1.5 ms only. Coarse deadlines (bytes in
/// the middle of a reply) are served by the timed wait alone, without spinning. Completions run their
/// continuations on the thread pool, never on this thread.
/// </summary>
public sealed class LinePacer
{
    private static readonly long MillisecondTicks = Stopwatch.Frequency / 1000;
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000;
    private readonly object gate = new();
    private readonly PriorityQueue<Waiter, long> queue = new();
    private long earliest = long.MaxValue;
    private Thread? thread;

    private LinePacer()
    {
    }

    /// <summary>The process's pacer.</summary>
    public static LinePacer Shared { get; } = new();

    /// <summary>
    /// Completes at or after <paramref name="timestamp"/> (<see cref="Stopwatch.GetTimestamp"/>): within a few tens of
    /// microseconds when <paramref name="precise"/>, within about a millisecond otherwise.
    /// </summary>
    public Task Until(long timestamp, bool precise, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (Stopwatch.GetTimestamp() >= timestamp)
        {
            return Task.CompletedTask;
        }

        var waiter = new Waiter(precise);
        waiter.Watch(cancellationToken);
        lock (gate)
        {
            queue.Enqueue(waiter, timestamp);
            thread ??= Start();
            if (timestamp < earliest)
            {
                Volatile.Write(ref earliest, timestamp);
                Monitor.Pulse(gate);
            }
        }

        return waiter.Task;
    }

    private Thread Start()
    {
        var t = new Thread(Run) { IsBackground = true, Name = "line-pacer" };
        t.Start();
        return t;
    }

    private void Run()
    {
        while (true)
        {
            var head = SleepUntilDue();
            var spinner = default(SpinWait);
            while (Stopwatch.GetTimestamp() < Volatile.Read(ref earliest) && !head.Task.IsCompleted)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            lock (gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (queue.TryPeek(out var waiter, out var due) && (due <= now || waiter.Task.IsCompleted))
                {
                    queue.Dequeue();
                    waiter.Complete();
                }

                Volatile.Write(ref earliest, queue.TryPeek(out _, out var next) ? next : long.MaxValue);
            }
        }
    }

    /// <summary>Sleeps until the earliest live waiter is due, or is precise and within the spin window; returns it.</summary>
    private Waiter SleepUntilDue()
    {
        lock (gate)
        {
            while (true)
            {
                while (queue.TryPeek(out var cancelled, out _) && cancelled.Task.IsCompleted)
                {
                    queue.Dequeue();
                }

                if (!queue.TryPeek(out var head, out var due))
                {
                    Volatile.Write(ref earliest, long.MaxValue);
                    Monitor.Wait(gate);
                    continue;
                }

                Volatile.Write(ref earliest, due);
                var left = due - Stopwatch.GetTimestamp();
                var sleepMs = head.Precise ? (left - SpinTicks) / MillisecondTicks : (left + MillisecondTicks - 1) / MillisecondTicks;
                if (left <= 0 || sleepMs < 1)
                {
                    return head;
                }

                Monitor.Wait(gate, (int)Math.Min(sleepMs, 1000));
            }
        }
    }

    private sealed class Waiter(bool precise) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private CancellationTokenRegistration registration;

        public bool Precise => precise;

        public void Watch(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).TrySetCanceled(token), this);
            }
        }

        public void Complete()
        {
            registration.Unregister();
            TrySetResult();
        }
    }
}
