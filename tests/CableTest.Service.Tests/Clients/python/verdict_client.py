#!/usr/bin/env python3
"""A LIMS-side client written against the published contract only: Debian's grpcio, message
classes built at run time from a FileDescriptorSet of protos/cabletest/v1 (no generated stubs).

usage: verdict_client.py HOST:PORT API_KEY DESCRIPTOR_SET
Prints one JSON object per call on stdout; exits non-zero on the first failed call.
"""
import json
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory


def load_messages(path):
    files = descriptor_pb2.FileDescriptorSet.FromString(open(path, "rb").read())
    pool = descriptor_pool.DescriptorPool()
    for f in files.file:
        pool.Add(f)
    factory = message_factory.MessageFactory(pool)

    def message(name):
        descriptor = pool.FindMessageTypeByName(name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return factory.GetPrototype(descriptor)

    return message


def unary(channel, method, request_cls, response_cls):
    return channel.unary_unary(method, request_serializer=request_cls.SerializeToString,
                               response_deserializer=response_cls.FromString)


def main():
    target, api_key, descriptor_set = sys.argv[1:4]
    m = load_messages(descriptor_set)
    metadata = [("x-api-key", api_key)]
    with grpc.insecure_channel(target) as channel:
        list_verdicts = unary(channel, "/cabletest.v1.VerdictService/ListVerdicts",
                              m("cabletest.v1.ListVerdictsRequest"), m("cabletest.v1.ListVerdictsResponse"))
        get_verdict = unary(channel, "/cabletest.v1.VerdictService/GetVerdict",
                            m("cabletest.v1.GetVerdictRequest"), m("cabletest.v1.Verdict"))
        evaluate = unary(channel, "/cabletest.v1.StandardsService/Evaluate",
                         m("cabletest.v1.EvaluateRequest"), m("cabletest.v1.TestVerdict"))

        page = list_verdicts(m("cabletest.v1.ListVerdictsRequest")(page_size=2), metadata=metadata, timeout=30)
        print(json.dumps({"call": "ListVerdicts", "count": len(page.verdicts),
                          "sequences": [v.sequence for v in page.verdicts], "next_page_token": page.next_page_token}))

        first = page.verdicts[0]
        verdict = get_verdict(m("cabletest.v1.GetVerdictRequest")(run_id=first.run_id), metadata=metadata, timeout=30)
        print(json.dumps({"call": "GetVerdict", "verdict_id": verdict.verdict_id, "sequence": verdict.sequence,
                          "outcome": m("cabletest.v1.Verdict").DESCRIPTOR.fields_by_name["outcome"].enum_type.values_by_number[verdict.outcome].name,
                          "content_sha256": verdict.content_sha256, "tests": len(verdict.tests),
                          "r20_ohm_per_km": verdict.tests[0].conductor_resistance.r20_ohm_per_km}))

        try:
            get_verdict(m("cabletest.v1.GetVerdictRequest")(run_id="no-such-run"), metadata=metadata, timeout=30)
            print(json.dumps({"call": "GetVerdictMissing", "code": "OK"}))
        except grpc.RpcError as e:
            print(json.dumps({"call": "GetVerdictMissing", "code": e.code().name}))

        request = json_format.Parse(json.dumps({
            "conductorResistance": {
                "conductor": {"conductorClass": 1, "material": "Cu", "crossSectionMm2": 2.5},
                "measuredResistanceOhm": 0.07, "lengthM": 10, "conductorTemperatureC": 20}}),
            m("cabletest.v1.EvaluateRequest")())
        result = evaluate(request, metadata=metadata, timeout=30)
        print(json.dumps({"call": "Evaluate", "verdict": json_format.MessageToDict(result)}))


if __name__ == "__main__":
    main()
