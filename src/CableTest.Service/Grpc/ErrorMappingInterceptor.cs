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
                            v.Violations.Select(f => new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }),
                        },
                    }),
                },
            },
            NotFoundException n => new Google.Rpc.Status
            {
                Code = (int)Code.NotFound,
                Message = n.Message,
                Details = { Any.Pack(new ResourceInfo { ResourceType = n.Kind, ResourceName = n.Id }) },
            },
            AlreadyExistsException a => new Google.Rpc.Status
            {
                Code = (int)Code.AlreadyExists,
                Message = a.Message,
                Details = { Any.Pack(new ResourceInfo { ResourceType = a.Kind, ResourceName = a.Id }) },
            },
            PreconditionFailedException p => new Google.Rpc.Status
            {
                Code = (int)Code.FailedPrecondition,
                Message = p.Message,
                Details =
                {
                    Any.Pack(new PreconditionFailure
                    {
                        Violations = { p.Violations.Select(v => new PreconditionFailure.Types.Violation { Type = v.Type, Subject = v.Subject, Description = v.Description }) },
                    }),
                },
            },
            OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
                new Google.Rpc.Status { Code = (int)Code.Cancelled, Message = "the call was cancelled" },
            _ => null,
        };

        if (status is null)
        {
            LogUnexpected(logger, context.Method, e);
            status = new Google.Rpc.Status { Code = (int)Code.Internal, Message = "internal error; see the service log" };
        }

        return status.ToRpcException();
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Unexpected failure in {Method}")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}
