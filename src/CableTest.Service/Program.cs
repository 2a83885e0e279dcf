using CableTest.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
KestrelSetup.Configure(builder);
var app = builder.Build();
app.MapGet("/", (HttpContext c) => "CableTest " + c.Request.Protocol + " " + c.Connection.RemoteIpAddress);
app.Run();
