namespace CableTest.Domain.Standards.Loading;

/// <summary>Reads a "voltage_test_levels" file: tolerance policy and families of levels by rating.</summary>
internal static class VoltageLevelsReader
{
    public static (IReadOnlyList<VoltageTolerance> Tolerances, IReadOnlyList<VoltageTestFamily> Families) Read(DataNode root)
    {
        var tolerances = new List<VoltageTolerance>();
        foreach (var node in root.Items("tolerance"))
        {
            var max = node.OptDec("max_duration_s");
            var pct = node.Dec("pct");
            if (pct is <= 0m or > 20m)
            {
                throw node.Error("pct must be within (0, 20]");
            }

            if (tolerances.Count > 0 && (tolerances[^1].MaxDurationS is null || (max is not null && max <= tolerances[^1].MaxDurationS)))
            {
                throw node.Error("tolerance bands must ascend in max_duration_s, the open-ended (null) band last");
            }

            tolerances.Add(new VoltageTolerance(max, pct, node.Provenance()));
        }

        if (tolerances.Count == 0 || tolerances[^1].MaxDurationS is not null)
        {
            throw root.Error("tolerance needs a last band with max_duration_s null (any longer test)");
        }

        var families = new List<VoltageTestFamily>();
        foreach (var raw in root.Items("families"))
        {
            var name = raw.Str("family");
            var node = raw.Labelled(name);
            var freq = node.Child("frequency_hz");
            var levels = new List<VoltageTestLevel>();
            foreach (var rawLevel in node.Items("levels"))
            {
                var ratedText = rawLevel.Str("rated");
                var level = rawLevel.Labelled(ratedText);
                if (!RatedVoltage.TryParse(ratedText, out var rated))
                {
                    throw level.Error($"'{ratedText}' is not a rated voltage U0/U");
                }

                if (levels.Any(l => l.Rated == rated))
                {
                    throw level.Error($"duplicate rated voltage {rated}");
                }

                var ac = level.Dec("ac_kv");
                var duration = level.Dec("duration_s");
                var dc = level.OptionalChild("dc");
                var dcKv = dc?.Dec("dc_kv");
                if (ac <= 0m || duration <= 0m || dcKv <= 0m)
                {
                    throw level.Error("test voltages and durations must be positive");
                }

                levels.Add(new VoltageTestLevel(rated, ac, duration, level.Provenance(), dcKv, dc?.Dec("duration_s"), dc?.Provenance()));
            }

            var ordered = levels.OrderBy(l => l.Rated.UV).ThenBy(l => l.Rated.U0V).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].AcKv < ordered[i - 1].AcKv)
                {
                    throw node.Error($"test voltage of {ordered[i].Rated} is below that of the lower rating {ordered[i - 1].Rated}");
                }
            }

            var minHz = freq.Dec("min");
            var maxHz = freq.Dec("max");
            if (minHz <= 0m || minHz >= maxHz)
            {
                throw freq.Error("need 0 < min < max");
            }

            families.Add(new VoltageTestFamily(name, node.Str("standard"), node.Str("edition"), node.Str("clause"),
                minHz, maxHz, freq.Provenance(), levels, root.File.Origin));
        }

        return (tolerances, families);
    }
}
