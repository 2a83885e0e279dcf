namespace CableTest.Domain.Standards.Loading;

/// <summary>Reads the "temperature_correction" file: the alpha20 and Table B.1 methods and the windows.</summary>
internal static class TemperatureCorrectionReader
{
    public static TemperatureCorrection Read(DataNode root)
    {
        decimal? alphaCu = null, alphaAl = null, numerator = null, offset = null;
        Provenance? alphaCuProv = null, alphaAlProv = null, b1Prov = null;
        var decimals = 0;
        var infos = new Dictionary<KtMethod, KtMethodInfo>();
        foreach (var raw in root.Items("methods"))
        {
            var id = raw.Str("id");
            var node = raw.Labelled(id);
            if (!KtMethodNames.TryParse(id, out var method))
            {
                throw node.Error($"unknown kt method '{id}' (alpha20, iec60228_tableB1)");
            }

            if (infos.ContainsKey(method))
            {
                throw node.Error($"method '{id}' appears twice");
            }

            infos[method] = new KtMethodInfo(method, node.Str("name"), node.Str("clause"), node.Str("formula"));
            if (method == KtMethod.Alpha20)
            {
                var alpha = node.Child("alpha20_per_k");
                (alphaCu, alphaCuProv) = ReadAlpha(alpha.Child("cu"));
                (alphaAl, alphaAlProv) = ReadAlpha(alpha.Child("al"));
            }
            else
            {
                numerator = node.Dec("numerator");
                offset = node.Dec("offset_c");
                decimals = node.Int("decimals");
                b1Prov = node.Provenance();
                if (numerator <= 0m || decimals is < 0 or > 10)
                {
                    throw node.Error("numerator must be positive and decimals within 0-10");
                }
            }
        }

        if (alphaCu is null || numerator is null)
        {
            throw root.Error("both methods alpha20 and iec60228_tableB1 are required");
        }

        return new TemperatureCorrection(
            root.Str("standard"), root.Str("edition"),
            alphaCu.Value, alphaCuProv!, alphaAl!.Value, alphaAlProv!,
            numerator.Value, offset!.Value, decimals, b1Prov!,
            infos, ReadRange(root.Child("validity_c")), ReadRange(root.Child("ambient_window_c")));
    }

    private static (decimal, Provenance) ReadAlpha(DataNode node)
    {
        var value = node.Dec("value");
        if (value is <= 0m or >= 0.01m)
        {
            throw node.Error($"alpha20 {value} /K is not a plausible metal coefficient");
        }

        return (value, node.Provenance());
    }

    internal static TemperatureRange ReadRange(DataNode node)
    {
        var min = node.Dec("min");
        var max = node.Dec("max");
        return min < max ? new TemperatureRange(min, max, node.Provenance()) : throw node.Error("min must be below max");
    }
}
