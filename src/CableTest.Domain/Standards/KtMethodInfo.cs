namespace CableTest.Domain.Standards;

/// <summary>Name, clause and provenance of one temperature-correction method, as the data file states them.</summary>
public sealed record KtMethodInfo(KtMethod Method, string Name, string Clause, string Formula);
