using Grpc.Core;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>DATA_LOSS for an answer refused because a verdict record does not match its hashes: the message, and an ErrorInfo naming the sequence.</summary>
internal static class IntegrityRefusal
{
    public static RpcException Of(string message, string reason, string domain, long sequence, Google.Rpc.ResourceInfo? resource = null)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.DataLoss,
            Message = message,
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.ErrorInfo
                {
                    Reason = reason,
                    Domain = domain,
                    Metadata = { ["sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }),
            },
        };
        if (resource is not null)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(resource));
        }

        return status.ToRpcException();
    }
}
