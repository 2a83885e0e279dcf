namespace CableTest.Domain.Standards.Loading;

/// <summary>File-level facts every row refers to: its name, origin, source list and footnotes.</summary>
internal sealed record DataFileContext(
    string Name,
    string Origin,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyDictionary<string, string> Footnotes);
