using CableTest.Domain.Standards;

namespace CableTest.Domain.Uncertainty;

/// <summary>
/// Budget of a conductor resistance result (GB/T 3048.4): R20 = R · 1000 / L · kt(t).
/// Sensitivity coefficients (the partial derivatives of the model):
/// c_R = ∂R20/∂R = 1000 kt / L; c_t = ∂R20/∂t = Rt · dkt/dt, with dkt/dt = −α20 kt² for the α20 method and
/// −250 / (230 + t)² for IEC 60228 Table B.1 (the unrounded 250/(230 + t); the table's rounding to three decimals is
/// part of the method, not an uncertainty); c_L = ∂R20/∂L = −R20 / L.
/// Budgets: R20 (compared), the reading R, and the temperature t when a thermometer is given.
/// </summary>
public static class ConductorBudget
{
    public static BudgetOutcome Compute(ConductorUncertaintyInputs inputs, decimal measuredOhm, decimal lengthM, decimal temperatureC, KtMethod method,
        decimal alpha20PerK, decimal kt, decimal rtOhmPerKm, decimal r20OhmPerKm)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        var (l, rt, r20, k) = ((double)lengthM, (double)rtOhmPerKm, (double)r20OhmPerKm, (double)kt);
        var cR = 1000d * k / l;
        var meter = ReadingComponents.Of(inputs.Meter, measuredOhm, "R", "resistance meter", cR, "(Ω/km)/Ω");
        if (meter is null)
        {
            return new([], [ReadingComponents.OutOfRange(inputs.Meter, measuredOhm, "r20_ohm_per_km")]);
        }

        var components = new List<UncertaintyComponent>(meter);
        var budgets = new List<UncertaintyBudget>();
        var reading = ReadingComponents.Of(inputs.Meter, measuredOhm, "R", "resistance meter", 1d, "Ω/Ω")!;
        UncertaintyBudget? temperature = null;
        if (inputs.Thermometer is { } thermometer)
        {
            var t = (double)temperatureC;
            var dKtdT = method == KtMethod.Alpha20 ? -(double)alpha20PerK * k * k : -250d / ((230d + t) * (230d + t));
            var sensor = ReadingComponents.Of(thermometer, temperatureC, "t", "temperature sensor", rt * dKtdT, "(Ω/km)/°C");
            if (sensor is null)
            {
                problems.Add(ReadingComponents.OutOfRange(thermometer, temperatureC, "conductor_temperature_c"));
            }
            else
            {
                components.AddRange(sensor);
                var own = ReadingComponents.Of(thermometer, temperatureC, "t", "temperature sensor", 1d, "°C/°C")!;
                temperature = UncertaintyBudget.Combine("conductor_temperature_c", "°C", t, own, compared: false);
            }
        }
        else
        {
            problems.Add("no temperature sensor accuracy given: the temperature correction's uncertainty is not in the budget");
        }

        if (inputs.Length is { } length)
        {
            components.Add(UncertaintyComponent.LimitOfError("length between the potential terminals", "L", length.Source, (double)length.HalfWidthMm / 1000d, "m",
                -r20 / l, "(Ω/km)/m", length.Tag));
        }
        else
        {
            problems.Add("no length tolerance given: the length's uncertainty is not in the budget");
        }

        budgets.Add(UncertaintyBudget.Combine("r20_ohm_per_km", "Ω/km", r20, components, compared: true));
        budgets.Add(UncertaintyBudget.Combine("measured_resistance_ohm", "Ω", (double)measuredOhm, reading, compared: false));
        if (temperature is not null)
        {
            budgets.Add(temperature);
        }

        return new(budgets, problems);
    }
}
