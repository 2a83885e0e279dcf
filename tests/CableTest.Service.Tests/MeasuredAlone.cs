namespace CableTest.Service.Tests;

/// <summary>Tests that measure the whole process (its heap, its timing): xUnit runs this collection with no other test beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
