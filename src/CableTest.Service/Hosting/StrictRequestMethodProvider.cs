using System.Reflection;
using Google.Protobuf;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace CableTest.Service.Hosting;

/// <summary>
/// Binds each gRPC service as grpc-dotnet's own binder does (the generated <c>BindService</c>, the
/// overriding methods, their attributes as endpoint metadata), but with a request marshaller that
/// answers a body which is not the method's message with INVALID_ARGUMENT. grpc-dotnet reads the
/// request before any interceptor runs, so without this a garbage body ends as UNKNOWN "Exception
/// was thrown by handler" and an error log line with a stack trace per hostile request. Verdicts and
/// pages of them are written from their cached encoding (<see cref="CableTest.Service.Grpc.Verdicts.VerdictWire"/>).
/// </summary>
internal sealed class StrictRequestMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod() is not { } bind)
        {
            return;
        }

        var binder = new Binder(context, bind.GetParameters()[1].ParameterType);
        bind.Invoke(null, [binder, null]);
    }

    private static MethodInfo? FindBindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .FirstOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is [var first, var second]
                        && first.ParameterType == typeof(ServiceBinderBase) && second.ParameterType.IsAssignableFrom(typeof(TService)));
            }
        }

        return null;
    }

    internal static Marshaller<T> Strict<T>(Marshaller<T> inner) => new(inner.ContextualSerializer, context =>
    {
        try
        {
            return inner.ContextualDeserializer(context);
        }
        catch (InvalidProtocolBufferException)
        {
            var status = new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = $"the request body is not a valid {typeof(T).Name} message",
                Details =
                {
                    Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest
                    {
                        FieldViolations = { new BadRequest.Types.FieldViolation { Field = "*", Description = "not a protobuf encoding of " + typeof(T).Name } },
                    }),
                },
            };
            throw status.ToRpcException();
        }
    });

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type declaringType) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(StrictMethod(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(StrictMethod(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(StrictMethod(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(StrictMethod(method), metadata, invoker);
        }

        private static Method<TRequest, TResponse> StrictMethod<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class =>
            new(method.Type, method.ServiceName, method.Name, Strict(method.RequestMarshaller), CableTest.Service.Grpc.Verdicts.VerdictWire.ResponseMarshaller(method.ResponseMarshaller));

        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string name, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = FindOverride(name, parameters) ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}");
            var metadata = new List<object>();
            // Type attributes first, method attributes last (these win), as grpc-dotnet orders them.
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }

        private MethodInfo? FindOverride(string name, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, null, parameters, null);
                if (method is null)
                {
                    return null;
                }

                if (method.IsVirtual && method.GetBaseDefinition().DeclaringType == declaringType)
                {
                    return method;
                }
            }

            return null;
        }
    }
}
