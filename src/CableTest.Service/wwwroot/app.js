// CableTest dashboard, the station view: bench state, start a run, watch it live (banner, steps, one row per
// measurement, charts), answer prompts, abort, and the verdicts newest first.
"use strict";
const $ = id => document.getElementById(id);
const t = i18n.t;
const ENDED = ["RUN_STATE_COMPLETED", "RUN_STATE_ABORTED", "RUN_STATE_INCOMPLETE"];
const fmt = v => {
  if (v === undefined || v === null || !Number.isFinite(v)) return "—";
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(3).replace(/e\+?/, "×10^") : String(Number(v.toPrecision(4)));
};

// ---- charts --------------------------------------------------------------------------------------------------
const coreColors = ["#14324a", "#b3261e", "#1b7f3b", "#a15c00", "#6a1b9a", "#00838f"];
const charts = {
  resistance: new LineChart($("chart-resistance"), { xLabel: () => t("axisSeconds"), yLabel: () => "Ω", empty: () => t("noReadings") }),
  ir: new LineChart($("chart-ir"), { xLabel: () => t("axisSeconds"), yLabel: () => "MΩ", empty: () => t("noReadings") }),
  hv: new LineChart($("chart-hv"), { xLabel: () => t("axisSeconds"), yLabel: () => "kV", rightLabel: () => "mA", empty: () => t("noReadings") }),
};

function coreSeries(chart, core) {
  const n = chart.series.size;
  return chart.ensure("core-" + (core || "1"), `${t("core")} ${core || "1"}`, coreColors[n % coreColors.length]);
}

// One reading, live (RunEvent.reading) or stored (DashboardReading): same field names.
function plotReading(r) {
  switch (r.quantity) {
    case "resistance_ohm":
      coreSeries(charts.resistance, r.core);
      charts.resistance.add("core-" + (r.core || "1"), r.stepTimeS ?? 0, r.value);
      break;
    case "resistance_mohm":
      coreSeries(charts.ir, r.core);
      charts.ir.add("core-" + (r.core || "1"), r.stepTimeS ?? 0, r.value);
      break;
    case "voltage_kv":
      charts.hv.ensure("kv", "kV", "#b3261e");
      charts.hv.add("kv", r.stepTimeS ?? 0, r.value);
      break;
    case "leakage_ma":
      charts.hv.ensure("kv", "kV", "#b3261e");
      charts.hv.ensure("ma", "mA", "#1565c0", "right");
      charts.hv.add("ma", r.stepTimeS ?? 0, r.value);
      break;
  }
}

function clearCharts() {
  Object.values(charts).forEach(c => c.clear());
}

function renameSeries() {
  for (const chart of [charts.resistance, charts.ir]) {
    for (const [key, s] of chart.series) s.name = `${t("core")} ${key.replace(/^core-/, "")}`;
  }
}

// ---- bench header --------------------------------------------------------------------------------------------
let lastBench = null;
function renderBench(b) {
  const simulated = b.simulated === true || /^simulated/i.test(b.mode ?? "");
  $("simulated").hidden = !simulated;
  const chips = [
    el("span", { class: "chip" }, simulated ? t("modeSimulated") : (b.mode === "instruments" ? t("modeInstruments") : b.mode ?? "?")),
    el("span", { class: "chip " + (b.interlockClosed ? "ok" : "warn"), "data-testid": "interlock" }, b.interlockClosed ? t("interlockClosed") : t("interlockOpen")),
    el("span", { class: "chip " + (b.highVoltageOn ? "bad" : "ok"), "data-testid": "hv" }, b.highVoltageOn ? t("hvOn") : t("hvOff")),
    ...(b.instruments ?? []).map(i => el("span", { class: "chip " + (i.healthy ? "ok" : "bad"), title: i.lastError ?? "" },
      `${i.identity?.instrumentId ?? "?"}${i.healthy ? "" : " ✗"}`)),
    el("span", { class: "chip " + ((b.outbox?.alarm ?? "ok") === "ok" ? "ok" : "warn") }, `${t("outbox")} ${b.outbox?.depth ?? 0}`),
  ];
  $("bench").replaceChildren(...chips);
}

async function refreshBench() {
  try {
    lastBench = await api.bench();
    renderBench(lastBench);
    if (lastBench.activeRunId && watching?.runId !== lastBench.activeRunId) watch(lastBench.activeRunId);
    await refreshWatchedRun();
  } catch (e) {
    $("bench").textContent = `${t("bench")}: ${e.message}`;
  }
}

// The event stream is the fast path; this is the truth every 2 s, so a stalled stream never leaves the station showing a
// run, or a prompt, that has moved on.
async function refreshWatchedRun() {
  const runId = watching?.runId;
  if (!runId || (lastRun && lastRun.runId === runId && ENDED.includes(lastRun.state))) return;
  const run = await api.getRun(runId);
  if (watching?.runId !== runId || (lastRun && lastRun.runId === runId && ENDED.includes(lastRun.state))) return;
  renderRun(run);
  if (ENDED.includes(run.state)) { loadResults(runId); loadReadings(runId); refreshVerdicts(); }
}

async function loadSpecs() {
  try {
    const r = await api.productSpecs();
    $("spec-select").replaceChildren(...(r.specs ?? []).map(s => {
      const text = `${s.productCode} ${s.ratedVoltage} — ${s.title}`;
      return el("option", { value: s.specId, title: text }, text);
    }));
  } catch (e) {
    $("start-error").textContent = `${t("specsFailed")}: ${e.message}`;
  }
}

// ---- the start form: the service's rules, checked before anything is sent (Domain/Inputs) -------------------
function checkForm(form) {
  for (const input of form.querySelectorAll("input, select")) {
    input.setCustomValidity("");
    if (input.hasAttribute("data-positive") && input.value !== "" && !(Number(input.value) > 0)) input.setCustomValidity(t("mustBePositive"));
  }
  const d = Number(form.conductorDiameterMm.value), D = Number(form.insulationOuterDiameterMm.value);
  if (form.conductorDiameterMm.value !== "" && form.insulationOuterDiameterMm.value !== "" && d > 0 && D > 0 && d >= D) {
    form.insulationOuterDiameterMm.setCustomValidity(t("dLessThanD"));
  }
  if (form.sampleId.validity.patternMismatch || form.sampleId.validity.valueMissing) form.sampleId.setCustomValidity(t("sampleIdRule"));
  const bad = [...form.querySelectorAll("input, select")].filter(i => !i.checkValidity());
  form.querySelectorAll(".invalid").forEach(l => l.classList.remove("invalid"));
  bad.forEach(i => i.closest("label")?.classList.add("invalid"));
  return bad.map(i => `${i.closest("label")?.querySelector("span")?.textContent ?? i.name}: ${i.validationMessage}`);
}

$("start-form").addEventListener("input", ev => {
  const label = ev.target.closest("label");
  if (label?.classList.contains("invalid")) checkForm($("start-form"));
});

$("start-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const form = ev.target;
  $("start-error").textContent = "";
  const problems = checkForm(form);
  if (problems.length) {
    $("start-error").replaceChildren(el("strong", {}, t("fieldInvalid")), ...problems.map(p => el("span", { class: "problem" }, p)));
    return;
  }
  const f = Object.fromEntries(new FormData(form));
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
    // The service names its fields (conductor_diameter_mm): say them as the form does and mark them.
    const violations = e.violations?.length ? e.violations : [{ field: "", description: e.message }];
    const problems = violations.map(v => {
      const input = v.field ? form.elements[v.field.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())] : null;
      const label = input?.closest("label");
      label?.classList.add("invalid");
      return `${label?.querySelector("span")?.textContent ?? v.field}${v.field || label ? ": " : ""}${v.description}`;
    });
    $("start-error").replaceChildren(el("strong", {}, t("startFailed")), ...problems.map(p => el("span", { class: "problem" }, p)));
  }
});

// ---- the run: banner, steps, rows ----------------------------------------------------------------------------
let watching = null;   // { runId, source }
let lastRun = null;    // the latest RunEvent.snapshot / GetRun
let results = null;    // DashboardResults of the watched run
let liveReadings = 0;
let resultsAskedFor = -1; // judged steps when the results were last asked for

function endingText(ending) {
  if (!ending) return "";
  const kind = { aborted: t("endedAborted"), faulted: t("endedFaulted"), interrupted: t("endedInterrupted") }[ending.kind] ?? "";
  const by = ending.by && !(ending.reason ?? "").includes(ending.by) ? ` ${t("by")} ${ending.by}` : "";
  const step = ending.stepId ? ` (${t("atStep")} ${ending.stepId})` : "";
  // The service's own words come in Chinese too (reasonZh); an operator's reason or an instrument's message as written.
  const reason = i18n.lang === "zh" && ending.reasonZh ? ending.reasonZh : ending.reason;
  return [kind ? kind + by + step : "", reason].filter(Boolean).join(": ");
}

function renderBanner() {
  const run = lastRun;
  if (!run) return;
  const ended = ENDED.includes(run.state);
  const banner = $("banner");
  let word, detail = "", outcome;
  if (!ended) {
    outcome = run.state === "RUN_STATE_AWAITING_OPERATOR" ? "WAITING" : run.state === "RUN_STATE_EVALUATING" ? "EVALUATING" : "RUNNING";
    word = t(outcome);
    const step = (run.steps ?? [])[run.currentStep ?? -1];
    detail = step ? stepTitle(step) : "";
  } else {
    const ending = results?.ending ?? (run.ending?.kind && run.ending.kind !== "completed" ? run.ending : null);
    outcome = results?.outcome && results.outcome !== "OUTCOME_UNSPECIFIED" ? results.outcome
      : run.state === "RUN_STATE_COMPLETED" && run.outcome ? run.outcome : "OUTCOME_INCOMPLETE";
    word = t(outcome);
    if (outcome === "OUTCOME_INCOMPLETE") {
      detail = [endingText(ending) || run.endReason, t("noConformity")].filter(Boolean).join(" — ");
    } else if (outcome !== "OUTCOME_PASS") {
      detail = (results?.rows ?? []).filter(r => r.outcome !== "OUTCOME_PASS" && r.reason).map(r => `${t(r.kind)}${r.core ? " · " + t("core") + " " + r.core : ""}: ${reasonText(r)}`).join("; ");
    }
  }
  banner.dataset.outcome = outcome;
  banner.querySelector(".banner-word").textContent = word;
  banner.querySelector(".banner-sample").textContent = run.sampleId ?? "";
  banner.querySelector(".banner-detail").textContent = detail;
}

// The plan's titles are English ("Conductor resistance, core 1"): said in the page's language by kind and core.
function stepTitle(s) {
  const key = "step_" + s.kind;
  const base = t(key) !== key ? t(key) : (s.title || s.kind);
  return t(key) !== key && s.core && s.core !== "all" ? `${base} · ${t("core")} ${s.core}` : base;
}

// The service words its prompts in English; in Chinese the instruction is said by its kind and step, the
// service's own words kept below it.
function promptText(p, run) {
  if (i18n.lang !== "zh") return [p.message];
  const step = (run.steps ?? []).find(s => p.promptId.startsWith(s.stepId + "-")) ?? (run.steps ?? [])[run.currentStep ?? -1];
  const key = p.kind === "close_cage" ? (/interlock is open/i.test(p.message) ? "prompt_interlock_open" : "prompt_close_cage")
    : p.kind === "connect_core" && step ? "prompt_" + step.kind : "";
  const zh = key && t(key) !== key ? t(key).replace("{core}", step?.core ?? "") : "";
  return zh ? [zh, el("small", { class: "original" }, p.message)] : [p.message];
}

// A row's reason in the page's language: the service sends the words made from the evidence in both.
function reasonText(r) {
  return i18n.lang === "zh" && r.reasonZh ? r.reasonZh : r.reason;
}

function rowReason(testId) {
  const row = results?.rows?.find(r => r.testId === testId);
  return row ? reasonText(row) : "";
}

function renderRun(run) {
  lastRun = run;
  $("run-panel").hidden = false;
  $("run-id").textContent = run.runId;
  $("run-state").textContent = t(run.state);
  $("run-state").dataset.state = run.state;
  const steps = (run.steps ?? []).map((s, i) => {
    const outcome = s.verdict?.outcome;
    const li = el("li", { class: (s.state ?? "").toLowerCase(), "data-state": s.state, "data-step": s.stepId },
      el("span", { class: "step-title" }, stepTitle(s)), " ",
      el("span", { class: "step-state" }, outcome ? "" : t(s.state)));
    if (s.state === "STATE_RUNNING") {
      li.append(" ", el("progress", { max: "1", value: String(s.progress ?? 0) }));
      if (s.remainingS !== undefined) li.append(` ${Math.ceil(s.remainingS)} ${t("secondsLeft")}`);
    }
    if (outcome) {
      li.append(el("span", { class: "outcome outcome-" + outcome }, t(outcome)));
      const why = rowReason(s.verdict.testId) || s.verdict.reason;
      if (why && outcome !== "OUTCOME_PASS") li.append(el("span", { class: "why" }, why));
    }
    if (i === run.currentStep && !ENDED.includes(run.state)) li.classList.add("current");
    return li;
  });
  $("steps").replaceChildren(...steps);
  const p = run.pendingPrompt;
  $("prompt").hidden = !p || !p.promptId;
  if (p && p.promptId) { $("prompt-text").replaceChildren(...promptText(p, run)); $("prompt").dataset.promptId = p.promptId; }
  const ended = ENDED.includes(run.state);
  $("abort").hidden = ended;
  $("abort").disabled = ended;
  const judged = (run.steps ?? []).filter(s => s.verdict).length;
  if (judged !== resultsAskedFor && watching?.runId === run.runId) { resultsAskedFor = judged; loadResults(run.runId); }
  if (ended) {
    $("run-verdict").replaceChildren(el("a", { href: `/reports/${encodeURIComponent(run.runId)}.html`, target: "_blank" }, t("evidence")),
      " · ", el("a", { href: `/reports/${encodeURIComponent(run.runId)}.pdf`, target: "_blank" }, "PDF"));
  } else {
    $("run-verdict").replaceChildren();
  }
  renderBanner();
}

function renderRows() {
  const rows = results?.rows ?? [];
  const body = $("measurements").tBodies[0];
  if (!rows.length) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: "7", class: "muted" }, t("noMeasurements"))));
    return;
  }
  body.replaceChildren(...rows.flatMap(r => {
    // Insulation far above its minimum reads as a factor (×7300), not as +730000 %.
    const ratio = r.value / r.limit;
    const margin = !Number.isFinite(r.marginPct) ? "—"
      : r.kind === "TEST_KIND_INSULATION_RESISTANCE" && ratio >= 10 ? `×${fmt(ratio)}`
      : `${r.marginPct >= 0 ? "+" : ""}${r.marginPct.toFixed(1)} %`;
    const tr = el("tr", { class: "row-" + r.outcome, "data-testid": "measurement-row", "data-outcome": r.outcome, "data-test": r.testId },
      el("td", {}, t(r.kind), r.quantity ? el("span", { class: "quantity" }, " " + r.quantity) : null),
      el("td", {}, r.core || "—"),
      el("td", { class: "num value" }, fmt(r.value)),
      el("td", {}, r.unit || ""),
      el("td", { title: r.limitText }, r.limitText || "—"),
      el("td", { class: "num " + (r.marginPct < 0 ? "neg" : "") }, margin),
      el("td", { class: "outcome outcome-" + r.outcome }, t(r.outcome)));
    const extra = [];
    if (r.reason && r.outcome !== "OUTCOME_PASS") {
      extra.push(el("tr", { class: "reason row-" + r.outcome }, el("td", { colspan: "7", "data-testid": "row-reason" }, "↳ ", reasonText(r))));
    }
    return [tr, ...extra];
  }));
}

function applyChartLines() {
  const lines = (results?.rows ?? []).flatMap(r => r.chartLines ?? []);
  const uniq = (list) => list.filter((l, i) => list.findIndex(m => Math.abs(m.value - l.value) < 1e-12) === i);
  charts.resistance.setLines(uniq(lines.filter(l => l.quantity === "resistance_ohm")).map(l => ({ value: l.value, label: t(l.label), axis: "left", color: "#b3261e" })));
  charts.hv.setLines(uniq(lines.filter(l => l.quantity === "voltage_kv")).map(l => ({ value: l.value, label: `${t(l.label)} ${fmt(l.value)} kV`, axis: "left", color: "#7a1a14" })));
}

async function loadResults(runId) {
  try {
    const r = await api.runResults(runId);
    if (watching?.runId !== runId) return;
    results = r;
    renderRows();
    applyChartLines();
    if (lastRun) renderRun(lastRun);
  } catch (e) {
    log("results: " + e.message);
  }
}

// A finished run is drawn from every stored reading (the live stream is thinned); they reach the store a moment
// after the run, so ask again while fewer than the live ones arrived.
async function loadReadings(runId, attempt = 0) {
  try {
    const stored = await api.runReadings(runId);
    if (watching?.runId !== runId) return;
    if ((stored?.length ?? 0) < liveReadings && attempt < 10) {
      setTimeout(() => loadReadings(runId, attempt + 1), 500);
      return;
    }
    clearCharts();
    for (const r of stored ?? []) plotReading(r);
    applyChartLines();
  } catch (e) {
    log("readings: " + e.message);
  }
}

function log(line) {
  const l = $("log");
  l.textContent += line + "\n";
  l.scrollTop = l.scrollHeight;
}

function watch(runId) {
  watching?.source.close();
  clearCharts();
  results = null;
  lastRun = null;
  liveReadings = 0;
  resultsAskedFor = -1;
  renderRows();
  $("log").textContent = "";
  $("run-verdict").replaceChildren();
  // Once per watch: the ended snapshot and the stream's end event both come.
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    api.getRun(runId).then(run => {
      renderRun(run);
      loadResults(runId);
      loadReadings(runId);
      refreshVerdicts();
    }).catch(e => log(e.message));
  };
  const source = api.watchRun(runId, 10, ev => {
    if (ev.snapshot) {
      renderRun(ev.snapshot);
      if (ENDED.includes(ev.snapshot.state)) finish();
    }
    if (ev.reading) { liveReadings++; plotReading(ev.reading); }
    if (ev.log) log(ev.log);
    if (ev.prompt) log("PROMPT: " + ev.prompt.message);
  }, finish);
  watching = { runId, source };
  history.replaceState(null, "", "#run=" + encodeURIComponent(runId));
}

$("prompt-ok").addEventListener("click", () => answer(true));
$("prompt-cancel").addEventListener("click", () => answer(false));
async function answer(ok) {
  const runId = watching?.runId, promptId = $("prompt").dataset.promptId;
  const operatorName = new FormData($("start-form")).get("operatorName") || "dashboard";
  try { renderRun(await api.answerPrompt(runId, promptId, ok, operatorName)); } catch (e) { log(`${t("answerFailed")}: ${e.message}`); }
}
$("abort").addEventListener("click", async () => {
  if (!watching) return;
  try { renderRun(await api.abortRun(watching.runId, t("abortReason"))); } catch (e) { log(`${t("abortFailed")}: ${e.message}`); }
});

// ---- verdicts, newest first ----------------------------------------------------------------------------------
let nextPage = "";
let verdictPages = [];
function verdictRow(v) {
  const when = v.evaluatedAt ? new Date(v.evaluatedAt) : null;
  const pad = n => String(n).padStart(2, "0");
  const time = when ? `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}` : "";
  const open = el("a", { href: "#run=" + encodeURIComponent(v.runId), class: "open" }, v.sampleId);
  open.addEventListener("click", ev => { ev.preventDefault(); watch(v.runId); $("run-panel").scrollIntoView({ behavior: "smooth" }); });
  return el("tr", { "data-sequence": v.sequence, "data-run": v.runId },
    el("td", { class: "num" }, v.sequence), el("td", { title: v.evaluatedAt }, time),
    el("td", {}, open), el("td", { class: "clip", title: v.limsOrder }, v.limsOrder), el("td", { class: "clip", title: v.productSpec }, v.productSpec),
    el("td", { class: "outcome outcome-" + v.outcome, "data-outcome": v.outcome }, t(v.outcome)),
    el("td", {}, el("a", { href: `/reports/${encodeURIComponent(v.runId)}.html`, target: "_blank" }, t("report"))));
}
function renderVerdicts() {
  const list = verdictPages.flat();
  $("verdicts").tBodies[0].replaceChildren(...(list.length ? list.map(verdictRow)
    : [el("tr", {}, el("td", { colspan: "7", class: "muted" }, t("noVerdicts")))]));
}
async function refreshVerdicts(append = false) {
  const form = $("verdict-filter");
  if (!form.sampleId.checkValidity()) { form.sampleId.reportValidity(); return; }
  const f = Object.fromEntries(new FormData(form));
  try {
    const r = await api.listVerdicts({
      sampleId: f.sampleId.trim(), limsOrder: f.limsOrder, standard: f.standard,
      outcomes: f.outcome ? [f.outcome] : [], pageSize: 20, pageToken: append ? nextPage : "", newestFirst: true,
    });
    verdictPages = append ? [...verdictPages, r.verdicts ?? []] : [r.verdicts ?? []];
    renderVerdicts();
    nextPage = r.nextPageToken ?? "";
    $("more").hidden = !nextPage;
  } catch (e) {
    $("verdicts").tBodies[0].replaceChildren(el("tr", {}, el("td", { colspan: "7", class: "error" }, e.message)));
  }
}
$("verdict-filter").addEventListener("submit", ev => { ev.preventDefault(); refreshVerdicts(); });
$("verdict-filter").sampleId.addEventListener("search", () => refreshVerdicts());
$("more").addEventListener("click", () => refreshVerdicts(true));

// ---- language ------------------------------------------------------------------------------------------------
$("lang").addEventListener("click", () => i18n.set(i18n.lang === "zh" ? "en" : "zh"));
i18n.onChange(() => {
  if (lastBench) renderBench(lastBench);
  renameSeries();
  Object.values(charts).forEach(c => c.draw());
  applyChartLines();
  renderRows();
  if (lastRun) renderRun(lastRun);
  renderVerdicts();
});

i18n.apply();
api.init();
renderRows();
loadSpecs();
refreshBench();
refreshVerdicts();
setInterval(refreshBench, 2000);
const linked = /^#run=(.+)$/.exec(location.hash);
if (linked) watch(decodeURIComponent(linked[1]));
