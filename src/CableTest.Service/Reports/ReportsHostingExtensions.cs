using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Grpc.Reports;
using CableTest.Service.Security;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Reports;

/// <summary>Reports: <c>/reports/{runId}.html</c> and <c>.pdf</c>, the <c>Reports</c> options and the approval service.</summary>
public static class ReportsHostingExtensions
{
    public static IHostApplicationBuilder AddCableTestReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddSingleton<ReportFonts>();
        services.AddSingleton<RunReportSource>();
        services.AddHostedService<ReportFontCheck>();
        return builder;
    }

    public static WebApplication MapCableTestReports(this WebApplication app)
    {
        app.MapGrpcService<RunApprovalService>();
        app.MapGet("/reports/{runId}.html", ReportEndpoint.HtmlAsync).AddEndpointFilter(RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        app.MapGet("/reports/{runId}.pdf", ReportEndpoint.PdfAsync).AddEndpointFilter(RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        return app;
    }
}
