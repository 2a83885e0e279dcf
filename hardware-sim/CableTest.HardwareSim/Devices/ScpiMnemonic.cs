namespace CableTest.HardwareSim.Devices;

/// <summary>SCPI header matching: each node matches its short form (the upper-case part) or its long form, any case.</summary>
internal static class ScpiMnemonic
{
    /// <summary>True when <paramref name="header"/> (e.g. <c>sens:res:rang</c>) is <paramref name="pattern"/> (e.g. <c>SENSe:RESistance:RANGe</c>).</summary>
    public static bool Matches(string header, string pattern)
    {
        var h = header.TrimStart(':').Split(':');
        var p = pattern.Split(':');
        if (h.Length != p.Length)
        {
            return false;
        }

        for (var i = 0; i < h.Length; i++)
        {
            var shortForm = new string(p[i].Where(c => !char.IsLower(c)).ToArray());
            if (!h[i].Equals(shortForm, StringComparison.OrdinalIgnoreCase) && !h[i].Equals(p[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
