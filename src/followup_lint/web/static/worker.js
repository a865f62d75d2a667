// followup-lint's page worker: lints off the main thread. It posts the draft to /api/lint, parses the
// report, turns the report's offsets (characters, i.e. code points) into the editor's (UTF-16 units), and
// builds the highlighted copy of the text, so a 512 KB draft never blocks typing.
"use strict";

// Above this many characters the draft is not mirrored with marks: laying out a second copy of a very long text
// would block the page for a second at each result. Its problems are still listed, and selected on a click.
const HIGHLIGHT_LIMIT = 100000;

// A function from a code-point offset to a UTF-16 offset in `text` (the identity without astral characters).
function utf16Offsets(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (n) => n;
  const starts = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  return (n) => (n < starts.length ? starts[n] : text.length);
}

function escapeHtml(s) {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

// Where each finding is in `text`: UTF-16 start and end, whether it still matches, and its first fix.
function locate(text, findings) {
  const at = utf16Offsets(text);
  return findings.map((f) => {
    const start = at(f.offset);
    const end = at(f.offset + f.length);
    const fix = f.fixes && f.fixes.length ? f.fixes[0] : null;
    return {
      start,
      end,
      // A finding of a stale or decoded text (an encoded e-mail body) is listed but not marked or fixed.
      matches: text.slice(start, end) === f.text,
      fix: fix && { start: at(fix.offset), end: at(fix.offset + fix.length), replacement: fix.replacement, safe: fix.safe },
    };
  });
}

// The text with <mark>s over the findings (each character in at most one mark; the first finding wins).
function highlight(text, findings, places) {
  const order = places.map((p, i) => i).filter((i) => places[i].matches).sort((a, b) => places[a].start - places[b].start);
  let html = "";
  let pos = 0;
  for (const i of order) {
    const { start, end } = places[i];
    const severity = findings[i].severity;
    if (end === start) {
      if (start < pos) continue;
      html += escapeHtml(text.slice(pos, start)) + `<mark class="point ${severity}" data-i="${i}"></mark>`;
      pos = start;
      continue;
    }
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    html += escapeHtml(text.slice(pos, from));
    html += `<mark class="${severity}" data-i="${i}">${escapeHtml(text.slice(from, end))}</mark>`;
    pos = end;
  }
  // A trailing line break needs a character after it to take up its line, as the textarea's does.
  return html + escapeHtml(text.slice(pos)) + "\u200b";
}

self.onmessage = async (event) => {
  const { seq, body } = event.data;
  try {
    const response = await fetch("/api/lint", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) {
      self.postMessage({ seq, error: data.error || `HTTP ${response.status}` });
      return;
    }
    const file = data.files[0];
    const places = locate(body.text, file.findings);
    const html = body.text.length <= HIGHLIGHT_LIMIT ? highlight(body.text, file.findings, places) : null;
    self.postMessage({ seq, report: data, places, html });
  } catch (error) {
    self.postMessage({ seq, error: `cannot reach the followup-lint server (${error.message}); is it still running?` });
  }
};
