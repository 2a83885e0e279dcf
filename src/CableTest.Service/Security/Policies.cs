using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Security;

/// <summary>Authorization policies the gRPC services are annotated with.</summary>
public static class Policies
{
    /// <summary>Read verdicts, runs, bench status, standards: any authenticated role.</summary>
    public const string Read = "read";

    /// <summary>
    /// Read what only the sealed roles may see (risk per manufacturer): lims, engineer, supervisor through a credential or
    /// Auth:AnonymousRoles naming one (<see cref="CallerRoles.SeesSamplingRecords"/>).
    /// </summary>
    public const string SealedRead = "sealed-read";

    /// <summary>Book verdicts: the LIMS (and engineers, who administer the feed).</summary>
    public const string AcknowledgeVerdicts = "acknowledge-verdicts";

    /// <summary>Start, abort and answer runs.</summary>
    public const string Run = "run";

    /// <summary>Register samples: technicians (coded samples), engineers and the LIMS (with a sampling record).</summary>
    public const string RegisterSample = "register-sample";

    /// <summary>Record another lab's results with a sample (a re-inspection): the LIMS and engineers.</summary>
    public const string RecordInspection = "record-inspection";

    /// <summary>Replay recorded runs and administer the bench.</summary>
    public const string Engineer = "engineer";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole(Roles.Lims, Roles.Technician, Roles.Engineer, Roles.Supervisor));
        // The same sight as sealed sampling records: a credential with a sealed role, not the default anonymous loopback caller.
        options.AddPolicy(SealedRead, p => p.RequireAssertion(context => context.User.SeesSamplingRecords()));
        options.AddPolicy(AcknowledgeVerdicts, p => p.RequireRole(Roles.Lims, Roles.Engineer));
        options.AddPolicy(Run, p => p.RequireRole(Roles.Technician, Roles.Engineer));
        options.AddPolicy(RegisterSample, p => p.RequireRole(Roles.Technician, Roles.Engineer, Roles.Lims));
        options.AddPolicy(RecordInspection, p => p.RequireRole(Roles.Lims, Roles.Engineer));
        options.AddPolicy(Engineer, p => p.RequireRole(Roles.Engineer));
        // Anything not annotated still needs an authenticated caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
