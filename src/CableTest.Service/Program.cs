using CableTest.Service.Hosting;

try
{
    var builder = CableTestServiceExtensions.CreateBuilder(args);
    builder.AddCableTestService();
    var app = builder.Build();
    app.MapCableTestService();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationErrors.Describe(e) is { } problem)
{
    // A bad setting: one clear line naming the key (stderr, which systemd's journal keeps), no stack trace.
    await Console.Error.WriteLineAsync("cabletest-service: configuration error: " + problem);
    return 2;
}
