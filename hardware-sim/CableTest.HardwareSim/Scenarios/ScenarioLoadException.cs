namespace CableTest.HardwareSim.Scenarios;

/// <summary>A scenario file that cannot be used: names the file, the key and the problem.</summary>
public sealed class ScenarioLoadException : Exception
{
    public ScenarioLoadException(string source, string key, string problem)
        : base($"{source}: {key}: {problem}")
    {
        Source = source;
        Key = key;
    }

    public ScenarioLoadException()
    {
        Source = Key = string.Empty;
    }

    public ScenarioLoadException(string message)
        : base(message)
    {
        Source = Key = string.Empty;
    }

    public ScenarioLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = Key = string.Empty;
    }

    /// <summary>The file (or <c>embedded:NAME</c>, <c>inline</c>).</summary>
    public new string Source { get; }

    /// <summary>The JSON key path, e.g. <c>sample.length_m</c>.</summary>
    public string Key { get; }
}
