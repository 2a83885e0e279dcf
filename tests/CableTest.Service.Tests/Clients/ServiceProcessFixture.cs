using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CableTest.Service.Tests.Clients;

/// <summary>
/// The real service process (CableTest.Service.dll) on a loopback port, over a store seeded with
/// verdicts, and a FileDescriptorSet of the cabletest.v1 contract for clients that load it at run time.
/// </summary>
public sealed class ServiceProcessFixture : IAsyncLifetime
{
    public const int Seeded = 5;

    private readonly TempDirectory data = new("svc-clients");
    private ExternalProcess? process;

    public int Port { get; } = FreeTcpPort.Next();

    public string Target => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public string DescriptorSetPath => data.File("cabletest-v1.pb");

    public IReadOnlyList<StoredVerdict> Stored { get; private set; } = [];

    public string Output => process?.Output ?? "";

    public async Task InitializeAsync()
    {
        var store = new SqliteRunStore(Path.Combine(data.Path, "cabletest.db"), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        Stored = await VerdictSeeds.AppendAsync(store, 1, Seeded);
        await File.WriteAllBytesAsync(DescriptorSetPath, DescriptorSet(VerdictsReflection.Descriptor, StandardsReflection.Descriptor, BenchReflection.Descriptor).ToByteArray());

        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        process = ExternalProcess.Start(dotnet,
        [
            ServiceProcessTests.ServiceDll, "--urls", $"http://{Target}", "--DataDirectory", data.Path,
            "--Auth:AllowAnonymousLoopback=false",
            "--Auth:ApiKeys:0:Name=lims-main", $"--Auth:ApiKeys:0:Secret={InProcessService.LimsKey}", "--Auth:ApiKeys:0:Roles:0=lims",
            "--Auth:ApiKeys:1:Name=bench-pc", $"--Auth:ApiKeys:1:Secret={InProcessService.TechnicianKey}", "--Auth:ApiKeys:1:Roles:0=technician",
            .. Runs.RunOnSimulatedBenchTests.FastBench,
        ]);
        await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        data.Dispose();
    }

    /// <summary>The files and, first, everything they import (what protoc --include_imports writes).</summary>
    private static FileDescriptorSet DescriptorSet(params FileDescriptor[] roots)
    {
        var set = new FileDescriptorSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(FileDescriptor file)
        {
            if (!seen.Add(file.Name))
            {
                return;
            }

            foreach (var dependency in file.Dependencies)
            {
                Add(dependency);
            }

            set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
        }

        foreach (var root in roots)
        {
            Add(root);
        }

        return set;
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceProcessCollection : ICollectionFixture<ServiceProcessFixture>
{
    public const string Name = "service process";
}
