namespace CableTest.HardwareSim.Population;

/// <summary>
/// How one manufacturer's conductors come out of a spot check: R20 as a fraction of the IEC 60228 maximum, uniform in
/// [<paramref name="R20RatioLow"/>, <paramref name="R20RatioHigh"/>], and with probability <paramref name="FailProbability"/> just over it
/// (1.000–1.025: a conductor drawn too thin). Insulation R_L as a multiple of its minimum, uniform in the given range.
/// </summary>
public sealed record ManufacturerProfile(string Name, double R20RatioLow, double R20RatioHigh, double FailProbability, double InsulationRatioLow,
    double InsulationRatioHigh);
