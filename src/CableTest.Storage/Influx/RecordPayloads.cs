using System.Collections;
using CableTest.Storage.Outbox;

namespace CableTest.Storage.Influx;

/// <summary>The lines of a batch of outbox records as a writer takes them, without copying them into another array.</summary>
internal sealed class RecordPayloads(IReadOnlyList<OutboxRecord> records) : IReadOnlyList<ReadOnlyMemory<byte>>
{
    public int Count => records.Count;

    public ReadOnlyMemory<byte> this[int index] => records[index].Payload;

    public IEnumerator<ReadOnlyMemory<byte>> GetEnumerator()
    {
        for (var i = 0; i < records.Count; i++)
        {
            yield return records[i].Payload;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
