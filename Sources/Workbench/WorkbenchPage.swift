/// The workbench's one page: scenarios on the left; the chosen file as a form (its scalar
/// settings, with units and the reference's defaults) beside its YAML, both checked as you
/// type; save, or save as a variant that `extends:` it; run, sweep, compare or optimise with
/// live progress and cancel; and the history, filtered, with reports, outputs, deletion and a
/// comparison of two runs. Plain HTML and script with no build step and nothing fetched from
/// the network; it talks to the API of ``WorkbenchRouter`` only.
enum WorkbenchPage {
  static let html = head + body + "<script>" + script + "</script></body></html>"

  static let head = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>TeleSim workbench</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>
    body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:15rem 1fr;height:100vh;color:#1f2937}
    nav{background:#f3f4f6;overflow:auto;padding:.5rem;border-right:1px solid #d1d5db}
    nav a{display:block;padding:.2rem .3rem;color:#1f2937;text-decoration:none;font-size:14px;border-radius:3px}
    nav a.on{background:#bfdbfe} nav input{width:95%} main{padding:.6rem 1rem;overflow:auto}
    h2{margin:.2rem 0} h3{margin:.8rem 0 .3rem} .muted{color:#6b7280;font-size:13px}
    #editor{display:grid;grid-template-columns:minmax(22rem,1fr) 1fr;gap:1rem;align-items:start}
    #form{max-height:52vh;overflow:auto;border:1px solid #e5e7eb;padding:.3rem .5rem}
    #form details{margin:.2rem 0} #form summary{font-weight:600;cursor:pointer}
    .field{display:grid;grid-template-columns:1fr 7rem 4rem;gap:.3rem;align-items:center;font-size:13px;padding:1px 0}
    .field input{width:100%;box-sizing:border-box} .field.changed input{background:#fef9c3}
    .field.bad input{border:2px solid #dc2626} .field .err{grid-column:1/4;color:#b91c1c}
    .field .from{color:#6b7280;font-size:11px}
    textarea{width:100%;height:52vh;font-family:monospace;font-size:12px;box-sizing:border-box}
    #problems li{color:#b91c1c;cursor:pointer;font-size:13px} #ok{color:#15803d} progress{width:18rem}
    .bar{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.4rem 0}
    table{border-collapse:collapse} td,th{border:1px solid #d1d5db;padding:.15rem .4rem;font-size:12px}
    td.cmd{max-width:28rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
    pre{background:#f9fafb;border:1px solid #e5e7eb;padding:.4rem;max-height:30vh;overflow:auto;font-size:12px}
    .st-done{color:#15803d} .st-failed,.st-interrupted{color:#b91c1c} .st-cancelled{color:#92400e}
    #message{font-weight:600}
    </style></head>
    """#

  static let body = #"""
    <body>
    <nav><h3>Scenarios</h3><input id="find" placeholder="filter" aria-label="filter scenarios"><div id="list"></div></nav>
    <main>
    <h2 id="title">Choose a scenario</h2>
    <div class="muted"><span id="basedOn"></span> <span id="ok"></span> <span id="message"></span></div>
    <div id="editor">
     <div><h3>Settings</h3><div id="form" aria-label="settings form"></div>
      <div class="bar"><button id="save" disabled>Save</button> <button id="discard" disabled>Discard changes</button>
       <input id="variantName" placeholder="new-file.yaml" size="18" aria-label="variant file name">
       <button id="saveVariant" disabled>Save as variant</button></div></div>
     <div><h3>YAML</h3><textarea id="text" wrap="off" spellcheck="false" aria-label="scenario YAML"></textarea><ul id="problems"></ul></div>
    </div>
    <h3>Experiment</h3>
    <div class="bar">
     <select id="command" aria-label="experiment"><option>run</option><option>sweep</option><option>compare</option><option>optimise</option></select>
     replications <input id="reps" type="number" min="1" max="10000" style="width:5rem" placeholder="file's">
     seed <input id="seed" type="number" min="0" style="width:6rem" placeholder="file's">
     <span data-for="compare" hidden>against <select id="other" aria-label="second scenario"></select></span>
     <span data-for="sweep" hidden>set <input id="sweepSet" size="40" placeholder="specialists_scale=[1, 1.5, 2]"></span>
     <span data-for="optimise" hidden>vary <input id="vary" size="30" placeholder="specialists_scale=1..3 step 0.5">
      target <input id="target" size="28" placeholder="teleconsult.wait.p90 <= 2h">
      minimise <input id="minimise" size="10" placeholder="cost"></span>
     <button id="start" disabled>Start</button> <button id="cancel" disabled>Cancel</button>
    </div>
    <div class="bar"><progress id="bar" value="0" max="1"></progress> <span id="status"></span>
     <a id="report" hidden target="_blank">open the report</a></div>
    <pre id="output" hidden></pre>
    <h3>History</h3>
    <div class="bar"><input id="histText" placeholder="search scenario or command" aria-label="search history">
     <select id="histStatus" aria-label="status"><option value="">any status</option><option>running</option><option>done</option>
     <option>failed</option><option>cancelled</option><option>interrupted</option></select>
     <label><input id="histMine" type="checkbox"> this scenario only</label>
     <button id="compareRuns" disabled>Compare the two selected runs</button></div>
    <table id="history"><thead><tr><th></th><th>#</th><th>experiment</th><th>scenario</th><th>status</th><th>started</th>
    <th>took</th><th>command</th><th></th><th></th></tr></thead><tbody></tbody></table>
    </main>
    """#
}
