namespace CableTest.Storage.Influx.ReadBack;

/// <summary>One stored series name the sink can count: a measurement and one of its numeric fields.</summary>
public readonly record struct SeriesField(string Measurement, string Field)
{
    public override string ToString() => $"{Measurement}.{Field}";
}
