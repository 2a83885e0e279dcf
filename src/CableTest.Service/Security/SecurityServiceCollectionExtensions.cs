using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Security;

internal static class SecurityServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCableTestSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(CredentialAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        return builder;
    }
}
