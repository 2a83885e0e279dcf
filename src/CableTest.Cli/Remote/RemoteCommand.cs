using System.CommandLine;

namespace CableTest.Cli.Remote;

/// <summary>Runs a command body against the service, turning communication failures into one message and <see cref="ExitCodes.Service"/>.</summary>
internal static class RemoteCommand
{
    public static async Task<int> RunAsync(string name, ServiceOptions options, ParseResult parse, TextWriter stderr,
        Func<ServiceConnection, Task<int>> body, FieldFlags? flags = null)
    {
        ServiceConnection service;
        try
        {
            service = options.Connect(parse);
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync($"cabletest {name}: {e.Message}");
            return ExitCodes.OneIsAFinding(name) ? ExitCodes.NoVerdict : ExitCodes.Usage;
        }

        using (service)
        {
            try
            {
                return await body(service);
            }
            catch (RunIdException e)
            {
                await stderr.WriteLineAsync($"cabletest {name}: {e.Message}");
                return ExitCodes.OneIsAFinding(name) ? ExitCodes.NoVerdict : ExitCodes.Usage;
            }
            catch (Exception e) when (RemoteErrors.IsRemote(e))
            {
                foreach (var line in RemoteErrors.Lines(e, service.Address, flags ?? FieldFlags.None))
                {
                    await stderr.WriteLineAsync($"cabletest {name}: {line}");
                }

                return ExitCodes.Service;
            }
        }
    }
}
