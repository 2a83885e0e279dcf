using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>Recognises a start that failed on a bad setting, and says which key in one line per problem.</summary>
internal static class ConfigurationErrors
{
    public static string? Describe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OptionsValidationException v:
                    return string.Join(Environment.NewLine + "  ", v.Failures);
                case AggregateException a when a.InnerExceptions.Select(Describe).FirstOrDefault(d => d is not null) is { } inner:
                    return inner;
                case InvalidOperationException when e.Message.Contains("configuration value", StringComparison.Ordinal)
                    || e.Message.StartsWith("urls:", StringComparison.Ordinal):
                    return e.Message;
            }
        }

        return null;
    }
}
