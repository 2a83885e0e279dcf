using System.Numerics;

namespace CableTest.Storage.Outbox;

/// <summary>
/// The arrays large group commits are kept in as request bodies (DurableOutbox.Tail.cs), used again once no consumer
/// and no request holds them: each such array is new memory otherwise, and on a virtual machine the first touch of a
/// fresh page costs several microseconds (about 12 µs on the development VM, docs/influx.md), more than copying into
/// it. InfluxDB.Client posts a whole <c>byte[]</c>, so an array is sized to a class a little above its lines and the
/// rest filled with newlines, which line protocol reads as empty lines: at most 1/32 of the body, half that on
/// average. Bodies below <see cref="Smallest"/> are not pooled (they come from the GC's young generation, whose
/// memory is reused anyway, and padding would be most of a small body). Holds at most its bound in bytes; the rest
/// is left to the GC.
/// </summary>
internal sealed class TailBodyPool(long maxBytes)
{
    /// <summary>The smallest body kept in a pooled array: the GC's large-object threshold, rounded up.</summary>
    internal const int Smallest = 96 * 1024;

    private readonly Dictionary<int, Stack<byte[]>> free = [];
    private readonly Lock gate = new();
    private long freeBytes;
    private long reused;

    /// <summary>How many arrays were handed out again (for tests).</summary>
    internal long Reused
    {
        get
        {
            lock (gate)
            {
                return reused;
            }
        }
    }

    /// <summary>Bytes in arrays waiting to be used again (for tests).</summary>
    internal long FreeBytes
    {
        get
        {
            lock (gate)
            {
                return freeBytes;
            }
        }
    }

    /// <summary>
    /// The length of the array a body of <paramref name="size"/> bytes is kept in: within each doubling, 32 classes
    /// (so at most 1/32 more than <paramref name="size"/>); below <see cref="Smallest"/> the size itself.
    /// </summary>
    internal static int ClassOf(int size)
    {
        if (size < Smallest)
        {
            return size;
        }

        var step = (int)(BitOperations.RoundUpToPowerOf2((uint)size) / 64);
        return (int)Math.Min(Array.MaxLength, ((long)size + step - 1) / step * step);
    }

    /// <summary>An array of <see cref="ClassOf"/>(<paramref name="size"/>) bytes, used before or new; its contents are whatever they were.</summary>
    public byte[] Rent(int size)
    {
        if (size < Smallest)
        {
            return GC.AllocateUninitializedArray<byte>(size);
        }

        var length = ClassOf(size);
        lock (gate)
        {
            if (free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
            {
                freeBytes -= array.Length;
                reused++;
                return array;
            }
        }

        return GC.AllocateUninitializedArray<byte>(length);
    }

    /// <summary>Takes back an array no one reads any more (the caller makes sure of that); kept while the bound allows.</summary>
    public void Return(byte[] array)
    {
        if (array.Length < Smallest)
        {
            return;
        }

        lock (gate)
        {
            if (freeBytes + array.Length > maxBytes)
            {
                return;
            }

            if (!free.TryGetValue(array.Length, out var stack))
            {
                free[array.Length] = stack = new Stack<byte[]>();
            }

            stack.Push(array);
            freeBytes += array.Length;
        }
    }
}
