using CableTest.Testing;

namespace CableTest.Instruments.Tests.Modbus;

/// <summary>Two linked pseudo-terminals made by a real socat (the peers' README recipe).</summary>
internal sealed class SocatPtys : IAsyncDisposable
{
    private readonly TempDirectory dir;
    private readonly ExternalProcess process;

    private SocatPtys(TempDirectory dir, ExternalProcess process)
    {
        this.dir = dir;
        this.process = process;
    }

    public string A => dir.File("a");

    public string B => dir.File("b");

    public static async Task<SocatPtys> StartAsync()
    {
        var socat = RequiredTool.Find("socat", "socat");
        var dir = new TempDirectory("modbus-socat");
        var p = ExternalProcess.Start(socat, ["-d", "-d", $"pty,raw,echo=0,link={dir.File("a")}", $"pty,raw,echo=0,link={dir.File("b")}"]);
        await p.WaitForOutputAsync("starting data transfer loop", TimeSpan.FromSeconds(10));
        return new SocatPtys(dir, p);
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        dir.Dispose();
    }
}
