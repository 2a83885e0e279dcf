namespace CableTest.Storage.Evidence;

/// <summary>One thing wrong with a bundle: the member it is in and what is wrong, in words.</summary>
public sealed record EvidenceProblem(string Member, string What)
{
    public override string ToString() => $"{Member}: {What}";
}
