using System.Text.RegularExpressions;
using CableTest.Contracts.V1;

namespace CableTest.Cli.Remote;

/// <summary>
/// Run ids as people type them: the full id, a unique start ("run-20261202-2137" or "20261202-2137") or a
/// unique ending such as the last 6 hex digits ("9a0c91"), resolved through ListRuns.
/// </summary>
internal static partial class RunIds
{
    private const int MaxRuns = 20_000;

    /// <summary>
    /// The full run id <paramref name="typed"/> stands for; <see cref="RunIdException"/> (one line for
    /// people, naming the candidates) when several runs match. A text no listed run matches is passed on
    /// unchanged, so the service says what it knows of it.
    /// </summary>
    public static async Task<string> ResolveAsync(ServiceConnection service, string typed, CancellationToken cancellationToken)
    {
        typed = typed.Trim();
        if (FullId().IsMatch(typed))
        {
            return typed;
        }

        var ids = new List<string>();
        var request = new ListRunsRequest { PageSize = 500 };
        do
        {
            var page = await service.Bench.ListRunsAsync(request, cancellationToken: cancellationToken);
            ids.AddRange(page.Runs.Select(r => r.RunId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && ids.Count < MaxRuns);

        return Pick(ids, typed);
    }

    /// <summary>The one id in <paramref name="ids"/> that <paramref name="typed"/> names (exactly, by its start or by its end).</summary>
    public static string Pick(IEnumerable<string> ids, string typed)
    {
        var matches = new List<string>();
        foreach (var id in ids)
        {
            if (string.Equals(id, typed, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }

            if (Matches(id, typed) && !matches.Contains(id))
            {
                matches.Add(id);
            }
        }

        return matches.Count switch
        {
            0 => typed,
            1 => matches[0],
            _ => throw new RunIdException(
                $"RUN_ID {typed} matches {matches.Count} runs: {string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", ..." : "")}; give more of the id"),
        };
    }

    /// <summary>True when <paramref name="typed"/> (at least 4 characters) is how <paramref name="runId"/> starts or ends, "run-" optional.</summary>
    public static bool Matches(string runId, string typed) =>
        typed.Length >= 4 && (runId.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
            || runId.StartsWith("run-" + typed, StringComparison.OrdinalIgnoreCase)
            || runId.EndsWith(typed, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^run-\d{8}-\d{6}-[0-9a-f]{6}$")]
    private static partial Regex FullId();
}
