using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CableTest.Service.Hosting;

/// <summary>
/// Binds the service's URLs (default http://localhost:5180; <c>--urls</c> or ASPNETCORE_URLS
/// override). Cleartext URLs serve gRPC and HTTP/1.1 on the same port through
/// <see cref="CleartextPortRouter"/>; https URLs negotiate both with ALPN.
/// </summary>
internal static class KestrelSetup
{
    public const string DefaultUrl = "http://localhost:5180";

    public static void Configure(WebApplicationBuilder builder)
    {
        var urls = (builder.Configuration["urls"] ?? DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var http1Socket = Path.Combine(Path.GetTempPath(), $"cabletest-http1-{Environment.ProcessId}-{Path.GetRandomFileName()}.sock");

        // A port another program holds is reported now, before the bench is powered up, not after it.
        foreach (var url in urls)
        {
            ThrowIfPortInUse(Parse(url));
        }

        // The URLs are bound here, not by the host's default binder.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var needsRelay = false;
            foreach (var url in urls)
            {
                var uri = Parse(url);
                var secure = uri.Scheme == Uri.UriSchemeHttps;
                needsRelay |= !secure;
                Bind(kestrel, uri, listen =>
                {
                    if (secure)
                    {
                        listen.Protocols = HttpProtocols.Http1AndHttp2;
                        listen.UseHttps();
                    }
                    else
                    {
                        listen.Protocols = HttpProtocols.Http2;
                        listen.Use(CleartextPortRouter.Router(http1Socket));
                    }
                });
            }

            if (needsRelay)
            {
                File.Delete(http1Socket);
                kestrel.ListenUnixSocket(http1Socket, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.Use(CleartextPortRouter.PreambleReader);
                });
            }
        });
    }

    private static Uri Parse(string url)
    {
        // Accept the host forms ASP.NET does: *, +, 0.0.0.0, [::], localhost, names, addresses.
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"urls: '{url}' is not an http:// or https:// URL");
        }

        return uri;
    }

    private static void ThrowIfPortInUse(Uri uri)
    {
        if (uri.Port == 0)
        {
            return;
        }

        var address = uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Any;
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // As Kestrel binds on Unix: connections of a previous instance left in TIME_WAIT do not count, a listener does.
            probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            probe.Bind(new IPEndPoint(address, uri.Port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var message = $"Failed to bind to address {uri.GetLeftPart(UriPartial.Authority)}: address already in use.";
            throw new IOException(message, new AddressInUseException(message, e));
        }
    }

    private static void Bind(KestrelServerOptions kestrel, Uri uri, Action<ListenOptions> configure)
    {
        if (uri.IsLoopback && uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(uri.Port, configure);
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, uri.Port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(uri.Port, configure);
        }
    }
}
