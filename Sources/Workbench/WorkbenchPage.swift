/// The workbench's one page (spike): scenarios on the left, the chosen file's YAML with its
/// diagnostics as you type, a run with live progress and cancel, and the run history with
/// links to each run's report. Plain HTML and script, no build step; it talks to the API of
/// ``WorkbenchRouter`` only.
enum WorkbenchPage {
  static let html = #"""
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TeleSim workbench</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:16rem 1fr;height:100vh}
nav{background:#f3f4f6;overflow:auto;padding:.5rem} nav a{display:block;padding:.25rem;color:#1f2937;text-decoration:none}
nav a.on{background:#dbeafe} main{padding:1rem;overflow:auto}
textarea{width:100%;height:45vh;font-family:monospace;font-size:13px}
#problems li{color:#b91c1c} #ok{color:#15803d} progress{width:20rem}
table{border-collapse:collapse} td,th{border:1px solid #d1d5db;padding:.2rem .5rem;font-size:13px}
</style></head><body>
<nav><h3>Scenarios</h3><div id="list"></div></nav>
<main>
<h2 id="title">Choose a scenario</h2>
<textarea id="text" spellcheck="false" aria-label="scenario YAML"></textarea>
<p id="ok"></p><ul id="problems"></ul>
<p>Replications <input id="reps" type="number" value="3" min="1" max="10000" style="width:5rem">
<button id="run">Run</button> <button id="cancel" disabled>Cancel</button>
<progress id="bar" value="0" max="1"></progress> <span id="status"></span> <a id="report" hidden>open the report</a></p>
<h3>History</h3><table id="history"><thead><tr><th>#</th><th>scenario</th><th>status</th><th>command</th><th>report</th></tr></thead><tbody></tbody></table>
</main>
<script>
let current = null, runId = null, timer = null;
const $ = id => document.getElementById(id);
async function list() {
  const r = await (await fetch('/api/scenarios')).json();
  $('list').innerHTML = '';
  for (const n of r.names) {
    const a = document.createElement('a'); a.href = '#'; a.textContent = n;
    a.onclick = e => { e.preventDefault(); open(n, a); }; $('list').appendChild(a);
  }
}
async function open(name, link) {
  current = name; $('title').textContent = name;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('on', a === link);
  $('text').value = await (await fetch('/api/scenarios/' + encodeURIComponent(name))).text();
  validate();
}
async function validate() {
  if (!current) return;
  const r = await (await fetch('/api/validate/' + encodeURIComponent(current), {method: 'POST', body: $('text').value})).json();
  $('ok').textContent = r.ok ? `valid: ${r.kind} '${r.name}'` : '';
  $('problems').innerHTML = '';
  for (const p of r.problems) {
    const li = document.createElement('li');
    li.textContent = `line ${p.line}, column ${p.column}: ${p.path}: ${p.message}` + (p.hint ? ` (${p.hint})` : '');
    $('problems').appendChild(li);
  }
  $('run').disabled = !r.ok;
}
$('text').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(validate, 300); });
$('run').onclick = async () => {
  const r = await (await fetch(`/api/runs/start/${encodeURIComponent(current)}?replications=${$('reps').value}`, {method: 'POST'})).json();
  runId = r.id; $('cancel').disabled = false; $('report').hidden = true;
  const events = new EventSource(`/api/runs/${runId}/events`);
  events.onmessage = m => {
    const p = JSON.parse(m.data);
    $('bar').max = p.total; $('bar').value = p.done;
    $('status').textContent = `${p.done}/${p.total} replications, ${p.status}`;
    if (p.status !== 'running') {
      events.close(); $('cancel').disabled = true; history();
      if (p.status === 'done') { $('report').href = `/runs/${p.id}/report.html`; $('report').hidden = false; }
    }
  };
};
$('cancel').onclick = () => fetch(`/api/runs/${runId}/cancel`, {method: 'POST'});
async function history() {
  const r = await (await fetch('/api/runs')).json();
  const body = $('history').querySelector('tbody'); body.innerHTML = '';
  for (const run of r.runs) {
    const tr = document.createElement('tr');
    for (const v of [run.id, run.scenario, run.status, run.command]) {
      const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
    }
    const td = document.createElement('td');
    if (run.status === 'done') { const a = document.createElement('a'); a.href = `/runs/${run.id}/report.html`; a.textContent = 'report'; td.appendChild(a); }
    tr.appendChild(td); body.appendChild(tr);
  }
}
list(); history();
</script></body></html>
"""#
}
