namespace CableTest.Cli.Usage;

/// <summary>"Did you mean": the closest of a set of names to what the user typed (edit distance, case-insensitive).</summary>
internal static class Suggest
{
    /// <summary>
    /// The names closest to <paramref name="typed"/>: those containing it when it is at least 2 characters
    /// long, otherwise the nearest by edit distance when at most a third of the typed length (at least 1)
    /// away; at most <paramref name="max"/>, best first.
    /// </summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> names, int max = 3)
    {
        var candidates = names.Distinct(StringComparer.Ordinal).ToList();
        var lower = typed.ToLowerInvariant();
        var containing = typed.Trim('-').Length >= 2
            ? candidates.Where(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList()
            : [];
        if (containing.Count > 0)
        {
            return containing.Take(max).ToList();
        }

        var allowed = Math.Max(1, typed.Length / 3);
        return candidates
            .Select(n => (Name: n, Distance: Distance(lower, n.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>"; did you mean --csa?" or "; did you mean a, b or c?"; empty when nothing is close.</summary>
    public static string DidYouMean(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => $"; did you mean {names[0]}?",
        _ => $"; did you mean {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}?",
    };

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions: "rnu" is 1 from "run").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
