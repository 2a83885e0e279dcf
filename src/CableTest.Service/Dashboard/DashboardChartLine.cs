namespace CableTest.Service.Dashboard;

/// <summary>A horizontal limit line on the chart of <paramref name="Quantity"/> (a reading quantity, e.g. "resistance_ohm"), at <paramref name="Value"/> in its unit.</summary>
internal sealed record DashboardChartLine(string Quantity, double Value, string Label);
