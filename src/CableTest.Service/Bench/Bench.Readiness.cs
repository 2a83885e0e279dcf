using CableTest.Instruments.Drivers;
using CableTest.Transports;

namespace CableTest.Service.Bench;

public sealed partial class Bench
{
    /// <summary>
    /// Why a run needing <paramref name="roles"/> cannot start now, in words (empty: it can): the bench not connected,
    /// a role with no instrument, an instrument whose last exchange failed, and, whatever the roles, high voltage not
    /// confirmed off. From what is known now; <see cref="ReadinessAsync"/> asks the instruments again first.
    /// </summary>
    public IReadOnlyList<string> Readiness(IEnumerable<InstrumentRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!IsConnected)
        {
            return ["the bench is not connected yet"];
        }

        var problems = new List<string>();
        foreach (var role in roles.Distinct().Order())
        {
            if (!_instruments.TryGetValue(role, out var instrument))
            {
                problems.Add($"the bench has no {InstrumentRoles.Name(role)} (Bench:Instruments)");
            }
            else if (instrument.Problem is { Length: > 0 } problem)
            {
                problems.Add($"{instrument.Id} ({InstrumentRoles.Name(role)}) is not ready: {problem}");
            }
        }

        var hipot = _instruments.GetValueOrDefault(InstrumentRole.WithstandTester);
        // A replay bench's instruments are a recording: there is no high voltage to confirm.
        if (ReplayOf is null && Safety?.LastConfirmation is not { Confirmed: true } && problems.All(p => hipot is null || !p.StartsWith(hipot.Id + " ", StringComparison.Ordinal)))
        {
            problems.Add(Safety?.LastConfirmation is { } last
                ? $"{hipot?.Id ?? "the withstand tester"}: high voltage not confirmed off ({last.Reason}): {last.Error}"
                : "high voltage has not been confirmed off since the bench connected");
        }

        return problems;
    }

    /// <summary>
    /// As <see cref="Readiness"/>, after asking again: each needed instrument whose last exchange failed identifies
    /// itself once more, and a safe state not confirmed is tried again. A few seconds at most per failing instrument.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadinessAsync(IEnumerable<InstrumentRole> roles, CancellationToken cancellationToken)
    {
        var needed = roles.Distinct().ToList();
        if (IsConnected)
        {
            foreach (var instrument in needed.Select(r => _instruments.GetValueOrDefault(r)).OfType<BenchInstrument>().Where(i => i.LastError.Length > 0))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    instrument.Identity = await instrument.Driver.IdentifyAsync(timeout.Token).ConfigureAwait(false);
                    instrument.Seen(_time.GetUtcNow());
                }
                catch (Exception e) when (e is CableTest.Instruments.InstrumentException or TransportException
                    || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    instrument.Failed(e is OperationCanceledException ? "no answer to identify within 5 s" : e.Message);
                }
            }

            if (ReplayOf is null && Safety?.LastConfirmation is not { Confirmed: true })
            {
                await MakeSafeAsync("readiness check before a run", cancellationToken).ConfigureAwait(false);
            }
        }

        return Readiness(needed);
    }
}
