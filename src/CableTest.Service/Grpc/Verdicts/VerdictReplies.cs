using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Whether a call's verdicts may be a cached verdict's stand-in (<see cref="CachedVerdict.StandIn"/>): only when
/// the response is written by grpc-dotnet's binary handler with our marshallers (<see cref="VerdictWire"/>), which
/// write the whole verdict's encoding in its place. A call routed through JSON transcoding (whatever content type
/// it sends), or a context not hosted by ASP.NET Core, gets whole messages.
/// </summary>
internal static class VerdictReplies
{
    /// <summary>True when a unary or streamed <see cref="CableTest.Contracts.V1.Verdict"/> of this call is written as protobuf by <see cref="VerdictWire"/>.</summary>
    public static bool WritesEncoded(ServerCallContext context)
    {
        Microsoft.AspNetCore.Http.HttpContext http;
        try
        {
            http = context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        var endpoint = http.GetEndpoint();
        return endpoint is not null
            && endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null
            && endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is null
            && http.Request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a <see cref="CableTest.Contracts.V1.ListVerdictsResponse"/> of this call is written as protobuf by <see cref="VerdictWire"/>.</summary>
    public static bool WritesEncodedPages(ServerCallContext context) => VerdictWire.PageShapeKnown && WritesEncoded(context);
}
