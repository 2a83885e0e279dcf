using System.Globalization;
using System.Text.Json;
using CableTest.Domain.Standards;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Drivers;

namespace CableTest.HardwareSim.Scenarios;

/// <summary>
/// Parses and validates scenario files (docs/simulator.md "Scenarios"). Every number is range-checked, unknown keys
/// are errors, and the sample must resolve in the Domain's standards catalogue, so a scenario always describes a
/// cable the product can register.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Parses one scenario document.</summary>
    public static ScenarioDefinition Parse(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = ParseJson(json, source);
        var root = new JsonObjectReader(source, "", doc.RootElement);
        var schema = root.Integer("schema", 0, int.MaxValue);
        if (schema != 1)
        {
            throw new ScenarioLoadException(source, "schema", $"version {schema} not supported (expected 1)");
        }

        var name = root.String("name");
        var scenario = new ScenarioDefinition
        {
            Name = name,
            Description = root.String("description"),
            Sample = ParseSample(root.Object("sample") ?? throw new ScenarioLoadException(source, "sample", "required object"), name),
            Ambient = ParseAmbient(root.Object("ambient")),
            Bath = ParseBath(root.Object("bath")),
            Devices = ParseDevices(root.Object("devices")),
            Faults = root.Array("faults").Select(ParseFault).ToArray(),
            Source = source,
        };
        root.RejectUnknown();
        return scenario;
    }

    /// <summary>Parses a lone sample object (the control API's SetSample with inline JSON).</summary>
    public static SampleDefinition ParseSample(string json, string source = "inline")
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json ?? string.Empty));
        using var doc = ParseJson(stream, source);
        return ParseSample(new JsonObjectReader(source, "sample", doc.RootElement), "inline");
    }

    private static JsonDocument ParseJson(Stream json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioLoadException(source, $"line {(e.LineNumber ?? 0) + 1}", "not valid JSON: " + e.Message);
        }
    }

    private static SampleDefinition ParseSample(JsonObjectReader r, string defaultName)
    {
        var productCode = r.String("product_code");
        var ratedVoltage = r.String("rated_voltage");
        var cls = r.Integer("conductor_class", 1, 6);
        var csa = r.Number("cross_section_mm2", 0, 3000, minExclusive: true);
        var cores = r.Integer("cores", 1, 61);
        var resolved = StandardsCatalogue.LoadDefault().ResolveSample(productCode, ratedVoltage, (decimal)csa, cores, cls);
        if (!resolved.Found)
        {
            throw new ScenarioLoadException(r.Source, r.Key("product_code"), "the Domain cannot resolve this sample: " + resolved.Detail);
        }

        var conductor = r.Object("conductor");
        var insulation = r.Object("insulation") ?? throw new ScenarioLoadException(r.Source, r.Key("insulation"), "required object");
        var breakdown = r.Object("breakdown");
        var sample = new SampleDefinition
        {
            Name = r.OptionalString("name") ?? defaultName,
            Product = r.String("product"),
            ProductCode = productCode,
            RatedVoltage = ratedVoltage,
            ConductorClass = cls,
            CrossSectionMm2 = csa,
            Cores = cores,
            LengthM = r.Number("length_m", 0, 100_000, minExclusive: true),
            Material = resolved.Value!.Spec.Material,
            CapacitanceUfPerKm = r.Number("capacitance_uf_per_km", 0.15, 0, 10, minExclusive: true),
            DeviationFraction = conductor?.Number("deviation", 0, -0.2, 0.5) ?? 0,
            CoreSpreadFraction = conductor?.Number("core_spread", 0.002, 0, 0.1) ?? 0.002,
            StrandingFactor = conductor?.Number("stranding_factor", 1, 0.9, 1.2) ?? 1,
            InitialTemperatureC = conductor?.OptionalNumber("initial_temperature_c", -40, 120),
            ThermalTimeConstantS = conductor?.Number("thermal_time_constant_s", 1800, 0, 1e6) ?? 1800,
            KiMOhmKm = insulation.Number("ki_mohm_km", 0, 1e9, minExclusive: true),
            InnerDiameterMm = insulation.Number("inner_diameter_mm", 0, 500, minExclusive: true),
            OuterDiameterMm = insulation.Number("outer_diameter_mm", 0, 500, minExclusive: true),
            HalvingK = insulation.Number("halving_k", 8, 1, 50),
            Polarisation = insulation.Number("polarisation", 0.3, 0, 0.95),
            PolarisationTauS = insulation.Number("polarisation_tau_s", 20, 0.1, 3600),
            WetFactor = insulation.Number("wet_factor", 1, 0, 1, minExclusive: true),
            Immersed = insulation.Boolean("immersed", resolved.Value.Spec.InsulationResistanceType is not null),
            BreakdownVoltageV = breakdown?.OptionalNumber("voltage_v", 0, 100_000, minExclusive: true),
            BreakdownDwellS = breakdown?.OptionalNumber("dwell_s", 0, 86_400),
        };
        if (sample.OuterDiameterMm <= sample.InnerDiameterMm)
        {
            throw new ScenarioLoadException(r.Source, insulation.Key("outer_diameter_mm"), string.Create(CultureInfo.InvariantCulture,
                $"{sample.OuterDiameterMm} mm must be larger than inner_diameter_mm {sample.InnerDiameterMm} mm"));
        }

        conductor?.RejectUnknown();
        insulation.RejectUnknown();
        breakdown?.RejectUnknown();
        r.RejectUnknown();
        return sample;
    }

    private static AmbientDefinition ParseAmbient(JsonObjectReader? r)
    {
        if (r is null)
        {
            return new AmbientDefinition();
        }

        var ambient = new AmbientDefinition
        {
            TemperatureC = r.Number("temperature_c", 20, -40, 80),
            HumidityRh = r.Number("humidity_rh", 50, 0, 100),
            DriftCPerHour = r.Number("drift_c_per_h", 0, -20, 20),
            HumidityDriftRhPerHour = r.Number("humidity_drift_rh_per_h", 0, -50, 50),
        };
        r.RejectUnknown();
        return ambient;
    }

    private static BathDefinition ParseBath(JsonObjectReader? r)
    {
        if (r is null)
        {
            return new BathDefinition();
        }

        var defaults = new BathDefinition();
        var bath = new BathDefinition
        {
            SetpointC = r.Number("setpoint_c", defaults.SetpointC, 0, 150),
            OffsetC = r.Number("offset_c", defaults.OffsetC, -50, 50),
            SwingC = r.Number("swing_c", defaults.SwingC, 0, 10),
            SwingPeriodS = r.Number("swing_period_s", defaults.SwingPeriodS, 1, 86_400),
            NoiseC = r.Number("noise_c", defaults.NoiseC, 0, 5),
        };
        r.RejectUnknown();
        return bath;
    }

    private static DeviceDefinition ParseDevices(JsonObjectReader? r)
    {
        if (r is null)
        {
            return new DeviceDefinition();
        }

        var defaults = new DeviceDefinition();
        var devices = new DeviceDefinition
        {
            OhmNoiseFraction = r.Number("ohm_noise", defaults.OhmNoiseFraction, 0, 0.1),
            OhmLeadResistanceOhm = r.Number("ohm_lead_resistance_ohm", defaults.OhmLeadResistanceOhm, 0, 10),
            MeggerNoiseFraction = r.Number("megger_noise", defaults.MeggerNoiseFraction, 0, 0.5),
            HipotNoiseFraction = r.Number("hipot_noise", defaults.HipotNoiseFraction, 0, 0.5),
            AmbientNoiseC = r.Number("ambient_noise_c", defaults.AmbientNoiseC, 0, 5),
            InterlockClosed = r.Boolean("interlock_closed", true),
            InterlockOpenAtDwellS = r.OptionalNumber("interlock_open_at_dwell_s", 0, 86_400),
        };
        r.RejectUnknown();
        return devices;
    }

    private static FaultDefinition ParseFault(JsonObjectReader r)
    {
        var role = r.String("role");
        if (!InstrumentRoles.TryParse(role, out _))
        {
            throw new ScenarioLoadException(r.Source, r.Key("role"), $"unknown role \"{role}\"");
        }

        var kindName = r.String("kind");
        if (!FaultKinds.TryParse(kindName, out var kind))
        {
            throw new ScenarioLoadException(r.Source, r.Key("kind"), $"unknown fault \"{kindName}\" (known: {FaultKinds.Known})");
        }

        var fault = new FaultDefinition(role, kind, r.Number("parameter", 0, -1000, 1e6), r.Integer("count", 0, 0, int.MaxValue));
        r.RejectUnknown();
        return fault;
    }
}
