namespace CableTest.Instruments.Profiles;

/// <summary>One public source a profile was checked against.</summary>
/// <param name="Ref">Where: a URL, or <c>owner/repo:path</c> for public code.</param>
/// <param name="Covers">Which facts of the profile it confirms (commands, reply format, registers, serial settings).</param>
public sealed record ProfileReference(string Ref, string Covers);
