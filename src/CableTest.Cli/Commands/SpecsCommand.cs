using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest specs [--search TEXT] [--format table|json]`: the product specs the service judges against,
/// with the ids `run --spec` takes (StandardsService.ListProductSpecs).
/// </summary>
internal static class SpecsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var search = new Option<string?>("--search") { Description = "Only specs whose id, product code, title, rating, insulation or standard contains every word of TEXT, e.g. \"BV 450\"" };
        var format = VerdictsCommand.Format("table", "json");
        var command = new Command("specs", "List the product specs with the ids `run --spec` takes") { search, format };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("specs", service, parse, stderr, async connection =>
        {
            var specs = Filter(await ListAsync(connection, token), parse.GetValue(search));
            await SpecTable.WriteAsync(parse.GetValue(format)!, specs, stdout, token);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every product spec the service knows.</summary>
    public static async Task<IReadOnlyList<ProductSpecInfo>> ListAsync(ServiceConnection service, CancellationToken cancellationToken)
    {
        var response = await service.Standards.ListProductSpecsAsync(new ListProductSpecsRequest(), cancellationToken: cancellationToken);
        return response.Specs;
    }

    /// <summary>The specs matching every whitespace-separated word of <paramref name="search"/> (case-insensitive), in id order.</summary>
    public static IReadOnlyList<ProductSpecInfo> Filter(IEnumerable<ProductSpecInfo> specs, string? search)
    {
        var words = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return specs
            .Where(s => words.All(w => Haystack(s).Any(field => field.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(s => s.SpecId, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Haystack(ProductSpecInfo spec) =>
        new[] { spec.SpecId, spec.ProductCode, spec.Title, spec.RatedVoltage, spec.Insulation, spec.Origin }.Concat(spec.Standards);
}
