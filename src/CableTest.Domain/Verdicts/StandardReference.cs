namespace CableTest.Domain.Verdicts;

/// <summary>Where a requirement comes from (mirrors cabletest.v1.StandardReference).</summary>
/// <param name="Standard">e.g. "IEC 60228 / GB/T 3956".</param>
/// <param name="Edition">e.g. "IEC 60228:2004 (ed. 3) / GB/T 3956-2008 (IDT)".</param>
/// <param name="Clause">Table or clause of the limit, e.g. "Table 2".</param>
/// <param name="Method">Test method, including the kt method for conductor resistance.</param>
/// <param name="LimitVerified">False when the limit's data row is tagged M (unverified).</param>
/// <param name="Source">Tag and source ids of the data row, e.g. "V2 [S1][S3]".</param>
public sealed record StandardReference(string Standard, string Edition, string Clause, string Method, bool LimitVerified, string Source);
