namespace CableTest.Storage.Outbox;

/// <summary>
/// The journal reached a bound (bytes or age of the oldest undelivered reading): the reading was
/// NOT taken. The run orchestration stops the run safely; nothing already journalled is dropped.
/// </summary>
public sealed class OutboxFullException(string message) : IOException(message);
