namespace CableTest.Domain.Standards;

/// <summary>A standards data file is malformed or inconsistent. The message names the file and the row.</summary>
public sealed class CatalogueLoadException : Exception
{
    public CatalogueLoadException()
    {
    }

    public CatalogueLoadException(string message)
        : base(message)
    {
    }

    public CatalogueLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CatalogueLoadException(string file, string? row, string problem, Exception? innerException = null)
        : base(row is null ? $"{file}: {problem}" : $"{file}: {row}: {problem}", innerException)
    {
        File = file;
        Row = row;
    }

    /// <summary>The data file (resource or path).</summary>
    public string? File { get; }

    /// <summary>The row, e.g. "tables[1] (Table 2) rows[4] (csa_mm2 2.5)"; null for file-level problems.</summary>
    public string? Row { get; }
}
