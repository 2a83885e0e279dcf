using CableTest.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.HardwareSim.Population;

/// <summary>A spot-check sample as the service records it: its sealed sampling record and its verdict (conductor and insulation tests).</summary>
public static class SpotCheckVerdicts
{
    public static SamplingRecord SamplingRecord(SpotCheckSample sample) => new()
    {
        SamplingBody = "Provincial SAMR",
        Sampler = "Inspector Zhou",
        Manufacturer = sample.Manufacturer.Name,
        Lot = "LOT-" + sample.SampleId,
        SampledAtPlace = "Distributor warehouse",
        SampledAt = Timestamp.FromDateTimeOffset(sample.TestedAt.AddDays(-3)),
        SealNumber = "SEAL-" + sample.SampleId,
        RetainedPortionLocation = "Retained store A",
    };

    public static Verdict Verdict(SpotCheckSample sample, string verdictId, string runId)
    {
        var conductorOutcome = sample.ConductorFails ? Outcome.Fail : Outcome.Pass;
        var product = sample.Product;
        var conductor = new TestVerdict
        {
            TestId = "conductor-1",
            Kind = TestKind.ConductorResistance,
            Core = "1",
            Outcome = conductorOutcome,
            Reference = new StandardReference { Standard = "IEC 60228 / GB/T 3956", Edition = "2004 / 2008", Clause = product.ConductorClass == 1 ? "Table 1" : "Table 3" },
            ConductorResistance = new ConductorResistanceEvidence
            {
                Conductor = new ConductorSpec { ConductorClass = product.ConductorClass, Material = "Cu", CrossSectionMm2 = product.CrossSectionMm2 },
                MeasuredResistanceOhm = sample.R20OhmPerKm,
                LengthM = 1000,
                ConductorTemperatureC = 20,
                KtMethod = "alpha20",
                Kt = 1,
                RtOhmPerKm = sample.R20OhmPerKm,
                R20OhmPerKm = sample.R20OhmPerKm,
                LimitOhmPerKm = product.MaxR20OhmPerKm,
                AcceptanceLimitOhmPerKm = product.MaxR20OhmPerKm,
            },
        };
        var insulation = new TestVerdict
        {
            TestId = "insulation-1",
            Kind = TestKind.InsulationResistance,
            Core = "1",
            Outcome = Outcome.Pass,
            Reference = new StandardReference { Standard = "IEC 60227 / GB/T 5023", Edition = "2007 / 2008", Clause = "Table 1" },
            InsulationResistance = new InsulationResistanceEvidence
            {
                CableType = "60227 IEC 01",
                Criterion = "R_L",
                RLMohmKm = sample.InsulationRLMohmKm,
                Minimum = product.InsulationMinimumMohmKm,
                MinimumUnit = "MOhm.km",
                TestTemperatureC = 70,
            },
        };
        return new Verdict
        {
            VerdictId = verdictId,
            RunId = runId,
            SampleId = sample.SampleId,
            LimsOrder = "SPOT-2026",
            BenchId = "SIM-POPULATION",
            ProductSpec = product.SpecId,
            Outcome = conductorOutcome,
            Tests = { conductor, insulation },
            EvaluatedAt = Timestamp.FromDateTimeOffset(sample.TestedAt),
        };
    }
}
