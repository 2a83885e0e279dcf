using System.CommandLine;

namespace CableTest.Cli.Remote;

/// <summary>
/// The options every command that talks to the service shares: <c>--server</c>, <c>--api-key</c>
/// (default from the environment variable <c>CABLETEST_API_KEY</c>) and <c>--timeout</c>.
/// </summary>
internal sealed class ServiceOptions
{
    public const string DefaultServer = "http://localhost:5180";
    public const string ApiKeyVariable = "CABLETEST_API_KEY";

    public Option<string> Server { get; } = new("--server", "-s")
    {
        Description = "Address of the CableTest service",
        DefaultValueFactory = _ => DefaultServer,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key sent as x-api-key (default: ${ApiKeyVariable}; none: anonymous, allowed on loopback by default)",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each answer from the service (not for a replay or a run's progress); 0: no limit",
        DefaultValueFactory = _ => ServiceConnection.DefaultTimeout.TotalSeconds,
    };

    /// <summary>Adds the options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
        command.Options.Add(Timeout);
        return command;
    }

    /// <summary>The connection the parsed options describe; <see cref="FormatException"/> for a bad --server or --timeout.</summary>
    public ServiceConnection Connect(ParseResult parse)
    {
        var server = parse.GetValue(Server) ?? DefaultServer;
        var key = parse.GetValue(ApiKey);
        if (string.IsNullOrEmpty(key))
        {
            key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        }

        var seconds = parse.GetValue(Timeout);
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > 86_400)
        {
            throw new FormatException($"--timeout {seconds} is not a number of seconds from 0 to 86400");
        }

        return ServiceConnection.Open(server, string.IsNullOrEmpty(key) ? null : key, seconds == 0 ? null : TimeSpan.FromSeconds(seconds));
    }
}
