namespace CableTest.Instruments.Profiles;

/// <summary>A profile file that is malformed or incomplete: names the file and the key.</summary>
public sealed class ProfileLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProfileLoadException(string file, string key, string problem)
        : base($"{file}: {key}: {problem}")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProfileLoadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProfileLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProfileLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
