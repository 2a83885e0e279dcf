using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CableTest.Contracts.V1;
using CableTest.Testing;
using Grpc.Net.Client;

namespace CableTest.Service.Tests.Grpc;

/// <summary>The production shape from docs/service.md: an https URL with a PEM certificate from Kestrel:Certificates:Default.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TempDirectory certs = new("svc-tls");
    private X509Certificate2 certificate = null!;
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=bench-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        var now = TimeProvider.System.GetUtcNow();
        certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        await File.WriteAllTextAsync(certs.File("cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(certs.File("key.pem"), key.ExportPkcs8PrivateKeyPem());

        service = await InProcessService.StartAsync(allowAnonymousLoopback: false, useHttps: true,
            "--Kestrel:Certificates:Default:Path", certs.File("cert.pem"), "--Kestrel:Certificates:Default:KeyPath", certs.File("key.pem"));
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        certificate.Dispose();
        certs.Dispose();
    }

    [Fact]
    public async Task GrpcOverTls_TrustingTheBenchCertificate_Answers()
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = handler });
        var client = new VerdictService.VerdictServiceClient(channel);
        var page = await client.ListVerdictsAsync(new ListVerdictsRequest(), InProcessService.ApiKey(InProcessService.LimsKey));
        Assert.Empty(page.Verdicts);
    }

    [Fact]
    public async Task JsonOverTls_Http11_Answers()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(service.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/standards") { Version = HttpVersion.Version11 };
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
