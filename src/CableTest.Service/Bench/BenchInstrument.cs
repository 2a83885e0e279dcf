using CableTest.Instruments.Drivers;
using CableTest.Instruments.Recording;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Bench;

/// <summary>One connected instrument: its driver, identity, line and health.</summary>
public sealed class BenchInstrument(string id, InstrumentRole role, IInstrument driver, string endpoint, string protocol, string certificate, DateOnly? due, string line, int unitId)
{
    private readonly Lock _lock = new();
    private string _lastError = "";
    private string _safetyProblem = "";
    private DateTimeOffset? _lastSeen;

    /// <summary>Configured id.</summary>
    public string Id { get; } = id;

    /// <summary>Role.</summary>
    public InstrumentRole Role { get; } = role;

    /// <summary>The driver.</summary>
    public IInstrument Driver { get; } = driver;

    /// <summary>Line endpoint.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>The line's name in recordings (the channel's name, e.g. <c>serial:/dev/ttyUSB0</c>).</summary>
    public string Line { get; } = line;

    /// <summary>Modbus unit id (0 for SCPI).</summary>
    public int UnitId { get; } = unitId;

    /// <summary>The protocol on its line: scpi, modbus-rtu (a serial line or RS-485 bus) or modbus-tcp (whatever the profile's own default is).</summary>
    public string Protocol { get; } = protocol;

    /// <summary>Calibration certificate.</summary>
    public string Certificate { get; } = certificate;

    /// <summary>Calibration due date, if known.</summary>
    public DateOnly? Due { get; } = due;

    /// <summary>Identity reported by the instrument (after the first successful identify).</summary>
    public InstrumentIdentity? Identity { get; set; }

    /// <summary>True when past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Due is { } d && d < today;

    /// <summary>Notes a successful exchange.</summary>
    public void Seen(DateTimeOffset now)
    {
        lock (_lock)
        {
            _lastSeen = now;
            _lastError = "";
        }
    }

    /// <summary>Notes a failure.</summary>
    public void Failed(string error)
    {
        lock (_lock)
        {
            _lastError = error;
        }
    }

    /// <summary>Notes a safe state this instrument (the withstand tester) confirmed: its output is off.</summary>
    public void SafetyConfirmed(DateTimeOffset now)
    {
        lock (_lock)
        {
            _safetyProblem = "";
            _lastSeen = now;
        }
    }

    /// <summary>Notes a safe state it could not confirm: unhealthy, with <paramref name="problem"/>, until one is confirmed.</summary>
    public void SafetyUnconfirmed(string problem)
    {
        lock (_lock)
        {
            _safetyProblem = problem;
        }
    }

    /// <summary>The last exchange's error ("" when it answered).</summary>
    public string LastError
    {
        get
        {
            lock (_lock)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Why it is not fit to start a run, in words ("" when it is): its high voltage not confirmed off, or its last exchange failed.</summary>
    public string Problem
    {
        get
        {
            lock (_lock)
            {
                return ProblemLocked();
            }
        }
    }

    /// <summary>As a recording's header lists it.</summary>
    public RecordedInstrument ToRecorded() => new(Id, InstrumentRoles.Name(Role), Driver.ProfileName, Protocol, Line, UnitId);

    /// <summary>Healthy: seen, and no error since.</summary>
    public bool Healthy
    {
        get
        {
            lock (_lock)
            {
                return _lastSeen is not null && ProblemLocked().Length == 0;
            }
        }
    }

    /// <summary>As the contract shows it.</summary>
    public V1.InstrumentIdentity ToProto(DateOnly today) => new()
    {
        InstrumentId = Id,
        Role = InstrumentRoles.Name(Role),
        Manufacturer = Identity?.Manufacturer ?? "",
        Model = Identity?.Model ?? "",
        SerialNumber = Identity?.SerialNumber ?? "",
        Firmware = Identity?.Firmware ?? "",
        Profile = Driver.ProfileName,
        CalibrationCertificate = Certificate,
        CalibrationDue = Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        CalibrationOverdue = IsOverdue(today),
    };

    /// <summary>Status for the bench view.</summary>
    public V1.InstrumentStatus Status(DateOnly today)
    {
        lock (_lock)
        {
            return new V1.InstrumentStatus
            {
                Identity = ToProto(today),
                Endpoint = Endpoint,
                Protocol = Protocol,
                Healthy = _lastSeen is not null && ProblemLocked().Length == 0,
                LastError = ProblemLocked(),
                LastSeen = _lastSeen is { } s ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(s) : null,
            };
        }
    }

    private string ProblemLocked() =>
        _safetyProblem.Length == 0 ? _lastError : _lastError.Length == 0 || _lastError == _safetyProblem ? _safetyProblem : _safetyProblem + "; " + _lastError;
}
