using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>What a replayed run came to: its final document, the tests it judged, and its verdict when it completed.</summary>
internal sealed record ReplayedRun(V1.Run Run, IReadOnlyList<V1.TestVerdict> Tests, V1.Verdict? Verdict);

/// <summary>What a replay keeps of the recorded run: its id, and the conductor standard edition to judge against (null: the default).</summary>
internal sealed record ReplayIdentity(string RunId, string? Edition);
