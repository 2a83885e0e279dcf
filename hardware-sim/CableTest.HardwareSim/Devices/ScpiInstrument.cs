using System.Globalization;
using CableTest.Protocols.Scpi;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// A simulated SCPI instrument: the IEEE 488.2 common commands (*IDN?, *RST, *CLS, *OPC?), a
/// <c>SYST:ERR?</c> error queue (oldest first, 16 deep, -350 on overflow) and the model's own commands.
/// Unknown headers queue -113; bad values -222 (out of range) or -224 (illegal value). Thread-safe.
/// </summary>
internal abstract class ScpiInstrument(BenchPhysics bench, string model, int seedSalt)
{
    private const int QueueDepth = 16;
    private readonly Queue<ScpiError> errors = new();

    protected BenchPhysics Bench { get; } = bench;

    protected Lock Gate { get; } = new();

    /// <summary>Seeded noise source of this instrument.</summary>
    protected Random Random { get; } = new(unchecked((bench.Seed * 31) + seedSalt));

    public string Model { get; } = model;

    /// <summary>Executes one line; returns the reply line (no terminator), or null when nothing is to be sent.</summary>
    public string? Execute(string line)
    {
        var command = ScpiCommand.Parse(line);
        lock (Gate)
        {
            if (command.Header.Length == 0)
            {
                return null;
            }

            if (command.Header.Equals("*IDN", StringComparison.OrdinalIgnoreCase) && command.IsQuery)
            {
                return string.Create(CultureInfo.InvariantCulture, $"CableTest,{Model},SIM{Bench.Seed:D6},1.0");
            }

            if (command.Header.Equals("*RST", StringComparison.OrdinalIgnoreCase) && !command.IsQuery)
            {
                Reset();
                return null;
            }

            if (command.Header.Equals("*CLS", StringComparison.OrdinalIgnoreCase) && !command.IsQuery)
            {
                errors.Clear();
                return null;
            }

            if (command.Header.Equals("*OPC", StringComparison.OrdinalIgnoreCase) && command.IsQuery)
            {
                return "1";
            }

            if (command.Is("SYSTem:ERRor") && command.IsQuery)
            {
                return (errors.Count > 0 ? errors.Dequeue() : new ScpiError(0, "No error")).ToString();
            }

            var handled = Handle(command, out var reply);
            if (!handled)
            {
                PushError(-113, "Undefined header");
                return null;
            }

            return reply;
        }
    }

    /// <summary>Queues an error (also used for injected <c>scpi_error</c> faults).</summary>
    public void PushError(int code, string message)
    {
        lock (Gate)
        {
            if (errors.Count >= QueueDepth - 1)
            {
                if (errors.Count == QueueDepth - 1)
                {
                    errors.Enqueue(new ScpiError(-350, "Queue overflow"));
                }

                return;
            }

            errors.Enqueue(new ScpiError(code, message));
        }
    }

    /// <summary>Standard SCPI text of a few error numbers.</summary>
    public static string ErrorText(int code) => code switch
    {
        -100 => "Command error",
        -104 => "Data type error",
        -113 => "Undefined header",
        -200 => "Execution error",
        -221 => "Settings conflict",
        -222 => "Data out of range",
        -224 => "Illegal parameter value",
        -240 => "Hardware error",
        -350 => "Queue overflow",
        _ => "Device-specific error",
    };

    /// <summary>Handles a model command under <see cref="Gate"/>; false when the header is unknown.</summary>
    protected abstract bool Handle(ScpiCommand command, out string? reply);

    /// <summary>Back to power-on settings (under <see cref="Gate"/>).</summary>
    protected abstract void Reset();

    /// <summary>Parses a numeric argument or queues -104 / -222; null on error.</summary>
    protected double? Number(ScpiCommand command, double min, double max)
    {
        if (!ScpiNumbers.TryParse(command.Argument, out var value) || value.Kind != ScpiValueKind.Number)
        {
            PushError(-104, "Data type error");
            return null;
        }

        if (value.Value < min || value.Value > max)
        {
            PushError(-222, "Data out of range");
            return null;
        }

        return value.Value;
    }

    /// <summary>Parses ON/OFF/1/0 or queues -224; null on error.</summary>
    protected bool? Boolean(ScpiCommand command)
    {
        switch (command.Argument.ToUpperInvariant())
        {
            case "ON" or "1":
                return true;
            case "OFF" or "0":
                return false;
            default:
                PushError(-224, "Illegal parameter value");
                return null;
        }
    }
}
