using System.Text;
using System.Text.Json;

namespace CableTest.HardwareSim;

public sealed partial class SimulatedBench
{
    /// <summary>
    /// The manifest: one JSON object (one line) naming every endpoint and, when given, the control API address —
    /// the first line the program prints (docs/simulator.md "Manifest").
    /// </summary>
    public string Manifest(string? controlAddress = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", ScenarioName);
            json.WriteNumber("time_scale", TimeScale);
            json.WriteNumber("seed", Seed);
            if (controlAddress is not null)
            {
                json.WriteString("control", controlAddress);
            }

            json.WriteStartArray("endpoints");
            foreach (var e in endpoints)
            {
                json.WriteStartObject();
                json.WriteString("role", e.Role);
                json.WriteString("protocol", e.Protocol);
                json.WriteString("address", e.Address);
                json.WriteNumber("unit_id", e.UnitId);
                json.WriteString("profile", e.Profile);
                json.WriteString("endpoint", e.Endpoint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
