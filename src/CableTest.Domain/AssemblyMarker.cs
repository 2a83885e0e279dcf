namespace CableTest.Domain;

/// <summary>Anchor for assembly lookups (architecture tests).</summary>
public static class AssemblyMarker;
