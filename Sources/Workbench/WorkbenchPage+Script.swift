extension WorkbenchPage {
  /// The page's behaviour. State: the open file, its text as saved, the form's pending
  /// changes (key path → YAML value), and the experiment being watched.
  static let script = #"""
    const $ = id => document.getElementById(id);
    let current = null, saved = '', version = '', changes = {}, fields = [], runId = null, timer = null, lastCheck = null;
    let checks = 0, opens = 0, events = null;
    const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
    async function api(url, options) {
      options = options || {};
      // The server takes changes only with this header, which other sites' pages cannot send.
      if (options.method && options.method !== 'GET') options.headers = Object.assign({'x-telesim': '1'}, options.headers);
      const r = await fetch(url, options);
      const type = r.headers.get('content-type') || '';
      const body = type.includes('json') ? await r.json() : await r.text();
      if (!r.ok && !(body && body.problems)) throw new Error((body && body.error && body.error.message) || body || r.statusText);
      return body;
    }
    const post = (url, data, method) => api(url, {method: method || 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(data)});
    function say(text, bad) { $('message').textContent = text; $('message').style.color = bad ? '#b91c1c' : '#1d4ed8'; }

    async function list() {
      const r = await api('/api/scenarios');
      const box = $('list'); box.innerHTML = ''; $('other').innerHTML = '';
      for (const n of r.names) {
        const a = el('a', n); a.href = '#' + n; a.dataset.name = n; a.classList.toggle('on', n === current);
        a.onclick = e => { e.preventDefault(); open(n); }; box.appendChild(a);
        const o = el('option', n); $('other').appendChild(o);
      }
      filterList();
    }
    function filterList() {
      const f = $('find').value.toLowerCase();
      for (const a of $('list').children) a.hidden = !a.dataset.name.includes(f);
    }
    async function open(name) {
      if (dirty() && !confirm('Discard the unsaved changes to ' + current + '?')) return;
      current = name; changes = {}; $('title').textContent = name; say('');
      for (const a of $('list').children) a.classList.toggle('on', a.dataset.name === name);
      const seq = ++opens;
      const r = await fetch('/api/scenarios/' + encodeURIComponent(name));
      if (seq !== opens) return;  // another file was chosen meanwhile
      if (!r.ok) {
        say(`cannot open ${name}: ${(await r.json().catch(() => ({}))).error?.message || r.statusText}`, true);
        current = null; $('text').value = ''; $('form').innerHTML = ''; fields = []; return;
      }
      // The version it was opened at: a save is refused if another browser saved in between.
      // Browsers keep a text area's lines as LF: so does the page, and a save writes LF.
      version = r.headers.get('etag') || ''; saved = (await r.text()).replace(/\r\n?/g, '\n');
      fields = []; $('form').innerHTML = '';
      $('text').value = saved; history(); await check();
    }
    const dirty = () => current && ($('text').value !== saved || Object.keys(changes).length > 0);
    function changeList() { return Object.entries(changes).map(([key, value]) => ({key, value})); }

    async function check() {
      if (!current) return;
      const seq = ++checks, name = current;
      const r = await post('/api/check/' + encodeURIComponent(current), {text: $('text').value, changes: changeList()});
      if (seq !== checks || name !== current) return;  // a later check, or another file, is under way
      lastCheck = r;
      $('basedOn').textContent = r.basedOn ? 'based on ' + r.basedOn : '';
      $('ok').textContent = r.ok ? `valid: ${r.kind} '${r.name}'` : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`;
      $('ok').style.color = r.ok ? '#15803d' : '#b91c1c';
      if (r.fields.length) {
        // Redrawn only when the settings themselves change, so that typing keeps its place.
        const same = fields.length === r.fields.length && fields.every((f, i) => f.path === r.fields[i].path);
        fields = r.fields;
        if (same) refreshForm(); else drawForm();
      }
      markFields(r.problems);
      const ul = $('problems'); ul.innerHTML = '';
      for (const p of r.problems) {
        const where = p.file === '--set' ? `setting ${p.path}` : `line ${p.line}, column ${p.column}` + (p.path ? `: ${p.path}` : '');
        const li = el('li', `${where}: ${p.message}` + (p.hint ? ` (${p.hint})` : ''));
        if (p.file !== '--set') li.onclick = () => goToLine(p.line);
        ul.appendChild(li);
      }
      const d = dirty();
      $('save').disabled = !r.ok || !d; $('discard').disabled = !d;
      $('saveVariant').disabled = !r.ok || Object.keys(changes).length === 0 || $('text').value !== saved;
      $('start').disabled = !r.ok || d;
      $('start').title = d ? 'save first: experiments run the file as saved' : '';
    }
    function goToLine(n) {
      const t = $('text'), lines = t.value.split('\n');
      const start = lines.slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0);
      t.focus(); t.setSelectionRange(start, start + (lines[n - 1] || '').length);
      t.scrollTop = (n - 5) * 15;
    }
    function drawForm() {
      const form = $('form'), open = new Set([...form.querySelectorAll('details[open]')].map(d => d.dataset.section));
      form.innerHTML = '';
      const groups = new Map();
      let group = null;
      for (const f of fields) {
        // Top-level single values together under "general"; each other key its own group.
        const section = /[.\[]/.test(f.path) ? f.section : 'general';
        group = groups.get(section);
        if (!group) {
          group = el('details'); group.dataset.section = section; groups.set(section, group);
          group.open = open.size ? open.has(section) : ['general', 'specialties', 'demand', 'beds', 'stations', 'arrivals', 'ambulances'].includes(section);
          group.appendChild(el('summary', section.replace(/_/g, ' '))); form.appendChild(group);
        }
        const row = el('div', undefined, 'field'); row.dataset.path = f.path;
        const label = el('label', f.label); label.title = f.path + (f.defaultValue ? ` (default ${f.defaultValue})` : '');
        if (!f.here) label.appendChild(el('span', ' from ' + (lastCheck.basedOn || 'base'), 'from'));
        const input = el('input'); input.dataset.path = f.path; input.setAttribute('aria-label', f.label);
        const pending = changes[f.path];
        input.value = pending !== undefined ? (f.unit && pending.endsWith(f.unit) ? pending.slice(0, -f.unit.length) : pending) : (f.number ?? f.value);
        if (f.number !== null && f.number !== undefined) input.inputMode = 'decimal';
        input.oninput = () => {
          // The field as the last check wrote it (the text may have changed since it was drawn).
          const now = fields.find(x => x.path === f.path) || f;
          const v = input.value.trim(), value = now.unit && now.number !== null && /^[-+0-9.e]+$/.test(v) ? v + now.unit : v;
          if (value === now.value) delete changes[f.path]; else changes[f.path] = value;
          row.classList.toggle('changed', changes[f.path] !== undefined); later();
        };
        row.classList.toggle('changed', pending !== undefined);
        row.append(label, input, el('span', f.unit || '', 'muted')); group.appendChild(row);
      }
    }
    function refreshForm() {
      for (const input of $('form').querySelectorAll('input[data-path]')) {
        const f = fields.find(f => f.path === input.dataset.path);
        if (f && input !== document.activeElement && changes[f.path] === undefined) input.value = f.number ?? f.value;
        input.closest('.field').classList.toggle('changed', changes[input.dataset.path] !== undefined);
      }
    }
    function markFields(problems) {
      for (const row of $('form').querySelectorAll('.field')) { row.classList.remove('bad'); row.querySelector('.err')?.remove(); }
      for (const p of problems) {
        const row = p.field && $('form').querySelector(`.field[data-path="${CSS.escape(p.field)}"]`);
        if (!row) continue;
        row.classList.add('bad'); row.closest('details').open = true;
        row.appendChild(el('div', p.message + (p.hint ? ` (${p.hint})` : ''), 'err'));
      }
    }
    function later() { clearTimeout(timer); timer = setTimeout(check, 250); }
    $('text').addEventListener('input', later);
    $('find').addEventListener('input', filterList);
    $('save').onclick = async () => {
      try {
        const r = await post('/api/scenarios/' + encodeURIComponent(current), {text: $('text').value, changes: changeList(), base: version}, 'PUT');
        if (r.problems) { say('not saved: the file would not validate', true); return; }
        saved = r.text; version = r.version; $('text').value = r.text; changes = {}; say('saved ' + r.name); await check();
      } catch (e) { say(e.message, true); }
    };
    $('discard').onclick = () => { $('text').value = saved; changes = {}; say(''); check(); };
    $('saveVariant').onclick = async () => {
      let name = $('variantName').value.trim(); if (name && !name.endsWith('.yaml')) name += '.yaml';
      try {
        const r = await post(`/api/scenarios/${encodeURIComponent(current)}/variant`, {name, changes: changeList()});
        if (r.problems) { say('not saved: ' + r.problems.map(p => p.message).join('; '), true); return; }
        changes = {}; current = null; await list(); await open(r.name); say('saved ' + r.name + ', based on ' + r.text.match(/extends: (.*)/)[1]);
      } catch (e) { say(e.message, true); }
    };

    $('command').onchange = () => { for (const s of document.querySelectorAll('[data-for]')) s.hidden = s.dataset.for !== $('command').value; };
    $('start').onclick = async () => {
      const command = $('command').value, job = {command, scenario: current};
      if ($('reps').value) job.replications = Number($('reps').value);
      if ($('seed').value) job.seed = $('seed').value.trim();  // as text: seeds go beyond 2^53
      if (command === 'compare') job.others = [$('other').value];
      if (command === 'sweep') job.sets = [$('sweepSet').value];
      if (command === 'optimise') { job.vary = [$('vary').value]; job.targets = [$('target').value]; job.minimise = $('minimise').value || null; }
      $('start').disabled = true;  // one press, one experiment
      try { watch((await post('/api/jobs', job)).id); } catch (e) { say(e.message, true); $('start').disabled = false; }
    };
    function watch(id) {
      runId = id; $('cancel').disabled = false; $('report').hidden = true; $('output').hidden = true; say('');
      $('status').textContent = 'starting…'; history();
      if (events) events.close();
      events = new EventSource(`/api/runs/${id}/events`);
      const stream = events;
      stream.onmessage = async m => {
        const p = JSON.parse(m.data);
        $('bar').max = Math.max(p.total, 1); $('bar').value = p.done;
        const left = p.done > 0 && p.done < p.total ? `, about ${Math.ceil(p.elapsedSeconds * (p.total - p.done) / p.done)} s left` : '';
        $('status').textContent = `#${id}: ${p.done} of ${p.total || '?'} replications, ${p.elapsedSeconds.toFixed(1)} s${left} · ${p.status}`;
        if (p.status === 'running') return;
        stream.close(); $('cancel').disabled = true; $('start').disabled = !lastCheck || !lastCheck.ok || dirty(); await history();
        const run = await api(`/api/runs/${id}`);
        if (run.message) say(run.message, true);
        if (p.status === 'done') {
          const out = await api(`/api/runs/${id}/output`).catch(() => '');
          if (out.trim()) { $('output').textContent = out; $('output').hidden = false; }
          if (run.kind !== 'optimise') { $('report').href = `/runs/${id}/report.html`; $('report').hidden = false; }
        }
      };
    }
    $('cancel').onclick = () => runId && api(`/api/runs/${runId}/cancel`, {method: 'POST'}).catch(e => say(e.message, true));

    async function history() {
      const q = new URLSearchParams({q: $('histText').value, status: $('histStatus').value, scenario: $('histMine').checked && current ? current : ''});
      const r = await api('/api/runs?' + q);
      const body = $('history').querySelector('tbody'); body.innerHTML = '';
      for (const run of r.runs) {
        const tr = el('tr'); tr.dataset.id = run.id;
        const pick = el('input'); pick.type = 'checkbox'; pick.disabled = run.kind !== 'run' || run.status !== 'done';
        pick.onchange = picked; const c = el('td'); c.appendChild(pick); tr.appendChild(c);
        const took = run.finishedAt ? (run.finishedAt - run.startedAt).toFixed(1) + ' s' : '';
        tr.append(el('td', run.id), el('td', run.kind), el('td', run.scenario), el('td', run.status, 'st-' + run.status),
                  el('td', new Date(run.startedAt * 1000).toLocaleString()), el('td', took));
        const cmd = el('td', run.command, 'cmd'); cmd.title = run.command + (run.message ? '\n' + run.message : ''); tr.appendChild(cmd);
        const links = el('td');
        if (run.status === 'done' && run.kind !== 'optimise') { const a = el('a', 'report'); a.href = `/runs/${run.id}/report.html`; a.target = '_blank'; links.appendChild(a); }
        if (run.status === 'done') { const a = el('a', ' output'); a.href = '#'; a.onclick = async e => { e.preventDefault(); $('output').textContent = await api(`/api/runs/${run.id}/output`); $('output').hidden = false; }; links.appendChild(a); }
        tr.appendChild(links);
        const del = el('button', 'delete'); del.disabled = run.status === 'running';
        del.onclick = async () => { if (confirm(`Delete run ${run.id} and its results?`)) { await api(`/api/runs/${run.id}`, {method: 'DELETE'}).catch(e => say(e.message, true)); history(); } };
        const d = el('td'); d.appendChild(del); tr.appendChild(d); body.appendChild(tr);
      }
      picked();
    }
    function picked() {
      const ids = [...$('history').querySelectorAll('tbody input:checked')].map(i => i.closest('tr').dataset.id);
      $('compareRuns').disabled = ids.length !== 2; return ids;
    }
    $('compareRuns').onclick = async () => {
      // The older run is the baseline, on its seed and replications.
      const [a, b] = picked().map(Number).sort((x, y) => x - y);
      try { watch((await api(`/api/runs/compare?a=${a}&b=${b}`, {method: 'POST'})).id); } catch (e) { say(e.message, true); }
    };
    for (const id of ['histText', 'histStatus', 'histMine']) $(id).addEventListener('input', history);
    window.addEventListener('beforeunload', e => { if (dirty()) e.preventDefault(); });
    list().then(() => { const n = decodeURIComponent(location.hash.slice(1)); if (n) open(n); }); history();
    """#
}
