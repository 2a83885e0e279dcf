using CableTest.Runs.Ports;

namespace CableTest.Service.Runs;

/// <summary>The bench's safe state as the procedures' port.</summary>
internal sealed class BenchSafeState(Bench.Bench bench) : ISafeState
{
    public Task<bool> MakeSafeAsync(string reason, CancellationToken cancellationToken) => bench.MakeSafeAsync(reason, cancellationToken);
}
