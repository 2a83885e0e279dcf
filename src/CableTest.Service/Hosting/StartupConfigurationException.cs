namespace CableTest.Service.Hosting;

/// <summary>A setting the service cannot work with, found while composing it; the message starts with the key.</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
