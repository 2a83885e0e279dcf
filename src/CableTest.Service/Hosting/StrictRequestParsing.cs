using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CableTest.Service.Hosting;

/// <summary>Installs <see cref="StrictRequestMethodProvider{TService}"/> in place of grpc-dotnet's binder provider.</summary>
internal static class StrictRequestParsing
{
    /// <summary>Replaces grpc-dotnet's binder provider; call after <c>AddGrpc</c>.</summary>
    public static void Replace(IServiceCollection services)
    {
        var removed = RemoveAll(services, d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" });
        if (removed == 0)
        {
            throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider was not registered: AddGrpc must run first, or its name changed");
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictRequestMethodProvider<>)));
    }

    private static int RemoveAll(IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        var doomed = services.Where(match).ToList();
        doomed.ForEach(d => services.Remove(d));
        return doomed.Count;
    }
}
