// followup-lint's page: the editor, the context fields, the problem list and the meters.
// The lint itself runs in worker.js (off the main thread); this file only shows its results.
"use strict";

const STORAGE_KEY = "followup-lint:draft";
const PAUSE_MS = 150; // lint this long after the last keystroke (the result shows well within 300 ms)
const MAX_BYTES = 512 * 1024; // the server's draft limit
const OPENABLE = /\.(txt|text|md|markdown|eml)$/i;
const MAX_LISTED = 200; // problems listed at once (a huge draft may have thousands; all stay highlighted)

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const backdrop = $("backdrop");
const fields = ["company", "role", "interviewers", "channel", "kind", "interview_date", "send_date"];

const state = {
  filename: "draft.txt",
  rules: {}, // id -> rule, from /api/rules
  report: null, // the file report shown
  places: [], // where each finding is in the editor
  seq: 0, // requests sent
  shown: 0, // the request whose result is shown (a stale result never replaces a newer one)
  sent: new Map(), // seq -> the request's key (text and context), to drop results for a text since changed
  busy: false, // a request is in flight (at most one: the server never lints stale drafts in a queue)
  again: false, // the draft changed while busy
  undo: [], // texts before each fix, for Undo
  applying: false, // the page is changing the text itself
  timer: 0,
  saveTimer: 0,
  lastEdit: 0, // when the draft or its context last changed (performance.now())
};

const worker = new Worker("/worker.js");

// --- the request ----------------------------------------------------------------------------------------

function context() {
  const out = {};
  for (const name of ["company", "role"]) if ($(name).value.trim()) out[name] = $(name).value.trim();
  const people = $("interviewers").value.split(",").map((s) => s.trim()).filter(Boolean);
  if (people.length) out.interviewers = people;
  out.channel = $("channel").value;
  out.kind = $("kind").value;
  for (const name of ["interview_date", "send_date"]) if ($(name).value) out[name] = $(name).value;
  return out;
}

function requestBody() {
  return { text: draft.value, filename: state.filename, context: context() };
}

function schedule(delay = PAUSE_MS) {
  clearTimeout(state.timer);
  state.timer = setTimeout(send, delay);
}

function send() {
  if (state.busy) {
    state.again = true;
    return;
  }
  const body = requestBody();
  if (new Blob([body.text]).size > MAX_BYTES) {
    setStatus("The draft is over 512 KB, the largest draft followup-lint checks.");
    return;
  }
  state.busy = true;
  const seq = ++state.seq;
  state.sent.set(seq, JSON.stringify(body));
  setStatus("Checking…");
  worker.postMessage({ seq, body });
}

worker.onmessage = (event) => {
  const { seq, error, report, places, html } = event.data;
  state.busy = false;
  const key = state.sent.get(seq);
  state.sent.delete(seq);
  const current = key === JSON.stringify(requestBody());
  if (error) {
    setStatus(error);
  } else if (seq > state.shown && current) {
    state.shown = seq;
    show(report, places, html);
  }
  if (state.again || !current) {
    state.again = false;
    schedule(0);
  }
};

// --- showing a report -----------------------------------------------------------------------------------

function setStatus(text) {
  $("status").textContent = text;
}

function show(report, places, html) {
  const file = report.files[0];
  // How long after the last change the result showed (bench/web.py reads it).
  document.body.dataset.latencyMs = String(Math.round(performance.now() - state.lastEdit));
  state.report = file;
  state.places = places;
  if (html === null) backdrop.replaceChildren(); // too long to mirror: the list still shows every problem
  else backdrop.innerHTML = html;
  backdrop.classList.remove("stale");
  backdrop.scrollTop = draft.scrollTop;
  showMeters(file);
  showFindings(file);
  const n = file.findings.length;
  const unmarked = html === null && n ? " (a draft this long is not highlighted: pick a problem to select it)" : "";
  setStatus(n ? `${n} problem${n === 1 ? "" : "s"} found.${unmarked}` : file.notices ? "" : "No problems found.");
  $("fix-all").disabled = !file.findings.some((f, i) => places[i].matches && places[i].fix && places[i].fix.safe);
}

function limitFor(metric) {
  const channel = $("channel").value;
  for (const rule of Object.values(state.rules)) {
    if (rule.category !== "length" || rule.metric !== metric || !rule.options || rule.options.max == null) continue;
    if (!rule.channels.length || rule.channels.includes(channel)) return rule.options.max;
  }
  return null;
}

function figure(element, value, limit) {
  element.textContent = limit == null ? `${value}` : `${value} / ${limit}`;
  element.classList.toggle("over", limit != null && value > limit);
}

function showMeters(file) {
  const m = file.metrics || {};
  const score = $("readiness");
  $("score").textContent = m.readiness == null ? "–" : String(m.readiness);
  $("verdict").textContent = m.verdict || "";
  score.classList.toggle("ready", !file.findings.some((f) => f.severity !== "suggestion") && m.readiness != null);
  const polite = typeof m.politeness === "number" ? m.politeness : 0;
  $("politeness").value = polite;
  $("politeness-text").textContent = `${polite > 0 ? "+" : ""}${polite.toFixed(2)}`;
  figure($("words"), m.words || 0, limitFor("words"));
  // Characters as a form counts them: runs of white space count as one.
  const chars = [...draft.value.replace(/\s+/g, " ").trim()].length;
  figure($("chars"), chars, limitFor("characters"));
  const kind = m.kind;
  $("kind-text").textContent = kind && kind.name
    ? `Message kind: ${kind.name}${kind.detected ? ` (detected, ${Math.round(kind.confidence * 100)}% sure)` : ""}`
    : "";
  $("notices").textContent = (file.notices || []).join(" ");
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function shorten(text, size = 60) {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > size ? `${flat.slice(0, size - 1)}…` : flat;
}

function fixLabel(fix) {
  const what = fix.end === fix.start
    ? `Insert “${shorten(fix.replacement)}”`
    : fix.replacement ? `Replace with “${shorten(fix.replacement)}”` : "Delete it";
  return fix.safe ? what : `${what} (check the result)`;
}

function showFindings(file) {
  const list = $("findings");
  list.replaceChildren();
  $("count").textContent = file.findings.length ? `(${file.findings.length})` : "";
  if (!file.findings.length) {
    if (!file.notices) list.append(element("li", "empty", "Nothing to fix. Read it once more aloud, then send it."));
    return;
  }
  file.findings.slice(0, MAX_LISTED).forEach((finding, i) => {
    const place = state.places[i];
    const item = element("li", `finding ${finding.severity}`);
    item.id = `finding-${i}`;
    const where = element("button", "where");
    where.type = "button";
    where.title = "Show it in the draft";
    const head = element("span", "head");
    head.append(element("span", "badge", finding.severity), element("span", "rule rule-id", finding.rule),
      element("span", "rule", `line ${finding.line}`));
    where.append(head, element("span", "message", finding.message));
    if (finding.text.trim()) where.append(element("span", "quote", `“${shorten(finding.text, 80)}”`));
    where.addEventListener("click", () => reveal(i));
    item.append(where);
    if (finding.suggestion) {
      const tip = element("p", "suggest");
      tip.append(element("strong", null, "Try: "), document.createTextNode(finding.suggestion));
      item.append(tip);
    }
    const rule = state.rules[finding.rule];
    if (rule && rule.why) {
      const why = element("details", "why");
      why.append(element("summary", null, "Why it matters"), element("p", null, rule.why));
      item.append(why);
    }
    if (place.matches && place.fix) {
      const apply = element("button", "apply", fixLabel(place.fix));
      apply.type = "button";
      apply.addEventListener("click", () => applyFix(i));
      item.append(apply);
    }
    list.append(item);
  });
  if (file.findings.length > MAX_LISTED) {
    list.append(element("li", "more", `…and ${file.findings.length - MAX_LISTED} more: fix these first.`));
  }
}

function activate(i) {
  for (const node of document.querySelectorAll(".active")) node.classList.remove("active");
  if (i == null) return;
  $(`finding-${i}`)?.classList.add("active");
  backdrop.querySelector(`mark[data-i="${i}"]`)?.classList.add("active");
}

// Select a finding's text in the editor (keyboard: Enter on its entry in the list).
function reveal(i) {
  const place = state.places[i];
  activate(i);
  if (!place.matches) return;
  draft.focus();
  draft.setSelectionRange(place.start, place.end);
}

// The finding under the caret, shown in the list.
function followCaret() {
  const caret = draft.selectionStart;
  const i = state.places.findIndex((p) => p.matches && p.start <= caret && caret <= p.end && p.end > p.start);
  activate(i < 0 ? null : i);
  if (i >= 0) $(`finding-${i}`)?.scrollIntoView({ block: "nearest" });
}

// --- changing the text ----------------------------------------------------------------------------------

// Replace part of the draft the way typing would, so the browser's own undo (Ctrl+Z) works too.
function edit(start, end, replacement) {
  state.applying = true;
  draft.focus();
  draft.setSelectionRange(start, end);
  const done = replacement
    ? document.execCommand("insertText", false, replacement)
    : start === end || document.execCommand("delete");
  if (!done) draft.setRangeText(replacement, start, end, "end");
  state.applying = false;
  changed(0);
}

function replaceAll(text) {
  edit(0, draft.value.length, text);
  draft.setSelectionRange(0, 0);
  draft.scrollTop = 0;
}

function remember() {
  state.undo.push(draft.value);
  $("undo").disabled = false;
}

function applyFix(i) {
  const fix = state.places[i].fix;
  remember();
  edit(fix.start, fix.end, fix.replacement);
  $("findings-heading").focus();
  setStatus("Fixed. Checking again…");
}

async function fixAll() {
  const body = requestBody();
  setStatus("Fixing…");
  try {
    const response = await fetch("/api/fix", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    if (draft.value !== body.text) return setStatus("The draft changed while fixing; try again.");
    if (!data.applied) return setStatus("No safe fixes to apply.");
    remember();
    replaceAll(data.text);
    setStatus(`Applied ${data.applied} fix${data.applied === 1 ? "" : "es"}. Checking again…`);
  } catch (error) {
    setStatus(`Could not fix: ${error.message}`);
  }
}

function undo() {
  if (!state.undo.length) return;
  const text = state.undo.pop();
  replaceAll(text);
  $("undo").disabled = !state.undo.length;
  setStatus("Undone.");
}

function changed(delay = PAUSE_MS) {
  state.lastEdit = performance.now();
  backdrop.classList.add("stale");
  schedule(delay);
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(store, 300);
}

// --- the browser's local storage (the only place the draft is kept) ------------------------------------

function store() {
  const saved = { text: draft.value, filename: state.filename, context: {} };
  for (const name of fields) saved.context[name] = $(name).value;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // storage full or disabled: the page still works, the draft is just not kept
  }
}

function restore() {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
  } catch {
    saved = null;
  }
  if (!saved) return;
  draft.value = typeof saved.text === "string" ? saved.text : "";
  if (typeof saved.filename === "string") setFilename(saved.filename);
  for (const name of fields) if (saved.context && typeof saved.context[name] === "string") $(name).value = saved.context[name];
}

function setFilename(name) {
  state.filename = name || "draft.txt";
  $("file-name").textContent = name && name !== "draft.txt"
    ? `${name} (kept in this browser only; use Save to write a file)`
    : "Draft kept in this browser only.";
}

// --- files: open, drop, save ----------------------------------------------------------------------------

function openFile(file) {
  if (!file) return;
  if (!OPENABLE.test(file.name)) return setStatus(`${file.name}: open a .txt, .md or .eml file.`);
  if (file.size > 2 * MAX_BYTES) {
    return setStatus(`${file.name} is too large to be a draft.`);
  }
  const reader = new FileReader();
  reader.onload = () => {
    remember();
    setFilename(file.name);
    replaceAll(String(reader.result).replace(/\r\n?/g, "\n"));
  };
  reader.onerror = () => setStatus(`${file.name}: cannot read the file.`);
  reader.readAsText(file);
}

function save() {
  const blob = new Blob([draft.value], { type: "text/plain;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = state.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function copy() {
  try {
    await navigator.clipboard.writeText(draft.value);
  } catch {
    draft.select();
    document.execCommand("copy");
  }
  setStatus("Copied the draft.");
}

// --- wiring ---------------------------------------------------------------------------------------------

draft.addEventListener("input", () => {
  if (state.applying) return;
  if (state.undo.length) {
    state.undo = []; // Undo takes back fixes; once you type, the browser's own undo (Ctrl+Z) takes over
    $("undo").disabled = true;
  }
  changed();
});
draft.addEventListener("scroll", () => {
  backdrop.scrollTop = draft.scrollTop;
});
draft.addEventListener("click", followCaret);
draft.addEventListener("keyup", (event) => {
  if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") followCaret();
});
new ResizeObserver(() => {
  backdrop.scrollTop = draft.scrollTop;
}).observe(draft);

for (const name of fields) $(name).addEventListener(name === "channel" || name === "kind" ? "change" : "input", () => changed());
$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", (event) => {
  openFile(event.target.files[0]);
  event.target.value = "";
});
$("fix-all").addEventListener("click", fixAll);
$("undo").addEventListener("click", undo);
$("copy").addEventListener("click", copy);
$("save").addEventListener("click", save);
$("clear").addEventListener("click", () => {
  if (!draft.value) return;
  remember();
  setFilename("draft.txt");
  replaceAll("");
});
$("findings").addEventListener("keydown", (event) => {
  if (event.key === "Escape") draft.focus();
});

const editor = $("editor");
for (const type of ["dragenter", "dragover"]) {
  editor.addEventListener(type, (event) => {
    event.preventDefault();
    editor.classList.add("dragging");
  });
}
editor.addEventListener("dragleave", (event) => {
  if (!editor.contains(event.relatedTarget)) editor.classList.remove("dragging");
});
editor.addEventListener("drop", (event) => {
  event.preventDefault();
  editor.classList.remove("dragging");
  openFile(event.dataTransfer.files[0]);
});
// A file dropped elsewhere on the page must not make the browser leave it.
for (const type of ["dragover", "drop"]) document.addEventListener(type, (event) => event.preventDefault());

async function start() {
  restore();
  try {
    const response = await fetch("/api/rules");
    for (const rule of await response.json()) state.rules[rule.id] = rule;
  } catch {
    setStatus("Cannot reach the followup-lint server; is it still running?");
  }
  if (window.matchMedia("(min-width: 801px)").matches === false && !$("company").value) $("context").open = false;
  if (draft.value) schedule(0);
}

start();
