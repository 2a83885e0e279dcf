using CableTest.Runs.Model;
using CableTest.Runs.Ports;

namespace CableTest.Runs.Procedures;

/// <summary>What every procedure does through its <see cref="StepContext"/>.</summary>
internal static class StepContextExtensions
{
    /// <summary>Asks the operator to connect <paramref name="core"/>, then puts it on the leads.</summary>
    public static async Task ConnectCoreAsync(this StepContext context, int core, string message, CancellationToken cancellationToken)
    {
        await context.Prompts.AskAsync(PromptKind.ConnectCore, message, cancellationToken).ConfigureAwait(false);
        await context.Cores.SelectCoreAsync(core, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files one reading under the step; returns its id.</summary>
    public static ValueTask<string> TakeAsync(this StepContext context, string measurement, string instrumentId, int index,
        IReadOnlyList<KeyValuePair<string, double>> values, CancellationToken cancellationToken, double stepTimeS = 0) =>
        context.Readings.TakeAsync(context.StepId, new StepReading(measurement, instrumentId, index, values, stepTimeS), cancellationToken);
}
