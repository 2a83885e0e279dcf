using CableTest.Domain.Inputs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Reports;

/// <summary>Startup validation of <see cref="ReportOptions"/>: each error names its configuration key and what would fix it.</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public const long MaxLogoBytes = 1024 * 1024;
    private static readonly TextRule OneLine = new(200, AllowLineBreaks: false);
    private static readonly TextRule Address = new(400, AllowLineBreaks: true);

    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var errors = new List<string>();
        Text(options.Lab.Name, OneLine, "Reports:Lab:Name", errors);
        Text(options.Lab.Address, Address, "Reports:Lab:Address", errors);
        Text(options.Lab.AccreditationNumber, TextRule.ShortText, "Reports:Lab:AccreditationNumber", errors);
        if (!string.IsNullOrWhiteSpace(options.Lab.LogoPath))
        {
            var logo = options.Lab.LogoPath;
            var extension = Path.GetExtension(logo).ToLowerInvariant();
            if (extension is not (".png" or ".jpg" or ".jpeg"))
            {
                errors.Add($"Reports:Lab:LogoPath must be a .png or .jpg file (is '{logo}')");
            }
            else if (!File.Exists(logo))
            {
                errors.Add($"Reports:Lab:LogoPath: no file '{logo}' (give an existing PNG or JPEG, or leave it empty)");
            }
            else if (new FileInfo(logo).Length > MaxLogoBytes)
            {
                errors.Add($"Reports:Lab:LogoPath: '{logo}' is larger than 1 MB");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && ReportTime.FindZone(options.TimeZone) is null)
        {
            errors.Add($"Reports:TimeZone: unknown time zone '{options.TimeZone}' (give an IANA id such as Asia/Shanghai or Europe/Berlin, or leave it empty for the machine's)");
        }

        Font(options.Fonts.Cjk, "Reports:Fonts:Cjk", errors);
        Font(options.Fonts.Latin, "Reports:Fonts:Latin", errors);
        if (options.Fonts.CjkFaceIndex is < 0 or > 63)
        {
            errors.Add($"Reports:Fonts:CjkFaceIndex must be between 0 and 63 (is {options.Fonts.CjkFaceIndex})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Text(string value, TextRule rule, string key, List<string> errors)
    {
        if (rule.Problem(value) is { } problem)
        {
            errors.Add($"{key}: {problem}");
        }
    }

    private static void Font(string? path, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            errors.Add($"{key}: no font file '{path}' (give a .ttf, .otf or .ttc file, or leave it empty to search the usual places)");
        }
        else if (Path.GetExtension(path).ToLowerInvariant() is not (".ttf" or ".otf" or ".ttc"))
        {
            errors.Add($"{key} must be a .ttf, .otf or .ttc file (is '{path}')");
        }
    }
}
