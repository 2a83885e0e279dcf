using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Runs.Plan;

/// <summary>What was agreed before measuring (ISO/IEC 17025 7.1.3): decision rule, temperature correction, withstand voltage kind.</summary>
/// <param name="Rule">Decision rule for every compared quantity.</param>
/// <param name="Kt">Temperature correction method for conductor resistance.</param>
/// <param name="VoltageKind">AC, or the DC alternative where the standard allows it.</param>
/// <param name="Edition">Conductor standard edition to judge against (replays only; null: the catalogue's default).</param>
public sealed record RunSettings(DecisionRule Rule, KtMethod Kt, VoltageKind VoltageKind, string? Edition = null);
