using CableTest.Contracts.V1;
using Google.Protobuf;
using static System.FormattableString;

namespace CableTest.Cli.Runs;

/// <summary>
/// The sample `run` registers: read from <c>--file</c> (protobuf JSON of RegisterSampleRequest, e.g.
/// {"sampleId": "S-1", "specId": "...", "crossSectionMm2": 2.5, ...}), then overridden by options.
/// </summary>
internal sealed record SampleArguments(
    string? SampleId, string? SpecId, double? CrossSectionMm2, int? Cores, double? LengthM, int? ConductorClass,
    double? ConductorDiameterMm, double? InsulationOuterDiameterMm, string? LimsOrder, string? File)
{
    /// <summary>
    /// The request to register; <see cref="FormatException"/> naming what is missing or unreadable.
    /// <see cref="RegisterSampleRequest.SpecId"/> is empty when only the id is known (an existing sample is meant).
    /// </summary>
    public RegisterSampleRequest ToRequest()
    {
        var request = new RegisterSampleRequest();
        if (File is not null)
        {
            try
            {
                request = JsonParser.Default.Parse<RegisterSampleRequest>(System.IO.File.ReadAllText(File));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException)
            {
                throw new FormatException($"--file {File}: {e.Message}", e);
            }
        }

        if (SampleId is not null) request.SampleId = SampleId;
        if (SpecId is not null) request.SpecId = SpecId;
        if (CrossSectionMm2 is { } csa) request.CrossSectionMm2 = csa;
        if (Cores is { } cores) request.Cores = cores;
        if (LengthM is { } length) request.LengthM = length;
        if (ConductorClass is { } conductorClass) request.ConductorClass = conductorClass;
        if (ConductorDiameterMm is { } d) request.ConductorDiameterMm = d;
        if (InsulationOuterDiameterMm is { } outer) request.InsulationOuterDiameterMm = outer;
        if (LimsOrder is not null) request.LimsOrder = LimsOrder;

        if (string.IsNullOrWhiteSpace(request.SampleId))
        {
            throw new FormatException("--sample is required (or sampleId in --file)");
        }

        var given = new (string Flag, bool Given)[]
        {
            ("--spec", request.SpecId.Length > 0), ("--csa", request.CrossSectionMm2 != 0), ("--cores", request.Cores != 0), ("--length", request.LengthM != 0),
        };
        if (given.Any(g => g.Given) && given.Where(g => !g.Given).Select(g => g.Flag).ToList() is { Count: > 0 } missing)
        {
            throw new FormatException(
                $"to register sample {request.SampleId} also give {Usage.Flags.Either(missing).Replace(" or ", " and ", StringComparison.Ordinal)} (--spec, --csa, --cores and --length; or only --sample to run a registered sample)");
        }

        if (request.HasConductorDiameterMm && request.HasInsulationOuterDiameterMm && DiameterError(request.ConductorDiameterMm, request.InsulationOuterDiameterMm) is { } diameters)
        {
            throw new FormatException(diameters);
        }

        return request;
    }

    /// <summary>"--d 3 must be smaller than --D 2 ..." when the diameter under the insulation is not below the one over it; null when it is.</summary>
    public static string? DiameterError(double conductorDiameterMm, double insulationOuterDiameterMm) =>
        conductorDiameterMm < insulationOuterDiameterMm
            ? null
            : Invariant($"--d {conductorDiameterMm} must be smaller than --D {insulationOuterDiameterMm} (--d is the diameter under the insulation, --D the one over it, in mm)");

    /// <summary>Differences between a registered sample and the request ("cores: registered 3, given 1"), empty when they match.</summary>
    public static IReadOnlyList<string> Differences(Sample registered, RegisterSampleRequest given)
    {
        var differences = new List<string>();
        void Compare<T>(string name, T registeredValue, T givenValue)
        {
            if (!EqualityComparer<T>.Default.Equals(registeredValue, givenValue))
            {
                differences.Add(Invariant($"{name}: registered {registeredValue}, given {givenValue}"));
            }
        }

        Compare("spec", registered.SpecId, given.SpecId);
        Compare("csa", registered.Conductor?.CrossSectionMm2 ?? 0, given.CrossSectionMm2);
        Compare("cores", registered.Cores, given.Cores);
        Compare("length", registered.LengthM, given.LengthM);
        if (given.HasConductorClass) Compare("class", registered.Conductor?.ConductorClass ?? 0, given.ConductorClass);
        if (given.HasConductorDiameterMm) Compare("d", registered.HasConductorDiameterMm ? registered.ConductorDiameterMm : (double?)null, given.ConductorDiameterMm);
        if (given.HasInsulationOuterDiameterMm) Compare("D", registered.HasInsulationOuterDiameterMm ? registered.InsulationOuterDiameterMm : (double?)null, given.InsulationOuterDiameterMm);
        if (given.LimsOrder.Length > 0) Compare("lims-order", registered.LimsOrder, given.LimsOrder);
        return differences;
    }
}
