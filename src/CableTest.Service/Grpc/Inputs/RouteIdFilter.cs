using CableTest.Domain.Inputs;

namespace CableTest.Service.Grpc.Inputs;

/// <summary>The id rule for the plain HTTP routes that name a run (<c>/events/runs/{runId}</c>, <c>/reports/{runId}.html</c> and <c>.pdf</c>): 400 before any lookup.</summary>
internal static class RouteIdFilter
{
    public static ValueTask<object?> RunIdAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["runId"] is string id && !IdRule.IsValid(id)
            ? ValueTask.FromResult<object?>(Results.BadRequest("runId: " + IdRule.Description))
            : next(context);
}
