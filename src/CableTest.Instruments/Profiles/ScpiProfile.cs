namespace CableTest.Instruments.Profiles;

/// <summary>
/// SCPI command set of one model. Commands are templates: <c>{name}</c> is replaced by a setting in
/// invariant NR2/NR3, <c>{name?ON:OFF}</c> picks a text by a boolean setting. A command list runs in order;
/// in a list that is read (read, status, measure) every query's reply is read and the replies are joined, in
/// order, into one list of fields.
/// </summary>
/// <param name="WriteTerminator">"\n" or "\r\n".</param>
/// <param name="TimeoutMs">Reply deadline.</param>
/// <param name="CheckErrors">Read SYST:ERR? after commands (instruments without an error queue: false).</param>
/// <param name="Commands">Named command lists (identify, configure, measure, ...).</param>
/// <param name="Fields">For multi-field replies: field name → 0-based index.</param>
/// <param name="Codes">Reply text → code name (e.g. the tester's status words "PASS" → "pass").</param>
/// <param name="Scales">Field → factor from the instrument's unit to the field's (a reply in A for leakage_ma: 1000).</param>
public sealed record ScpiProfile(
    string WriteTerminator,
    int TimeoutMs,
    bool CheckErrors,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Commands,
    IReadOnlyDictionary<string, int> Fields,
    IReadOnlyDictionary<string, string> Codes,
    IReadOnlyDictionary<string, double> Scales)
{
    /// <summary>
    /// Field → reading-status prefixes of its unit and what each means (normal, overflow or invalid): a reply such
    /// as <c>+1.2E+12NOHM</c> carries a status letter (N) before the unit (OHM). Empty for instruments without one.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadingStatus { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
}
