namespace CableTest.Domain.Uncertainty;

/// <summary>Where a decision rule's expanded uncertainty U comes from.</summary>
public enum UncertaintySource
{
    /// <summary>No U stated (simple acceptance without an uncertainty).</summary>
    None,

    /// <summary>U (or w) given with the request, agreed before measuring.</summary>
    Request,

    /// <summary>U of the compared quantity from the result's own uncertainty budget (ILAC-G8 w = U).</summary>
    Budget,
}
