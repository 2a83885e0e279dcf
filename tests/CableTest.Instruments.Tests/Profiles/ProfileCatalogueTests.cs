using CableTest.Instruments.Drivers;
using CableTest.Instruments.Profiles;
using CableTest.Testing;

namespace CableTest.Instruments.Tests.Profiles;

public sealed class ProfileCatalogueTests
{
    [Fact]
    public void LoadDefault_HasSimulatorProfileAndTwoRealModelsPerRole()
    {
        var catalogue = ProfileCatalogue.LoadDefault();
        foreach (var role in Enum.GetValues<InstrumentRole>())
        {
            var profiles = catalogue.All.Where(p => p.Role == role).ToList();
            Assert.Single(profiles, p => p.Source.Tag == "sim");
            Assert.True(profiles.Count(p => p.Source.Tag != "sim") >= 2, $"{role}: fewer than two real-model profiles");
            Assert.All(profiles, p => Assert.False(string.IsNullOrWhiteSpace(p.Source.Manual)));
        }
    }

    [Fact]
    public void LoadDefault_MemoryTaggedProfilesAreFlaggedUnverified()
    {
        var catalogue = ProfileCatalogue.LoadDefault();
        Assert.True(catalogue.Get("hioki-sm7110").Source.IsUnverified);
        Assert.False(catalogue.Get("renke-rs-ws-n01").Source.IsUnverified);
        Assert.False(catalogue.Get("sim-ohm").Source.IsUnverified);
    }

    [Fact]
    public void LoadDefault_EveryRealModelProfileNamesItsEvidence()
    {
        foreach (var profile in ProfileCatalogue.LoadDefault().All.Where(p => p.Source.Tag != "sim"))
        {
            var source = profile.Source;
            Assert.True(source.Sources.Count > 0, $"{profile.Name}: no public source named");
            Assert.All(source.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Covers)));
            if (source.Tag == "M")
            {
                Assert.True(source.Unconfirmed.Count > 0, $"{profile.Name}: tag M must say what is unconfirmed");
            }
            else
            {
                Assert.Empty(source.Unconfirmed);
            }
        }
    }

    [Fact]
    public void LoadDefault_EachRoleHasAProfileCheckedAgainstPublicSources()
    {
        // Insulation: keithley-6517b and -6517a (D); the two megohmmeters stay M (docs/profiles.md).
        var catalogue = ProfileCatalogue.LoadDefault();
        foreach (var role in Enum.GetValues<InstrumentRole>())
        {
            Assert.Contains(catalogue.All, p => p.Role == role && p.Source.Tag is "V2" or "V1" or "D");
        }
    }

    [Fact]
    public void Get_Unknown_ListsKnownNames()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ProfileCatalogue.LoadDefault().Get("nope"));
        Assert.Contains("sim-hipot", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "line")]
    [InlineData("{\"schema\":2}", "schema")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"toaster\"}", "role")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"X\"}}", "source.tag")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"modbus\":{\"timeout_ms\":100,\"points\":{\"temperature_c\":{\"table\":\"input\",\"address\":0,\"type\":\"int16\"}}}}", "modbus.points.humidity_rh")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"modbus\":{\"timeout_ms\":100,\"points\":{\"temperature_c\":{\"table\":\"input\",\"address\":0,\"type\":\"int12\"}}}}", "modbus.points.temperature_c.type")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"conductor_resistance_meter\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"]}}}", "scpi.commands.measure")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"V2\",\"sources\":[{\"ref\":\"r\",\"covers\":\"c\"}]}}", "source.tag")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"V1\"}}", "source.tag")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"V1\",\"sources\":[{\"ref\":\"r\",\"covers\":\"c\"}],\"unconfirmed\":[\"baud\"]}}", "source.tag")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"ambient_sensor\",\"protocol\":\"modbus-rtu\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"V1\",\"sources\":[{\"ref\":\"r\"}]}}", "source.sources[0].covers")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"withstand_tester\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"],\"start\":[\"S\"],\"status\":[\"Q?\"],\"stop\":[\"P\"]},\"fields\":{\"outcome\":0,\"voltage_v\":1,\"leakage_ma\":2,\"elapsed_s\":3},\"codes\":{\"OK\":\"fine\"}}}", "scpi.codes.OK")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"withstand_tester\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"],\"start\":[\"S\"],\"status\":[\"Q?\"],\"stop\":[\"P\"]},\"fields\":{\"outcome\":0,\"voltage_v\":1,\"leakage_ma\":2,\"elapsed_s\":3},\"scales\":{\"leakage_a\":1000}}}", "scpi.scales.leakage_a")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"withstand_tester\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"],\"start\":[\"S\"],\"status\":[\"Q?\"],\"stop\":[\"P\"]},\"fields\":{\"outcome\":0,\"voltage_v\":1,\"leakage_ma\":2,\"elapsed_s\":3},\"scales\":{\"leakage_ma\":0}}}", "scpi.scales.leakage_ma")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"insulation_tester\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"],\"start\":[\"S\"],\"read\":[\"R?\"],\"stop\":[\"P\"],\"discharged\":[\"D?\"]},\"fields\":{\"resistance_ohm\":0,\"voltage_v\":1},\"reading_status\":{\"current_a\":{\"N\":\"normal\"}}}}", "scpi.reading_status.current_a")]
    [InlineData("{\"schema\":1,\"name\":\"x\",\"role\":\"insulation_tester\",\"protocol\":\"scpi\",\"source\":{\"manufacturer\":\"m\",\"model\":\"m\",\"manual\":\"m\",\"tag\":\"M\"},\"scpi\":{\"write_terminator\":\"\\n\",\"timeout_ms\":100,\"commands\":{\"identify\":[\"*IDN?\"],\"configure\":[\"X\"],\"start\":[\"S\"],\"read\":[\"R?\"],\"stop\":[\"P\"],\"discharged\":[\"D?\"]},\"fields\":{\"resistance_ohm\":0,\"voltage_v\":1},\"reading_status\":{\"resistance_ohm\":{\"L\":\"pass\"}}}}", "scpi.reading_status.resistance_ohm.L")]
    public void Load_BadFile_NamesFileAndKey(string json, string key)
    {
        using var dir = new TempDirectory("profiles");
        File.WriteAllText(dir.File("lab.json"), json);
        var e = Assert.Throws<ProfileLoadException>(() => ProfileCatalogue.Load([dir.Path]));
        Assert.Contains("lab.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabProfileBesideShipped_IsAvailable_AndDuplicateNameRefused()
    {
        using var dir = new TempDirectory("profiles");
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "src/CableTest.Instruments/Profiles/Data/xymd02.json"));
        File.WriteAllText(dir.File("lab.json"), shipped.Replace("\"xymd02\"", "\"lab-th\"", StringComparison.Ordinal));
        Assert.Equal(InstrumentRole.AmbientSensor, ProfileCatalogue.Load([dir.Path]).Get("lab-th").Role);
        File.WriteAllText(dir.File("dup.json"), shipped);
        Assert.Throws<ProfileLoadException>(() => ProfileCatalogue.Load([dir.Path]));
    }
}
