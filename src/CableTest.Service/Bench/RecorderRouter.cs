using CableTest.Instruments.Recording;

namespace CableTest.Service.Bench;

/// <summary>Every line records here; exchanges go to the active run's recording, if one is open.</summary>
public sealed class RecorderRouter : IExchangeRecorder
{
    private volatile IExchangeRecorder? _target;

    /// <summary>Sends exchanges to <paramref name="target"/> until <see cref="Detach"/>.</summary>
    public void Attach(IExchangeRecorder target) => _target = target;

    /// <summary>Stops forwarding.</summary>
    public void Detach() => _target = null;

    /// <inheritdoc />
    public void Record(ExchangeRecord exchange)
    {
        Telemetry.InstrumentTelemetry.Exchange(exchange);
        _target?.Record(exchange);
    }
}
