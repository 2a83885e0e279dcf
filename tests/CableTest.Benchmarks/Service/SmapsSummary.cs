using System.Globalization;

namespace CableTest.Benchmarks.Service;

/// <summary>
/// Where a process's resident set is, from Linux <c>/proc/PID/smaps</c>, summed by kind of mapping: the JIT's code
/// and stubs (<c>/memfd:doublemapper</c>, where the runtime maps executable memory twice for W^X), glibc's main
/// arena (<c>[heap]</c>), other anonymous memory (the GC's regions, glibc's other arenas, thread stacks), mapped
/// assemblies and native libraries. In KiB.
/// </summary>
internal sealed record SmapsSummary(IReadOnlyDictionary<string, long> KiB)
{
    public static readonly string[] Kinds = ["JIT code and stubs (memfd:doublemapper)", "glibc main arena ([heap])", "other anonymous (GC regions, arenas, stacks)", "mapped assemblies (.dll)", "native libraries (.so)", "other"];

    public static SmapsSummary Read(int pid)
    {
        var sums = Kinds.ToDictionary(k => k, _ => 0L);
        var kind = Kinds[^1];
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (IsMappingHeader(line))
            {
                kind = KindOf(line);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                sums[kind] += long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return new SmapsSummary(sums);
    }

    /// <summary>A header line: "start-end perms offset dev inode [name]" (the name may contain ':').</summary>
    private static bool IsMappingHeader(string line)
    {
        var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && parts[0].All(c => c == '-' || char.IsAsciiHexDigit(c)) && parts[1].Length == 4;
    }

    private static string KindOf(string header)
    {
        var parts = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length == 6 ? parts[5].Trim() : "";
        return name switch
        {
            "" => Kinds[2],
            "[heap]" => Kinds[1],
            _ when name.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => Kinds[0],
            _ when name.EndsWith(".dll", StringComparison.Ordinal) => Kinds[3],
            _ when name.Contains(".so", StringComparison.Ordinal) => Kinds[4],
            _ => Kinds[5],
        };
    }
}
