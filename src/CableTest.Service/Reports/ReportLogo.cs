namespace CableTest.Service.Reports;

/// <summary>The lab's logo file (<c>Reports:Lab:LogoPath</c>, checked at start: PNG or JPEG, at most 1 MB).</summary>
internal static class ReportLogo
{
    /// <summary>The logo's bytes, or null when none is configured or it can no longer be read.</summary>
    public static byte[]? Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The logo as a data: URI for the HTML report.</summary>
    public static string? DataUri(string? path) => Read(path) is { } bytes
        ? $"data:{(path!.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg")};base64,{Convert.ToBase64String(bytes)}"
        : null;
}
