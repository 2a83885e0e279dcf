namespace CableTest.Domain.Standards.Loading;

/// <summary>Reads the "insulation_method" file (test voltage and electrification windows).</summary>
internal static class InsulationMethodReader
{
    public static InsulationMethod Read(DataNode root)
    {
        var voltage = root.Child("test_voltage_v_dc");
        var time = root.Child("electrification_s");
        var match = root.Child("temperature_match_c");
        var method = new InsulationMethod(
            root.Str("standard"), root.Str("edition"), root.Str("clause"),
            voltage.Dec("min"), voltage.Dec("max"), voltage.Provenance(),
            time.Dec("min"), time.Dec("max"), time.Provenance(),
            match.Dec("value"));
        match.Provenance();
        if (method.MinTestVoltageVDc <= 0m || method.MinTestVoltageVDc >= method.MaxTestVoltageVDc)
        {
            throw voltage.Error("need 0 < min < max");
        }

        if (method.MinElectrificationS <= 0m || method.MinElectrificationS >= method.MaxElectrificationS)
        {
            throw time.Error("need 0 < min < max");
        }

        return method.TemperatureMatchC >= 0m ? method : throw match.Error("must not be negative");
    }
}
