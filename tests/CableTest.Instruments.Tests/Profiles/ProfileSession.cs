using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>An SCPI session set up as a profile says (terminator, error checks) over an in-memory line; the far end is the scripted instrument's.</summary>
internal static class ProfileSession
{
    public static (ScpiSession Session, InMemoryChannel Far) Pair(InstrumentProfile profile)
    {
        var (a, b) = InMemoryChannel.CreatePair();
        return (new ScpiSession(a, new ScpiSessionOptions
        {
            Timeout = TimeSpan.FromSeconds(5),
            WriteTerminator = profile.Scpi!.WriteTerminator,
            CheckErrorsAfterCommand = profile.Scpi.CheckErrors,
        }), b);
    }
}
