using CableTest.Domain.Inputs;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CableTest.Service.Grpc;

/// <summary>
/// Turns the service's typed failures into gRPC statuses with google.rpc details, so every service
/// method stays a thin map-and-delegate. Unexpected exceptions become INTERNAL without internals.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    /// <summary>Longest prefix of a grpc-message sent (with the "… (N characters)" note, at most 1 KiB); each field violation's description and resource name are bounded too (<see cref="InputEcho"/>).</summary>
    internal const int MaxMessageChars = 1_000;
    private const int MaxDescriptionChars = 256;

    internal RpcException Map(Exception e, ServerCallContext context)
    {
        var status = e switch
        {
            RequestValidationException v => new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = v.Message,
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations =
                        {
                            v.Violations.Take(50).Select(f => new BadRequest.Types.FieldViolation
                            {
                                Field = InputEcho.Prefix(f.Field),
                                Description = InputEcho.Prefix(f.Description, MaxDescriptionChars),
                            }),
                        },
                    }),
                },
            },
            NotFoundException n => new Google.Rpc.Status
            {
                Code = (int)Code.NotFound,
                Message = n.Message,
                Details = { Any.Pack(new ResourceInfo { ResourceType = n.Kind, ResourceName = InputEcho.Prefix(n.Id) }) },
            },
            AlreadyExistsException a => new Google.Rpc.Status
            {
                Code = (int)Code.AlreadyExists,
                Message = a.Message,
                Details = { Any.Pack(new ResourceInfo { ResourceType = a.Kind, ResourceName = InputEcho.Prefix(a.Id) }) },
            },
            PreconditionFailedException p => new Google.Rpc.Status
            {
                Code = (int)Code.FailedPrecondition,
                Message = p.Message,
                Details =
                {
                    Any.Pack(new PreconditionFailure
                    {
                        Violations =
                        {
                            p.Violations.Take(50).Select(v => new PreconditionFailure.Types.Violation
                            {
                                Type = v.Type,
                                Subject = InputEcho.Prefix(v.Subject),
                                Description = InputEcho.Prefix(v.Description, MaxDescriptionChars),
                            }),
                        },
                    }),
                },
            },
            OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
                new Google.Rpc.Status { Code = (int)Code.Cancelled, Message = "the call was cancelled" },
            _ when StoreOutage.Is(e) => Unavailable(e, context),
            _ => null,
        };

        if (status is null)
        {
            LogUnexpected(logger, context.Method, e);
            status = new Google.Rpc.Status { Code = (int)Code.Internal, Message = "internal error; see the service log" };
        }

        // A message may quote what the caller sent (an id, a name): never more than a bounded prefix of it.
        status.Message = InputEcho.Prefix(status.Message, MaxMessageChars);
        return status.ToRpcException();
    }

    private Google.Rpc.Status Unavailable(Exception e, ServerCallContext context)
    {
        LogStoreUnavailable(logger, context.Method, InputEcho.Prefix(e.Message, MaxDescriptionChars));
        return new Google.Rpc.Status
        {
            Code = (int)Code.Unavailable,
            Message = "the run store is unavailable; retry later",
            Details = { Any.Pack(new ErrorInfo { Reason = "STORE_UNAVAILABLE", Domain = "cabletest.v1" }) },
        };
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Unexpected failure in {Method}")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Run store unavailable in {Method}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, string reason);
}
