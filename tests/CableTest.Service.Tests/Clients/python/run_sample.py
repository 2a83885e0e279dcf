#!/usr/bin/env python3
"""A technician-side client on Debian's grpcio, built from a FileDescriptorSet at run time: registers a
sample, runs it on the bench, acknowledges every prompt, and pulls the verdict.

usage: run_sample.py HOST:PORT API_KEY DESCRIPTOR_SET SAMPLE_ID
Prints one JSON object on stdout; exits non-zero on a failed call or a run that does not end in 120 s.
"""
import json
import sys
import time

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def main():
    target, api_key, descriptor_set, sample_id = sys.argv[1:5]
    pool = descriptor_pool.DescriptorPool()
    for f in descriptor_pb2.FileDescriptorSet.FromString(open(descriptor_set, "rb").read()).file:
        pool.Add(f)
    factory = message_factory.MessageFactory(pool)

    def m(name):
        d = pool.FindMessageTypeByName(name)
        return message_factory.GetMessageClass(d) if hasattr(message_factory, "GetMessageClass") else factory.GetPrototype(d)

    def enum_name(message, field, number):
        return m(message).DESCRIPTOR.fields_by_name[field].enum_type.values_by_number[number].name

    metadata = [("x-api-key", api_key)]
    with grpc.insecure_channel(target) as channel:
        def unary(service, method, request, response):
            return channel.unary_unary(f"/cabletest.v1.{service}/{method}", request_serializer=m(request).SerializeToString,
                                       response_deserializer=m(response).FromString)

        register = unary("BenchService", "RegisterSample", "cabletest.v1.RegisterSampleRequest", "cabletest.v1.Sample")
        start = unary("BenchService", "StartRun", "cabletest.v1.StartRunRequest", "cabletest.v1.Run")
        get_run = unary("BenchService", "GetRun", "cabletest.v1.GetRunRequest", "cabletest.v1.Run")
        answer = unary("BenchService", "AnswerPrompt", "cabletest.v1.AnswerPromptRequest", "cabletest.v1.Run")
        get_verdict = unary("VerdictService", "GetVerdict", "cabletest.v1.GetVerdictRequest", "cabletest.v1.Verdict")

        register(m("cabletest.v1.RegisterSampleRequest")(
            sample_id=sample_id, lims_order="PY-1", spec_id="gbt5023.3-227iec01-bv-450/750", cross_section_mm2=2.5,
            cores=1, length_m=100, conductor_class=1, conductor_diameter_mm=1.78, insulation_outer_diameter_mm=3.38),
            metadata=metadata, timeout=30)
        run = start(m("cabletest.v1.StartRunRequest")(sample_id=sample_id, operator_name="python"), metadata=metadata, timeout=30)
        prompts = 0
        deadline = time.monotonic() + 120
        while True:
            run = get_run(m("cabletest.v1.GetRunRequest")(run_id=run.run_id), metadata=metadata, timeout=30)
            state = enum_name("cabletest.v1.Run", "state", run.state)
            if state in ("RUN_STATE_COMPLETED", "RUN_STATE_ABORTED", "RUN_STATE_INCOMPLETE"):
                break
            if run.HasField("pending_prompt"):
                answer(m("cabletest.v1.AnswerPromptRequest")(run_id=run.run_id, prompt_id=run.pending_prompt.prompt_id,
                                                              acknowledged=True, operator_name="python"), metadata=metadata, timeout=30)
                prompts += 1
            if time.monotonic() > deadline:
                sys.exit("run did not end within 120 s")
            time.sleep(0.05)
        verdict = get_verdict(m("cabletest.v1.GetVerdictRequest")(run_id=run.run_id), metadata=metadata, timeout=30)
        print(json.dumps({"call": "RunSample", "state": state, "prompts": prompts,
                          "outcome": enum_name("cabletest.v1.Verdict", "outcome", verdict.outcome),
                          "tests": len(verdict.tests), "content_sha256": verdict.content_sha256}))


if __name__ == "__main__":
    main()
