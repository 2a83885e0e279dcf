namespace CableTest.Domain.Standards;

public sealed partial class StandardsCatalogue
{
    /// <summary>Product specs with this product code (case-insensitive), optionally of one rated voltage.</summary>
    public IReadOnlyList<ProductSpec> FindProductSpecs(string productCode, string? ratedVoltage = null)
    {
        RatedVoltage? rated = null;
        if (ratedVoltage is not null && RatedVoltage.TryParse(ratedVoltage, out var parsed))
        {
            rated = parsed;
        }

        return ProductSpecs
            .Where(s => string.Equals(s.ProductCode, productCode.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => rated is null || s.RatedVoltage == rated)
            .ToList();
    }

    /// <summary>The product spec with this id, or null.</summary>
    public ProductSpec? FindProductSpec(string id) =>
        ProductSpecs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}
