namespace CableTest.Instruments.Recording;

/// <summary>A recording file that cannot be read: names the file and line.</summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception for a position in a file.</summary>
    public RecordingFormatException(string path, long lineNumber, string problem)
        : base($"{path}:{lineNumber}: {problem}")
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>Creates the exception.</summary>
    public RecordingFormatException()
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public RecordingFormatException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public RecordingFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>1-based line number of the problem.</summary>
    public long LineNumber { get; }
}
