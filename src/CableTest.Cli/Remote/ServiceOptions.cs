using System.CommandLine;

namespace CableTest.Cli.Remote;

/// <summary>
/// The options every command that talks to the service shares: <c>--server</c> and <c>--api-key</c>
/// (default from the environment variable <c>CABLETEST_API_KEY</c>).
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

    /// <summary>Adds both options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
        return command;
    }

    /// <summary>The connection the parsed options describe; <see cref="UriFormatException"/> for a bad --server.</summary>
    public ServiceConnection Connect(ParseResult parse)
    {
        var server = parse.GetValue(Server) ?? DefaultServer;
        var key = parse.GetValue(ApiKey);
        if (string.IsNullOrEmpty(key))
        {
            key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        }

        return ServiceConnection.Open(server, string.IsNullOrEmpty(key) ? null : key);
    }
}
