using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CableTest.Instruments;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest probe scpi --endpoint serial:///dev/ttyX?baud=9600 | tcp://HOST:5025 --query "*IDN?" [--repeat N]`:
/// prints the reply; with --repeat, the last line is <c>transactions=N seconds=S tps=T errors=E</c>.
/// </summary>
internal static class ProbeScpiCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var endpoint = new Option<string>("--endpoint", "-e")
        {
            Description = "serial:///dev/ttyX?baud=9600&parity=N or tcp://HOST:5025 (raw socket)",
            Required = true,
        };
        var query = new Option<string>("--query", "-q") { Description = "SCPI query, e.g. \"*IDN?\" or \"MEAS:RES?\"", Required = true };
        var terminator = new Option<string>("--terminator") { Description = "lf or crlf, appended to the query", DefaultValueFactory = _ => "lf" };
        var repeat = new Option<int>("--repeat", "-n") { Description = "Send N times and print throughput", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout-ms") { Description = "Reply deadline per query", DefaultValueFactory = _ => 2000 };
        var command = new Command("scpi", "Send a SCPI query and print the reply") { endpoint, query, terminator, repeat, timeout };
        command.SetAction((parse, token) => RunAsync(parse.GetRequiredValue(endpoint), parse.GetRequiredValue(query), parse.GetValue(terminator)!,
            parse.GetValue(repeat), parse.GetValue(timeout), stdout, stderr, token));
        return command;
    }

    internal static async Task<int> RunAsync(string endpointText, string query, string terminator, int repeat, double timeoutMs,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ScpiSession session;
        try
        {
            if (repeat < 1 || !double.IsFinite(timeoutMs) || timeoutMs <= 0)
            {
                throw new ArgumentException("--repeat must be ≥ 1 and --timeout-ms > 0");
            }

            var options = new ScpiSessionOptions
            {
                Device = "probe",
                Timeout = TimeSpan.FromMilliseconds(timeoutMs),
                CheckErrorsAfterCommand = false,
                WriteTerminator = terminator switch
                {
                    "lf" => "\n",
                    "crlf" => "\r\n",
                    _ => throw new ArgumentException("--terminator must be lf or crlf"),
                },
            };
            session = new ScpiSession(ChannelEndpoint.Parse(endpointText).CreateChannel(), options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            await stderr.WriteLineAsync($"probe scpi: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (session.ConfigureAwait(false))
        {
            string? reply = null;
            string? lastError = null;
            var errors = 0;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < repeat; i++)
            {
                try
                {
                    reply = await session.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InstrumentException or TransportException or ArgumentException)
                {
                    errors++;
                    lastError = e.Message;
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (reply is not null)
            {
                await stdout.WriteLineAsync(reply).ConfigureAwait(false);
            }

            if (lastError is not null)
            {
                await stderr.WriteLineAsync($"probe scpi: {errors} failed quer{(errors == 1 ? "y" : "ies")}; last: {lastError}").ConfigureAwait(false);
            }

            if (repeat > 1)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"transactions={repeat} seconds={seconds:0.000} tps={repeat / seconds:0} errors={errors}")).ConfigureAwait(false);
            }

            return errors == 0 ? ExitCodes.Ok : ExitCodes.Communication;
        }
    }
}
