using System.Text.RegularExpressions;
using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>Checks verdict requests and turns them into store queries; every violation is reported, not only the first.</summary>
internal static partial class VerdictRequests
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static VerdictQuery ToQuery(ListVerdictsRequest request)
    {
        var violations = new List<FieldViolation>();
        var from = ReadTimestamp(request.EvaluatedFrom, "evaluated_from", violations);
        var to = ReadTimestamp(request.EvaluatedTo, "evaluated_to", violations);
        if (from is not null && to is not null && from >= to)
        {
            violations.Add(new("evaluated_to", "must be after evaluated_from"));
        }

        if (request.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new("page_size", $"must be between 1 and {MaxPageSize} (0 for the default {DefaultPageSize})"));
        }

        var outcomes = new List<string>();
        for (var i = 0; i < request.Outcomes.Count; i++)
        {
            if (request.Outcomes[i].ToWireName() is { } name)
            {
                outcomes.Add(name);
            }
            else
            {
                violations.Add(new($"outcomes[{i}]", $"'{request.Outcomes[i]}' is not an outcome"));
            }
        }

        if (request.SampleId.Length > 0 && !IdRule.IsValid(request.SampleId))
        {
            violations.Add(new("sample_id", IdRule.Description));
        }

        foreach (var (field, value) in new[] { ("lims_order", request.LimsOrder), ("standard", request.Standard), ("page_token", request.PageToken) })
        {
            if (TextRule.ShortText.Problem(value) is { } problem)
            {
                violations.Add(new(field, problem));
            }
        }

        long? continued = null;
        if (request.PageToken.Length > 0)
        {
            if (PageToken.TryRead(request.PageToken, Fingerprint(request)) is { } token)
            {
                continued = token;
            }
            else
            {
                violations.Add(new("page_token", "is not a token from a previous ListVerdicts response with these filters"));
            }
        }

        ThrowIfAny(violations);
        return new VerdictQuery
        {
            EvaluatedFrom = from,
            EvaluatedTo = to,
            SampleId = NullIfEmpty(request.SampleId),
            LimsOrder = NullIfEmpty(request.LimsOrder),
            Outcomes = outcomes,
            Standard = NullIfEmpty(request.Standard),
            AfterSequence = request.NewestFirst ? 0 : continued ?? 0,
            NewestFirst = request.NewestFirst,
            BeforeSequence = request.NewestFirst ? continued : null,
            PageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize,
        };
    }

    /// <summary>The filters a page token is bound to; the order too when newest first (tokens of the oldest-first order are unchanged).</summary>
    public static string Fingerprint(ListVerdictsRequest request) => request.NewestFirst
        ? PageToken.Fingerprint(request.EvaluatedFrom?.ToString() ?? "", request.EvaluatedTo?.ToString() ?? "", request.SampleId, request.LimsOrder,
            string.Join(',', request.Outcomes), request.Standard, "newest_first")
        : PageToken.Fingerprint(request.EvaluatedFrom?.ToString() ?? "", request.EvaluatedTo?.ToString() ?? "", request.SampleId, request.LimsOrder,
            string.Join(',', request.Outcomes), request.Standard);

    public static void Validate(GetVerdictRequest request)
    {
        var (field, value) = request.KeyCase switch
        {
            GetVerdictRequest.KeyOneofCase.RunId => ("run_id", request.RunId),
            GetVerdictRequest.KeyOneofCase.SampleId => ("sample_id", request.SampleId),
            GetVerdictRequest.KeyOneofCase.VerdictId => ("verdict_id", request.VerdictId),
            _ => ("key", (string?)null),
        };
        if (value is null)
        {
            ThrowIfAny([new(field, "set one of run_id, sample_id or verdict_id")]);
        }
        else if (!IdRule.IsValid(value))
        {
            ThrowIfAny([new(field, IdRule.Description)]);
        }
    }

    public static void ValidateSubscriber(string subscriber, List<FieldViolation> violations)
    {
        if (!SubscriberPattern().IsMatch(subscriber))
        {
            violations.Add(new("subscriber", "required: 1 to 128 letters, digits, '.', '_', '-' or ':' (e.g. \"lims-main\")"));
        }
    }

    public static void ThrowIfAny(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }
    }

    private static DateTimeOffset? ReadTimestamp(Timestamp? timestamp, string field, List<FieldViolation> violations)
    {
        if (timestamp is null)
        {
            return null;
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            violations.Add(new(field, "is not a valid timestamp (seconds 0001-01-01..9999-12-31, nanos 0..999999999)"));
            return null;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubscriberPattern();
}
