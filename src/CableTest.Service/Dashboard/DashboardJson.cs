using System.Text.Json.Serialization;

namespace CableTest.Service.Dashboard;

/// <summary>The dashboard's JSON shapes, camelCase as the JSON API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DashboardResults))]
[JsonSerializable(typeof(IReadOnlyList<DashboardReading>))]
internal sealed partial class DashboardJson : JsonSerializerContext;
