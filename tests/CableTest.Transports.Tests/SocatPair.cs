using CableTest.Testing;

namespace CableTest.Transports.Tests;

/// <summary>Two linked pseudo-terminals made by a real socat, as the peers README suggests.</summary>
internal sealed class SocatPair : IAsyncDisposable
{
    private readonly TempDirectory dir = new("socat");
    private readonly ExternalProcess process;

    private SocatPair(ExternalProcess process, string a, string b)
    {
        this.process = process;
        A = a;
        B = b;
    }

    public string A { get; }

    public string B { get; }

    public static async Task<SocatPair> StartAsync()
    {
        var socat = RequiredTool.Find("socat", "socat");
        var dir = new TempDirectory("socat");
        var a = dir.File("a");
        var b = dir.File("b");
        var p = ExternalProcess.Start(socat, ["-d", "-d", $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}"]);
        await p.WaitForOutputAsync("starting data transfer loop", TimeSpan.FromSeconds(10));
        return new SocatPair(p, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        dir.Dispose();
    }
}
