using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>
/// A start that failed on something the operator can fix (a bad setting, a port in use, a data
/// directory that cannot be used) ends with exit code 2 and ONE line on stderr naming the key or the
/// port; the host's own "Hosting failed to start" log with its stack trace is held back while the
/// service starts (<see cref="HoldBackHostFailureLog"/>). Anything else is a bug: exit 1, and the
/// whole exception on stderr.
/// </summary>
public static partial class StartupErrors
{
    public const int ConfigurationExitCode = 2;
    public const int FailureExitCode = 1;
    private const string Program = "cabletest-service";
    private static volatile bool started;

    /// <summary>Runs the service (<paramref name="run"/> builds and runs the host) and turns failures into an exit code.</summary>
    public static async Task<int> GuardAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await run().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (Describe(e) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{Program}: {problem}").ConfigureAwait(false);
            return ConfigurationExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"{Program}: {(started ? "stopped by an unexpected error" : "failed to start")}: {e}").ConfigureAwait(false);
            return FailureExitCode;
        }
    }

    /// <summary>
    /// Keeps the host's error log quiet until the service has started (the failure is reported by
    /// <see cref="GuardAsync"/> instead); after that, a background service's failure is logged as usual.
    /// </summary>
    public static void HoldBackHostFailureLog(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // (A filter for a category replaces the configured level for it: keep Information as the floor.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (level < LogLevel.Error || started));
    }

    /// <summary>Called once the host has started.</summary>
    public static void Started() => started = true;

    /// <summary>One line for a failure the operator can fix, or null.</summary>
    public static string? Describe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupConfigurationException s:
                    return "configuration error: " + s.Message;
                case OptionsValidationException v:
                    return "configuration error: " + string.Join("; ", v.Failures);
                case AggregateException a when a.InnerExceptions.Select(Describe).FirstOrDefault(d => d is not null) is { } inner:
                    return inner;
                case InvalidOperationException when ConversionFailure().Match(e.Message) is { Success: true } m:
                    return $"configuration error: {m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not {Expected(m.Groups["type"].Value)}";
                case InvalidOperationException when e.Message.StartsWith("urls:", StringComparison.Ordinal):
                    return "configuration error: " + e.Message;
                case IOException when e.InnerException is AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                    return PortInUse(e.Message);
            }
        }

        return null;
    }

    private static string PortInUse(string message)
    {
        var m = BindAddress().Match(message);
        if (m.Success && Uri.TryCreate(m.Groups["url"].Value.TrimEnd(':'), UriKind.Absolute, out var url))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"cannot listen: port {url.Port} on {url.Host} is already in use by another program (urls = {url.GetLeftPart(UriPartial.Authority)}; choose another port with --urls)");
        }

        return "cannot listen: " + message + " (choose another port with --urls)";
    }

    private static string Expected(string type) => type switch
    {
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt16" or "System.UInt32" or "System.Byte" => "a whole number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:05 (hh:mm:ss)",
        "System.DateOnly" => "a date such as 2027-01-31",
        "System.Uri" => "a URL",
        _ => "a valid " + type[(type.LastIndexOf('.') + 1)..],
    };

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();

    [GeneratedRegex(@"bind to address (?<url>\S+)")]
    private static partial Regex BindAddress();
}
