using System.Globalization;

namespace CableTest.Service.Tests.Telemetry;

/// <summary>Samples of a Prometheus text exposition: one (name, labels, value) per line that is not a comment.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var value = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                foreach (var pair in series[(brace + 1)..^1].Split("\","))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..eq].TrimStart(',')] = pair[(eq + 1)..].Trim('"');
                }
            }

            samples.Add(new PrometheusSample(brace >= 0 ? series[..brace] : series, labels, value));
        }

        return samples;
    }

    public bool Has(string label, string value) => Labels.TryGetValue(label, out var v) && v == value;
}
