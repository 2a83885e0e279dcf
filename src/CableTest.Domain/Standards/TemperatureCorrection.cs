namespace CableTest.Domain.Standards;

/// <summary>
/// Correction of a conductor resistance to 20 degC (GB/T 3048.4; IEC 60228 Annex B), from the
/// catalogue's temperature-correction data file. Pure decimal arithmetic.
/// </summary>
public sealed class TemperatureCorrection
{
    internal TemperatureCorrection(
        string standard,
        string edition,
        decimal alpha20CopperPerK,
        Provenance alpha20CopperProvenance,
        decimal alpha20AluminiumPerK,
        Provenance alpha20AluminiumProvenance,
        decimal tableB1Numerator,
        decimal tableB1OffsetC,
        int tableB1Decimals,
        Provenance tableB1Provenance,
        IReadOnlyDictionary<KtMethod, KtMethodInfo> methods,
        TemperatureRange validityC,
        TemperatureRange ambientWindowC)
    {
        Standard = standard;
        Edition = edition;
        Alpha20CopperPerK = alpha20CopperPerK;
        Alpha20CopperProvenance = alpha20CopperProvenance;
        Alpha20AluminiumPerK = alpha20AluminiumPerK;
        Alpha20AluminiumProvenance = alpha20AluminiumProvenance;
        TableB1Numerator = tableB1Numerator;
        TableB1OffsetC = tableB1OffsetC;
        TableB1Decimals = tableB1Decimals;
        TableB1Provenance = tableB1Provenance;
        Methods = methods;
        ValidityC = validityC;
        AmbientWindowC = ambientWindowC;
    }

    public string Standard { get; }

    public string Edition { get; }

    public decimal Alpha20CopperPerK { get; }

    public Provenance Alpha20CopperProvenance { get; }

    public decimal Alpha20AluminiumPerK { get; }

    public Provenance Alpha20AluminiumProvenance { get; }

    public decimal TableB1Numerator { get; }

    public decimal TableB1OffsetC { get; }

    public int TableB1Decimals { get; }

    public Provenance TableB1Provenance { get; }

    public IReadOnlyDictionary<KtMethod, KtMethodInfo> Methods { get; }

    /// <summary>Temperatures at which the linear correction is accepted at all.</summary>
    public TemperatureRange ValidityC { get; }

    /// <summary>
    /// The method's ambient window (default [15, 25] degC, tagged M). A bench/method policy: the
    /// run orchestration applies it; the verdict engine applies it only when the
    /// input asks for it.
    /// </summary>
    public TemperatureRange AmbientWindowC { get; }

    /// <summary>alpha20 of the metal (metal-coated copper is copper).</summary>
    public decimal Alpha20PerK(ConductorMaterial material) =>
        material == ConductorMaterial.Aluminium ? Alpha20AluminiumPerK : Alpha20CopperPerK;

    /// <summary>Provenance of the factor used for <paramref name="method"/> and <paramref name="material"/>.</summary>
    public Provenance ProvenanceOf(KtMethod method, ConductorMaterial material) => method switch
    {
        KtMethod.Alpha20 => material == ConductorMaterial.Aluminium ? Alpha20AluminiumProvenance : Alpha20CopperProvenance,
        _ => TableB1Provenance,
    };

    /// <summary>
    /// kt such that R20 = Rt x kt. alpha20: 1/(1 + alpha20 (t - 20)), unrounded. Table B.1:
    /// round(250/(230 + t), 3), half to even. Throws for temperatures where the formula has no
    /// meaning (denominator not positive); callers check <see cref="ValidityC"/> first.
    /// </summary>
    public decimal Kt(KtMethod method, ConductorMaterial material, decimal temperatureC)
    {
        switch (method)
        {
            case KtMethod.Alpha20:
                var denominator = 1m + (Alpha20PerK(material) * (temperatureC - 20m));
                return denominator > 0m
                    ? 1m / denominator
                    : throw new ArgumentOutOfRangeException(nameof(temperatureC), "no temperature correction at this temperature");
            case KtMethod.Iec60228TableB1:
                var divisor = TableB1OffsetC + temperatureC;
                return divisor > 0m
                    ? Math.Round(TableB1Numerator / divisor, TableB1Decimals, MidpointRounding.ToEven)
                    : throw new ArgumentOutOfRangeException(nameof(temperatureC), "no temperature correction at this temperature");
            default:
                throw new ArgumentOutOfRangeException(nameof(method));
        }
    }
}
