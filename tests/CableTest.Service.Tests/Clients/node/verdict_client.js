// A LIMS-side client written against the published contract only: @grpc/grpc-js with service
// definitions loaded at run time by @grpc/proto-loader from a FileDescriptorSet of protos/cabletest/v1.
//
// usage: node verdict_client.js HOST:PORT API_KEY DESCRIPTOR_SET
// Prints one JSON object per call on stdout; exits non-zero on the first failed call.
"use strict";
const fs = require("fs");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const [target, apiKey, descriptorSet] = process.argv.slice(2);
const definition = protoLoader.loadFileDescriptorSetFromBuffer(fs.readFileSync(descriptorSet), {
  keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).cabletest.v1;
const credentials = grpc.credentials.createInsecure();
const verdicts = new v1.VerdictService(target, credentials);
const standards = new v1.StandardsService(target, credentials);
const metadata = new grpc.Metadata();
metadata.set("x-api-key", apiKey);

const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, metadata, { deadline: Date.now() + 30000 }, (err, response) => err ? reject(err) : resolve(response)));

async function main() {
  const page = await call(verdicts, "ListVerdicts", { page_size: 2 });
  console.log(JSON.stringify({ call: "ListVerdicts", count: page.verdicts.length,
    sequences: page.verdicts.map(v => Number(v.sequence)), next_page_token: page.next_page_token }));

  const verdict = await call(verdicts, "GetVerdict", { run_id: page.verdicts[0].run_id });
  console.log(JSON.stringify({ call: "GetVerdict", verdict_id: verdict.verdict_id, sequence: Number(verdict.sequence),
    outcome: verdict.outcome, content_sha256: verdict.content_sha256, tests: verdict.tests.length,
    r20_ohm_per_km: verdict.tests[0].conductor_resistance.r20_ohm_per_km }));

  try {
    await call(verdicts, "GetVerdict", { run_id: "no-such-run" });
    console.log(JSON.stringify({ call: "GetVerdictMissing", code: "OK" }));
  } catch (e) {
    console.log(JSON.stringify({ call: "GetVerdictMissing", code: grpc.status[e.code] }));
  }

  const result = await call(standards, "Evaluate", {
    conductor_resistance: {
      conductor: { conductor_class: 1, material: "Cu", cross_section_mm2: 2.5 },
      measured_resistance_ohm: 0.07, length_m: 10, conductor_temperature_c: 20,
    },
  });
  console.log(JSON.stringify({ call: "Evaluate", verdict: { outcome: result.outcome, kind: result.kind,
    r20OhmPerKm: result.conductor_resistance.r20_ohm_per_km } }));
  verdicts.close();
  standards.close();
}

main().catch(e => { console.error(e); process.exit(1); });
