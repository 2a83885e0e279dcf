using System.Text;
using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using MethodDescriptor = Google.Protobuf.Reflection.MethodDescriptor;

namespace CableTest.Service.Tests.Inputs;

/// <summary>One random request: a route, gRPC or JSON, the seed its message is built from, and whether its body is garbage.</summary>
public sealed record HostileCall(int Route, bool OverJson, int Seed, bool GarbageBody)
{
    public override string ToString() =>
        $"{HostileInputPropertyTests.Routes[Route].FullName} over {(OverJson ? "JSON" : "gRPC")}, seed {Seed}{(GarbageBody ? ", garbage body" : "")}";
}

public static class HostileCalls
{
    public static Arbitrary<HostileCall> Calls() =>
        (from route in Gen.Choose(0, HostileInputPropertyTests.Routes.Count - 1)
         from json in Gen.Elements(false, true)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         from garbage in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select new HostileCall(route, json, seed, garbage)).ToArbitrary();
}

/// <summary>
/// Random requests through every route of the in-process host, over gRPC and over HTTP/JSON: never
/// INTERNAL, UNKNOWN or a 5xx; a refused request stores nothing; the service still serves after each.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileInputPropertyTests(HostileInputFixture fixture)
{
    /// <summary>Every method of the public services (and the plain HTTP routes naming a run, reached over JSON).</summary>
    public static readonly IReadOnlyList<MethodDescriptor> Routes = [.. HostileInputCorpusTests.Services().SelectMany(s => s.Methods)];

    [Property(MaxTest = 300, Arbitrary = [typeof(HostileCalls)])]
    public async Task AnyRequest_AnyRoute_NeverAServerErrorNothingStoredOnRefusal(HostileCall call)
    {
        var method = Routes[call.Route];
        var random = new Random(call.Seed);
        var message = RandomMessages.Build(method.InputType, random);
        var before = await fixture.SnapshotAsync();
        var sampleId = method.Name == "RegisterSample" ? ((RegisterSampleRequest)message).SampleId : null;
        var sampleExisted = sampleId is not null && await fixture.SampleAsync(sampleId) is not null;

        bool refused;
        if (call.OverJson && Http(method) is { } rule)
        {
            var (status, body) = await SendJsonAsync(method, rule, message, call.GarbageBody, random);
            Assert.True(status < 500, $"{call}: HTTP {status} {InputEcho.Prefix(body, 300)}");
            refused = status >= 300;
        }
        else
        {
            var body = call.GarbageBody ? RandomMessages.Bytes(random, random.Next(1, 200)) : Encode(message, random);
            var status = await RawCalls.SendAsync(fixture.Service.Channel, method, body, HostileInputFixture.Engineer);
            Assert.False(status.StatusCode is StatusCode.Internal or StatusCode.Unknown, $"{call}: {status.StatusCode} {InputEcho.Prefix(status.Detail, 300)}");
            Assert.True(status.Detail.Length <= 1_024, $"{call}: a {status.Detail.Length}-character status message");
            refused = status.StatusCode != StatusCode.OK;
        }

        if (refused)
        {
            Assert.Equal(before, await fixture.SnapshotAsync());
            if (sampleId is not null && !sampleExisted)
            {
                Assert.Null(await fixture.SampleAsync(sampleId));
            }
        }

        // Still serving: a read over each transport.
        var standards = new StandardsService.StandardsServiceClient(fixture.Service.Channel);
        Assert.NotEmpty((await standards.ListProductSpecsAsync(new ListProductSpecsRequest(), HostileInputFixture.Engineer)).Specs);
        Assert.Equal(200, (await fixture.JsonAsync(HttpMethod.Get, "/v1/bench")).Status);
    }

    private static byte[] Encode(IMessage message, Random random)
    {
        try
        {
            return message.ToByteArray();
        }
        catch (ArgumentException)
        {
            // A string protobuf cannot encode (a lone surrogate): bytes a broken client would send instead.
            return RandomMessages.Bytes(random, random.Next(1, 200));
        }
    }

    private static HttpRule? Http(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private async Task<(int Status, string Body)> SendJsonAsync(MethodDescriptor method, HttpRule rule, IMessage message, bool garbage, Random random)
    {
        var (verb, template) = rule.PatternCase == HttpRule.PatternOneofCase.Get ? (HttpMethod.Get, rule.Get) : (HttpMethod.Post, rule.Post);
        var path = new StringBuilder();
        var pathFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in template.Split('{', '}'))
        {
            if (method.InputType.FindFieldByName(part) is { } field)
            {
                pathFields.Add(part);
                path.Append(Escape(field.Accessor.GetValue(message)?.ToString() ?? ""));
            }
            else
            {
                path.Append(part);
            }
        }

        if (verb == HttpMethod.Get)
        {
            var query = method.InputType.Fields.InDeclarationOrder()
                .Where(f => !pathFields.Contains(f.Name) && !f.IsRepeated && f.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                .Select(f => (f, value: f.Accessor.GetValue(message)))
                .Where(x => x.value is not null && !x.value.Equals(DefaultOf(x.f)))
                .Select(x => x.f.JsonName + "=" + Escape(RandomMessages.Scalar(x.value)));
            return await fixture.JsonAsync(verb, path + "?" + string.Join('&', query));
        }

        string json;
        try
        {
            json = garbage ? RandomMessages.Unicode(random, random.Next(1, 100)) : JsonFormatter.Default.Format(message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A value proto3 JSON cannot express (a timestamp out of range, a lone surrogate): send what a broken client would.
            json = "{\"" + method.InputType.Fields.InDeclarationOrder()[0].JsonName + "\": ";
        }

        return await fixture.JsonAsync(verb, path.ToString(), json);
    }

    private static object? DefaultOf(Google.Protobuf.Reflection.FieldDescriptor field) => field.FieldType switch
    {
        Google.Protobuf.Reflection.FieldType.String => "",
        Google.Protobuf.Reflection.FieldType.Bool => false,
        _ => null,
    };

    private static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "x";
        }
    }
}
