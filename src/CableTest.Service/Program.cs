using CableTest.Service.Hosting;

// A start that fails on a bad setting, a port in use or an unusable data directory exits with 2 and one
// line naming the key or the port; anything else with 1 and the whole error (StartupErrors).
return await StartupErrors.GuardAsync(async () =>
{
    var builder = CableTestServiceExtensions.CreateBuilder(args);
    builder.AddCableTestService();
    var app = builder.Build();
    app.MapCableTestService();
    await app.RunAsync();
});
