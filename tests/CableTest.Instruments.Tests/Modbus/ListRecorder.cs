using System.Collections.Concurrent;
using CableTest.Instruments.Recording;

namespace CableTest.Instruments.Tests.Modbus;

internal sealed class ListRecorder : IExchangeRecorder
{
    public ConcurrentQueue<ExchangeRecord> Records { get; } = new();

    public void Record(ExchangeRecord exchange) =>
        Records.Enqueue(exchange with { Request = exchange.Request.ToArray(), Reply = exchange.Reply.ToArray() });
}
