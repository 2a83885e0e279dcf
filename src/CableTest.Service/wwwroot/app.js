// CableTest dashboard: bench state, start a run, watch it live, answer prompts, abort, verdicts.
"use strict";
const $ = id => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) k === "class" ? e.className = v : e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c ?? "")));
  return e;
};
const short = s => (s ?? "").replace(/^(OUTCOME_|RUN_STATE_|STATE_)/, "").toLowerCase().replaceAll("_", " ");

const charts = {
  resistance: new LineChart($("chart-resistance"), [{ name: "R Ω", color: "#14324a" }]),
  ir: new LineChart($("chart-ir"), [{ name: "R MΩ", color: "#6a1b9a" }]),
  hv: new LineChart($("chart-hv"), [{ name: "kV", color: "#b3261e" }, { name: "mA", color: "#1565c0", axis: "right" }]),
};
let watching = null;
let readingIndex = 0;

async function refreshBench() {
  try {
    const b = await api.bench();
    const chips = [
      el("span", { class: "chip" }, b.mode ?? "?"),
      el("span", { class: "chip " + (b.interlockClosed ? "ok" : "warn"), "data-testid": "interlock" }, b.interlockClosed ? "interlock closed" : "interlock OPEN"),
      el("span", { class: "chip " + (b.highVoltageOn ? "bad" : "ok"), "data-testid": "hv" }, b.highVoltageOn ? "HV ON 高压" : "HV off"),
      ...(b.instruments ?? []).map(i => el("span", { class: "chip " + (i.healthy ? "ok" : "bad"), title: i.lastError ?? "" },
        `${i.identity?.instrumentId ?? "?"}${i.healthy ? "" : " ✗"}`)),
      el("span", { class: "chip " + ((b.outbox?.alarm ?? "ok") === "ok" ? "ok" : "warn") }, `outbox ${b.outbox?.depth ?? 0}`),
    ];
    $("bench").replaceChildren(...chips);
    if (b.activeRunId && watching?.runId !== b.activeRunId) watch(b.activeRunId);
  } catch (e) {
    $("bench").textContent = "bench: " + e.message;
  }
}

async function loadSpecs() {
  try {
    const r = await api.productSpecs();
    $("spec-select").replaceChildren(...(r.specs ?? []).map(s => el("option", { value: s.specId }, `${s.productCode} ${s.ratedVoltage} — ${s.title}`)));
  } catch (e) {
    $("start-error").textContent = "product specs: " + e.message;
  }
}

$("start-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  $("start-error").textContent = "";
  const f = Object.fromEntries(new FormData(ev.target));
  const num = v => v === "" || v === undefined ? undefined : Number(v);
  try {
    await api.registerSample({
      sampleId: f.sampleId, limsOrder: f.limsOrder, specId: f.specId,
      crossSectionMm2: num(f.crossSectionMm2), cores: num(f.cores), lengthM: num(f.lengthM), conductorClass: num(f.conductorClass),
      conductorDiameterMm: num(f.conductorDiameterMm), insulationOuterDiameterMm: num(f.insulationOuterDiameterMm),
    }).catch(e => { if (!/already exists/i.test(e.message)) throw e; });
    const run = await api.startRun({
      sampleId: f.sampleId, operatorName: f.operatorName, ktMethod: f.ktMethod,
      decisionRule: { kind: f.decisionRule }, requestId: crypto.randomUUID?.() ?? String(Date.now()),
    });
    watch(run.runId);
  } catch (e) {
    $("start-error").textContent = e.message;
  }
});

// Aborted and interrupted steps were never judged: they read differently from a failed one (no breakdown, no fault in the sample).
const stepStateText = state => ({
  STATE_ABORTED: "aborted (stopped by the operator, not judged) 已中止",
  STATE_INTERRUPTED: "interrupted (fault or crash, not judged) 已中断",
})[state] ?? short(state);

function renderRun(run) {
  $("run-panel").hidden = false;
  $("run-id").textContent = run.runId;
  $("run-state").textContent = short(run.state);
  $("run-state").dataset.state = run.state;
  const steps = (run.steps ?? []).map((s, i) => {
    const li = el("li", { class: short(s.state), "data-state": s.state },
      `${s.title || s.kind}${s.core ? " · core " + s.core : ""} — ${stepStateText(s.state)} `);
    if (s.state === "STATE_RUNNING") {
      li.append(el("progress", { max: "1", value: String(s.progress ?? 0) }));
      if (s.remainingS !== undefined) li.append(` ${Math.ceil(s.remainingS)} s left`);
    }
    if (s.verdict) li.append(el("span", { class: "outcome-" + s.verdict.outcome }, " " + short(s.verdict.outcome)));
    if (i === run.currentStep) li.style.fontWeight = "bold";
    return li;
  });
  $("steps").replaceChildren(...steps);
  const p = run.pendingPrompt;
  $("prompt").hidden = !p || !p.promptId;
  if (p && p.promptId) { $("prompt-text").textContent = p.message; $("prompt").dataset.promptId = p.promptId; }
  const ended = ["RUN_STATE_COMPLETED", "RUN_STATE_ABORTED", "RUN_STATE_INCOMPLETE"].includes(run.state);
  $("abort").disabled = ended;
  if (ended) {
    $("run-verdict").replaceChildren(el("p", {},
      "Verdict 判定: ", el("strong", { class: "outcome-" + (run.outcome ?? "OUTCOME_INCOMPLETE"), "data-testid": "outcome" }, short(run.outcome ?? "OUTCOME_INCOMPLETE")),
      run.endReason ? ` (${run.endReason})` : "",
      run.ending?.stepId ? ` at step ${run.ending.stepId}` : "", " · ",
      el("a", { href: `/reports/${encodeURIComponent(run.runId)}.html`, target: "_blank" }, "evidence / report 报告")));
    refreshVerdicts();
  }
}

function onReading(r) {
  const t = r.stepTimeS ?? 0;
  switch (r.quantity) {
    case "resistance_ohm": charts.resistance.add("R Ω", readingIndex++, r.value); break;
    case "resistance_mohm": charts.ir.add("R MΩ", t, r.value); break;
    case "voltage_kv": charts.hv.add("kV", t, r.value); break;
    case "leakage_ma": charts.hv.add("mA", t, r.value); break;
  }
}

function log(line) {
  const l = $("log");
  l.textContent += line + "\n";
  l.scrollTop = l.scrollHeight;
}

function watch(runId) {
  watching?.source.close();
  Object.values(charts).forEach(c => c.clear());
  readingIndex = 0;
  $("log").textContent = "";
  $("run-verdict").replaceChildren();
  const source = api.watchRun(runId, 10, ev => {
    if (ev.snapshot) renderRun(ev.snapshot);
    if (ev.reading) onReading(ev.reading);
    if (ev.log) log(ev.log);
    if (ev.prompt) log("PROMPT: " + ev.prompt.message);
  }, () => api.getRun(runId).then(renderRun).catch(() => {}));
  watching = { runId, source };
}

$("prompt-ok").addEventListener("click", () => answer(true));
$("prompt-cancel").addEventListener("click", () => answer(false));
async function answer(ok) {
  const runId = watching?.runId, promptId = $("prompt").dataset.promptId;
  const operatorName = new FormData($("start-form")).get("operatorName") || "dashboard";
  try { renderRun(await api.answerPrompt(runId, promptId, ok, operatorName)); } catch (e) { log("answer failed: " + e.message); }
}
$("abort").addEventListener("click", async () => {
  if (!watching) return;
  try { renderRun(await api.abortRun(watching.runId, "operator pressed abort on the dashboard")); } catch (e) { log("abort failed: " + e.message); }
});

let nextPage = "";
async function refreshVerdicts(append = false) {
  const f = Object.fromEntries(new FormData($("verdict-filter")));
  try {
    const r = await api.listVerdicts({
      sampleId: f.sampleId, limsOrder: f.limsOrder, standard: f.standard,
      outcomes: f.outcome ? [f.outcome] : [], pageSize: 20, pageToken: append ? nextPage : "",
      // Newest first is what people want to see: page backwards by listing all and reversing the page.
    });
    const rows = (r.verdicts ?? []).slice().reverse().map(v => el("tr", {},
      el("td", {}, v.sequence), el("td", {}, (v.evaluatedAt ?? "").replace("T", " ").slice(0, 19)),
      el("td", {}, v.sampleId), el("td", {}, v.limsOrder), el("td", {}, v.productSpec),
      el("td", { class: "outcome-" + v.outcome }, short(v.outcome)),
      el("td", {}, el("a", { href: `/reports/${encodeURIComponent(v.runId)}.html`, target: "_blank" }, "evidence"))));
    const body = $("verdicts").tBodies[0];
    append ? body.append(...rows) : body.replaceChildren(...rows);
    nextPage = r.nextPageToken ?? "";
    $("more").hidden = !nextPage;
  } catch (e) {
    $("verdicts").tBodies[0].replaceChildren(el("tr", {}, el("td", { colspan: "7", class: "error" }, e.message)));
  }
}
$("verdict-filter").addEventListener("submit", ev => { ev.preventDefault(); refreshVerdicts(); });
$("more").addEventListener("click", () => refreshVerdicts(true));

api.init();
loadSpecs();
refreshBench();
refreshVerdicts();
setInterval(refreshBench, 2000);
