using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Cli.Runs;
using CableTest.Cli.Usage;
using CableTest.Contracts.V1;
using CableTest.Presentation;
using Grpc.Core;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest run --sample ID --spec SPEC --csa MM2 --cores N --length M [...] [--yes]`: registers the
/// sample (or reuses a registered one that matches), starts a run, follows it with live progress,
/// answers prompts, prints the verdict table. Ctrl+C aborts the run (high voltage off) before exiting.
/// Exit code: 0 pass / conditional pass, 1 fail / conditional fail, 2 anything else.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var service = new ServiceOptions();
        var sample = new Option<string?>("--sample") { Description = "Sample id (the lab's; letters, digits, '-', '_', '.')" };
        var spec = new Option<string?>("--spec") { Description = "Product spec id, e.g. gbt5023.3-227iec01-bv-450/750" };
        var csa = Flags.Positive("--csa", "mm²", "Nominal cross-section of each core, mm²");
        var cores = Flags.AtLeast("--cores", 1, "Number of cores");
        var length = Flags.Positive("--length", "m", "Specimen length between the potential terminals, m");
        var conductorClass = Flags.OneOf("--class", [1, 2, 5, 6], "Conductor class (1, 2, 5, 6) when the spec allows several");
        var d = Flags.Positive("--d", "mm", "Diameter under the insulation, mm (for Ki and rho)");
        var outer = Flags.Positive("--D", "mm", "Diameter over the insulation, mm (for Ki and rho; larger than --d)");
        var order = new Option<string?>("--lims-order") { Description = "LIMS order the sample belongs to" };
        var operatorName = new Option<string?>("--operator") { Description = "Operator name recorded in the evidence (default: the login name)" };
        var file = new Option<string?>("--file") { Description = "Sample as JSON (RegisterSampleRequest fields); options override it" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Acknowledge every prompt automatically (scripts, CI, simulated bench)" };
        var verbose = VerdictsCommand.Verbose();
        var command = new Command("run", "Register a sample, run the tests on the bench and print the verdict (exit 0 pass, 1 fail, 2 no verdict)")
        {
            sample, spec, csa, cores, length, conductorClass, d, outer, order, operatorName, file, yes, verbose,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(d) is { } under && result.GetValue(outer) is { } over && SampleArguments.DiameterError(under, over) is { } error)
            {
                result.AddError(error);
            }
        });
        command.SetAction((parse, token) => RemoteCommand.RunAsync("run", service, parse, stderr, async connection =>
        {
            RegisterSampleRequest request;
            try
            {
                request = new SampleArguments(parse.GetValue(sample), parse.GetValue(spec), parse.GetValue(csa), parse.GetValue(cores), parse.GetValue(length),
                    parse.GetValue(conductorClass), parse.GetValue(d), parse.GetValue(outer), parse.GetValue(order), parse.GetValue(file)).ToRequest();
            }
            catch (FormatException e)
            {
                await stderr.WriteLineAsync("cabletest run: " + e.Message);
                return ExitCodes.NoVerdict;
            }

            var who = parse.GetValue(operatorName) is { Length: > 0 } name ? name : Environment.UserName;
            return await RunAsync(connection, request, who, new RunOptions(parse.GetValue(yes), parse.GetValue(verbose)), stdout, stderr, stdin, token);
        }, FieldFlags.Run));
        return command;
    }

    internal static async Task<int> RunAsync(ServiceConnection service, RegisterSampleRequest request, string operatorName, RunOptions options,
        TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        if (await EnsureSampleAsync(service, request, stdout, stderr, cancellationToken) is not { } registered)
        {
            return ExitCodes.NoVerdict;
        }

        var run = await service.Bench.StartRunAsync(new StartRunRequest
        {
            SampleId = registered.SampleId,
            OperatorName = operatorName,
            RequestId = Guid.NewGuid().ToString("N"),
        }, cancellationToken: cancellationToken);
        await stdout.WriteLineAsync($"run {run.RunId} started for sample {registered.SampleId} ({UnitText.Normalize(registered.ProductSpec)}) by {operatorName}");

        var console = Terminal.For(stdout);
        IRunDisplay display = Terminal.IsInteractive(stdout) ? new LiveRunDisplay(console) : new PlainRunDisplay(stdout);
        var monitor = new RunMonitor(service, display, new PromptAnswerer(stdin, options.Yes), operatorName);
        Run final;
        try
        {
            final = await monitor.WatchAsync(run.RunId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await AbortAsync(service, run.RunId, stderr);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            return await AbortAsync(service, run.RunId, stderr);
        }

        return await RunEnd.ReportAsync(service, final, console, stdout, options.Verbose, cancellationToken);
    }

    private static async Task<Sample?> EnsureSampleAsync(ServiceConnection service, RegisterSampleRequest request, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (request.SpecId.Length == 0)
        {
            try
            {
                return await service.Bench.GetSampleAsync(new GetSampleRequest { SampleId = request.SampleId }, cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await stderr.WriteLineAsync($"cabletest run: --sample {request.SampleId} is not registered; give --spec, --csa, --cores and --length to register it");
                return null;
            }
        }

        try
        {
            var sample = await service.Bench.RegisterSampleAsync(request, cancellationToken: cancellationToken);
            await stdout.WriteLineAsync($"sample {sample.SampleId} registered: {UnitText.Normalize(sample.ProductSpec)}");
            return sample;
        }
        catch (RpcException e) when (RemoteErrors.Violations(e).Count > 0)
        {
            foreach (var line in await RefusedSampleLinesAsync(service, request, e, cancellationToken))
            {
                await stderr.WriteLineAsync("cabletest run: " + line);
            }

            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            var existing = await service.Bench.GetSampleAsync(new GetSampleRequest { SampleId = request.SampleId }, cancellationToken: cancellationToken);
            var differences = SampleArguments.Differences(existing, request);
            if (differences.Count > 0)
            {
                await stderr.WriteLineAsync($"cabletest run: sample {request.SampleId} is registered with different values ({string.Join("; ", differences)}); use another --sample id");
                return null;
            }

            await stdout.WriteLineAsync($"sample {existing.SampleId} already registered with the same values: {UnitText.Normalize(existing.ProductSpec)}");
            return existing;
        }
    }

    /// <summary>
    /// The service's field violations as flag lines, once each; an unknown spec id also gets the closest
    /// ids the service knows ("did you mean ...?").
    /// </summary>
    private static async Task<IReadOnlyList<string>> RefusedSampleLinesAsync(ServiceConnection service, RegisterSampleRequest request, RpcException e,
        CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (field, description) in RemoteErrors.Violations(e))
        {
            var line = field == "spec_id" && description.StartsWith("unknown product spec", StringComparison.Ordinal)
                ? await UnknownSpecAsync(service, request.SpecId, cancellationToken)
                : FieldFlags.Run.Describe(field, description);
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static async Task<string> UnknownSpecAsync(ServiceConnection service, string specId, CancellationToken cancellationToken)
    {
        var known = await SpecsCommand.ListAsync(service, cancellationToken);
        var close = Suggest.Closest(specId, known.Select(s => s.SpecId));
        return $"--spec {specId}: no such product spec{Suggest.DidYouMean(close)} (`cabletest specs` lists them)";
    }

    private static async Task<int> AbortAsync(ServiceConnection service, string runId, TextWriter stderr)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            var aborted = await service.Bench.AbortRunAsync(new AbortRunRequest { RunId = runId, Reason = "operator interrupted cabletest run (Ctrl+C)" },
                cancellationToken: deadline.Token);
            await stderr.WriteLineAsync($"cabletest run: interrupted; run {runId} {StepText.RunState(aborted.State)} (high voltage off)");
        }
        catch (Exception e) when (RemoteErrors.IsRemote(e) || e is OperationCanceledException)
        {
            await stderr.WriteLineAsync($"cabletest run: interrupted; ABORT OF RUN {runId} NOT CONFIRMED: {RemoteErrors.Describe(e, service.Address)}; check the bench");
        }

        return ExitCodes.NoVerdict;
    }
}

/// <summary>How `run` behaves: prompts acknowledged automatically (--yes), warnings listed under the verdict (--verbose).</summary>
internal sealed record RunOptions(bool Yes, bool Verbose);
