// A technician-side client on @grpc/grpc-js + @grpc/proto-loader (definitions from a FileDescriptorSet at run
// time): registers a sample, runs it on the bench, acknowledges every prompt, and pulls the verdict.
//
// usage: node run_sample.js HOST:PORT API_KEY DESCRIPTOR_SET SAMPLE_ID
// Prints one JSON object on stdout; exits non-zero on a failed call or a run that does not end in 120 s.
"use strict";
const fs = require("fs");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const [target, apiKey, descriptorSet, sampleId] = process.argv.slice(2);
const definition = protoLoader.loadFileDescriptorSetFromBuffer(fs.readFileSync(descriptorSet), {
  keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).cabletest.v1;
const credentials = grpc.credentials.createInsecure();
const bench = new v1.BenchService(target, credentials);
const verdicts = new v1.VerdictService(target, credentials);
const metadata = new grpc.Metadata();
metadata.set("x-api-key", apiKey);
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, metadata, { deadline: Date.now() + 30000 }, (err, response) => err ? reject(err) : resolve(response)));
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function main() {
  await call(bench, "RegisterSample", {
    sample_id: sampleId, lims_order: "JS-1", spec_id: "gbt5023.3-227iec01-bv-450/750", cross_section_mm2: 2.5,
    cores: 1, length_m: 100, conductor_class: 1, conductor_diameter_mm: 1.78, insulation_outer_diameter_mm: 3.38,
  });
  let run = await call(bench, "StartRun", { sample_id: sampleId, operator_name: "node" });
  let prompts = 0;
  const deadline = Date.now() + 120000;
  for (;;) {
    run = await call(bench, "GetRun", { run_id: run.run_id });
    if (["RUN_STATE_COMPLETED", "RUN_STATE_ABORTED", "RUN_STATE_INCOMPLETE"].includes(run.state)) break;
    if (run.pending_prompt && run.pending_prompt.prompt_id) {
      await call(bench, "AnswerPrompt", { run_id: run.run_id, prompt_id: run.pending_prompt.prompt_id, acknowledged: true, operator_name: "node" });
      prompts++;
    }
    if (Date.now() > deadline) throw new Error("run did not end within 120 s");
    await sleep(50);
  }
  const verdict = await call(verdicts, "GetVerdict", { run_id: run.run_id });
  console.log(JSON.stringify({ call: "RunSample", state: run.state, prompts, outcome: verdict.outcome,
    tests: verdict.tests.length, content_sha256: verdict.content_sha256 }));
  bench.close();
  verdicts.close();
}

main().catch(e => { console.error(e); process.exit(1); });
