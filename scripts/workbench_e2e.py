#!/usr/bin/env python3
"""Drives the workbench in headless Chromium as a planner would, over the DevTools protocol.

Usage: workbench_e2e.py URL SCREENSHOT_DIR CHROMIUM_DEBUG_PORT

It opens a shipped scenario, changes a specialist count in the form, sees the diagnostic of
a bad value at its field, saves the good value as a variant (a file that extends the
original), runs it to completion with live progress, opens its report (the map must be
drawn), and checks the history. Every step is done with mouse clicks and typed text, and
each screenshot is checked not to be blank. Exits non-zero on the first failed step.
"""
import base64, json, sys, time, urllib.request
import websocket
from PIL import Image, ImageStat

URL, SHOTS, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
SCENARIO = "bihar-2021-launch.yaml"
VARIANT = "bihar-2021-launch-gm4.yaml"
FIELD = "specialties[0].specialists_per_hub"


class Page:
    def __init__(self):
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{PORT}/json/list"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        else:
            sys.exit("FAIL: Chromium's DevTools did not answer")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    sys.exit(f"FAIL: {method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            sys.exit(f"FAIL: script error in {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.js(expression):
                return
            time.sleep(0.05)
        said = self.js("(document.getElementById('message') || {}).textContent")
        data = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        with open(f"{SHOTS}/failure.png", "wb") as f:
            f.write(data)
        sys.exit(f"FAIL: {what} (waited {seconds} s for {expression}); the page says {said!r}; see failure.png")

    def go(self, url):
        self.send("Page.navigate", url=url)
        self.wait("document.readyState === 'complete'", f"{url} loads")

    def click(self, selector):
        """A real mouse click at the middle of the element (scrolled into view first)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        if not box:
            sys.exit(f"FAIL: nothing to click at {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type_into(self, selector, text):
        """Clicks a field, selects what is in it, and types over it."""
        self.click(selector)
        self.js(f"document.querySelector({json.dumps(selector)}).select()")
        self.send("Input.insertText", text=text)

    def shot(self, name, what):
        data = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        path = f"{SHOTS}/{name}.png"
        with open(path, "wb") as f:
            f.write(data)
        grey = Image.open(path).convert("L")
        spread = ImageStat.Stat(grey).stddev[0]
        inked = sum(grey.histogram()[:200]) / (grey.width * grey.height)
        if spread < 15 or inked < 0.015:
            sys.exit(f"FAIL: {name}.png looks blank (grey-level sd {spread:.1f}, {inked:.1%} inked)")
        print(f"ok {name}.png: {what} (sd {spread:.0f}, {inked:.0%} inked)")


field = f'#form input[data-path="{FIELD}"]'
row = f'#form .field[data-path="{FIELD}"]'
p = Page()
p.send("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1, mobile=False)
p.go(URL)
p.wait(f"!!document.querySelector('#list a[data-name=\"{SCENARIO}\"]')", "the scenario list shows")

# Open a shipped scenario: the form and its YAML.
p.click(f'#list a[data-name="{SCENARIO}"]')
p.wait(f"!!document.querySelector('{field}')", "the form shows the general medicine specialists per hub")
p.wait("document.getElementById('ok').textContent.startsWith('valid')", "the file is valid")
label = p.js(f"document.querySelector('{row} label').textContent")
if "general_medicine specialists per hub" not in label:
    sys.exit(f"FAIL: the field is labelled {label!r}")
p.shot("1-open", f"{SCENARIO} open: the form ({label}) beside its YAML")

# A bad value: the diagnostic appears at the field, and nothing can run.
p.type_into(field, "-1")
p.wait(f"document.querySelector('{row}').classList.contains('bad')", "the bad value is marked at its field")
message = p.js(f"document.querySelector('{row} .err').textContent")
if p.js("document.getElementById('start').disabled") is not True:
    sys.exit("FAIL: a scenario with a bad value can be started")
p.shot("2-diagnostic", f"a bad value at its field: {message}")

# The good value, saved as a variant that extends the original.
p.type_into(field, "4")
p.wait(f"!document.querySelector('{row}').classList.contains('bad') && document.getElementById('ok').textContent.startsWith('valid')",
       "the good value clears the diagnostic")
p.type_into("#variantName", VARIANT)
p.click("#saveVariant")
p.wait(f"document.getElementById('title').textContent === '{VARIANT}'", "the variant is saved and opened")
p.wait(f"document.getElementById('basedOn').textContent === 'based on {SCENARIO}'", "the variant is based on the original")
value = p.js(f"document.querySelector('{field}').value")
if value != "4":
    sys.exit(f"FAIL: the variant's field reads {value!r}, not 4")

# Run it with two replications: progress within a second, then done.
p.type_into("#reps", "2")
p.click("#start")
pressed = time.time()
p.wait("/ of \\d+ replications/.test(document.getElementById('status').textContent)", "progress shows", 10)
first = time.time() - pressed
print(f"first progress on the page {first:.2f} s after pressing Start")
if first > 1.0:
    sys.exit(f"FAIL: the first progress took {first:.2f} s (more than 1 s)")
running = p.js("document.getElementById('status').textContent")
p.shot("3-running", f"the run under way: {running}")
p.wait("!document.getElementById('report').hidden", "the run finishes with a report", 240)
status = p.js("document.getElementById('status').textContent")
if "done" not in status:
    sys.exit(f"FAIL: the run ended as {status!r}")
p.shot("4-done", f"the run done: {status}, with the history below")

# Its report, as served: the map and charts are drawn.
report = p.js("document.getElementById('report').href")
p.go(report)
p.wait("document.querySelectorAll('svg').length > 3", "the report draws its charts", 20)
areas = p.js("document.querySelectorAll('.area').length")
if areas < 38:
    sys.exit(f"FAIL: the report's map has {areas} district areas, expected 38")
p.shot("5-report", f"the variant's report: {areas} district areas on the map")

# The history remembers it after a reload.
p.go(URL)
p.wait("document.querySelectorAll('#history tbody tr').length > 0", "the history lists the run")
row_text = p.js("document.querySelector('#history tbody tr').textContent")
if VARIANT not in row_text or "done" not in row_text:
    sys.exit(f"FAIL: the history's newest row is {row_text!r}")
p.shot("6-history", "after a reload, the history lists the finished run with its report")

# The original, run the same way, then the two runs compared with compare's statistics.
p.click(f'#list a[data-name="{SCENARIO}"]')
p.wait(f"document.getElementById('title').textContent === '{SCENARIO}' && !document.getElementById('start').disabled",
       "the original opens, ready to run")
p.type_into("#reps", "2")
p.click("#start")
p.wait("!document.getElementById('report').hidden", "the original's run finishes", 240)
p.wait("document.querySelectorAll('#history tbody tr').length >= 2", "the history lists both runs")
for i in (1, 2):
    p.click(f"#history tbody tr:nth-child({i}) input[type=checkbox]")
p.wait("!document.getElementById('compareRuns').disabled", "two runs are picked")
p.click("#compareRuns")
p.wait("/compare/.test(document.querySelector('#history tbody tr').textContent) && !document.getElementById('output').hidden",
       "the comparison finishes with its table", 240)
table = p.js("document.getElementById('output').textContent")
if "bihar-2021-launch-gm4" not in table or "specialist.utilisation" not in table:
    sys.exit(f"FAIL: the comparison's table is {table[:400]!r}")
p.js("document.getElementById('output').scrollIntoView()")
p.shot("7-compare", "the two runs compared under common random numbers: compare's paired differences and verdicts")
print("ok: the planner's tasks work from the page alone")
