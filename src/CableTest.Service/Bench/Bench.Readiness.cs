using System.Globalization;
using CableTest.Instruments;
using CableTest.Instruments.Drivers;
using CableTest.Transports;

namespace CableTest.Service.Bench;

public sealed partial class Bench
{
    /// <summary>How long an instrument has to answer when asked (longer than the profiles' line timeouts, so the line names the failure).</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Why a run needing <paramref name="roles"/> cannot start now (empty: it can), from what is known: the bench not
    /// connected, a role with no instrument, a needed instrument whose last exchange failed, and, whatever the roles,
    /// the withstand tester not answering or its high voltage not confirmed off. <see cref="ReadinessAsync"/> asks first.
    /// </summary>
    public IReadOnlyList<BenchProblem> Readiness(IEnumerable<InstrumentRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!IsConnected)
        {
            return [new BenchProblem(BenchProblem.NotConnected, BenchId, "the bench is not connected yet")];
        }

        var problems = new List<BenchProblem>();
        foreach (var role in roles.Distinct().Order())
        {
            if (!_instruments.TryGetValue(role, out var instrument))
            {
                problems.Add(new BenchProblem(BenchProblem.NoInstrument, InstrumentRoles.Name(role),
                    $"the bench has no {InstrumentRoles.Name(role)}; configure one under Bench:Instruments"));
            }
            else if (role != InstrumentRole.WithstandTester && instrument.LastError is { Length: > 0 } error)
            {
                problems.Add(new BenchProblem(BenchProblem.Unreachable, instrument.Id,
                    $"{instrument.Id} ({InstrumentRoles.Name(role)}) does not answer: {error}"));
            }
        }

        if (HighVoltageProblem() is { } highVoltage)
        {
            problems.Insert(0, highVoltage);
        }

        return problems;
    }

    /// <summary>
    /// As <see cref="Readiness"/>, after asking: each needed instrument and the withstand tester are pinged
    /// (<see cref="CableTest.Instruments.Drivers.IInstrument.PingAsync"/>, at once, <see cref="ProbeTimeout"/> each), and a safe state not confirmed is tried again when the tester answers.
    /// A replay bench answers from its recording: nothing to ask, nothing to confirm.
    /// </summary>
    public async Task<IReadOnlyList<BenchProblem>> ReadinessAsync(IEnumerable<InstrumentRole> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var needed = roles.Distinct().ToList();
        if (!IsConnected || ReplayOf is not null)
        {
            return IsConnected ? [] : Readiness(needed);
        }

        var asked = needed.Append(InstrumentRole.WithstandTester).Distinct()
            .Select(r => _instruments.GetValueOrDefault(r)).OfType<BenchInstrument>();
        await Task.WhenAll(asked.Select(i => ProbeAsync(i, cancellationToken))).ConfigureAwait(false);
        if (_instruments.TryGetValue(InstrumentRole.WithstandTester, out var hipot) && hipot.LastError.Length == 0
            && Safety?.LastConfirmation is not { Confirmed: true })
        {
            await MakeSafeAsync("readiness check before a run", cancellationToken).ConfigureAwait(false);
        }

        return Readiness(needed);
    }

    /// <summary>The withstand tester not answering, or its output not confirmed off since the last safe-state action; null when confirmed.</summary>
    private BenchProblem? HighVoltageProblem()
    {
        if (ReplayOf is not null || !_instruments.TryGetValue(InstrumentRole.WithstandTester, out var hipot))
        {
            return null;
        }

        var who = $"{hipot.Id} ({InstrumentRoles.Name(InstrumentRole.WithstandTester)})";
        if (hipot.LastError is { Length: > 0 } error)
        {
            return new BenchProblem(BenchProblem.HighVoltageNotConfirmedOff, hipot.Id, $"{who} does not answer, so its high voltage cannot be confirmed off: {error}");
        }

        return Safety?.LastConfirmation switch
        {
            { Confirmed: true } => null,
            { } last => new BenchProblem(BenchProblem.HighVoltageNotConfirmedOff, hipot.Id, $"{who}: high voltage not confirmed off ({last.Reason}): {last.Error}"),
            null => new BenchProblem(BenchProblem.HighVoltageNotConfirmedOff, hipot.Id, $"{who}: high voltage has not been confirmed off since the bench connected"),
        };
    }

    private async Task ProbeAsync(BenchInstrument instrument, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await instrument.Driver.PingAsync(linked.Token).ConfigureAwait(false);
            instrument.Identity = await instrument.Driver.IdentifyAsync(linked.Token).ConfigureAwait(false);
            instrument.Seen(_time.GetUtcNow());
        }
        catch (Exception e) when (e is InstrumentException or TransportException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? string.Create(CultureInfo.InvariantCulture, $"no answer within {ProbeTimeout.TotalSeconds:0} s") : e.Message;
            instrument.Failed(error);
            LogNoAnswer(_logger, instrument.Id, error);
        }
    }
}
