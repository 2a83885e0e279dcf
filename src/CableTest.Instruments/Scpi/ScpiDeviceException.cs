using CableTest.Protocols.Scpi;

namespace CableTest.Instruments.Scpi;

/// <summary>The instrument put an entry in its error queue after a command (read with <c>SYST:ERR?</c>).</summary>
public sealed class ScpiDeviceException : InstrumentException
{
    /// <summary>Creates the exception for the command and the errors it caused.</summary>
    public ScpiDeviceException(string command, IReadOnlyList<ScpiError> errors)
        : base($"instrument rejected \"{command}\": {string.Join("; ", errors)}")
    {
        Command = command;
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public ScpiDeviceException()
    {
        Command = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception.</summary>
    public ScpiDeviceException(string message)
        : base(message)
    {
        Command = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception.</summary>
    public ScpiDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
        Errors = [];
    }

    /// <summary>The command after which the errors were read.</summary>
    public string Command { get; }

    /// <summary>The error queue entries, oldest first.</summary>
    public IReadOnlyList<ScpiError> Errors { get; }
}
