namespace CableTest.Cli.Remote;

/// <summary>A RUN_ID that names no run or several; the message is the one line to print.</summary>
internal sealed class RunIdException(string message) : Exception(message);
