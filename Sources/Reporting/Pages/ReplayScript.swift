/// The replay's player, inline in the page (no external script). It reads the drives from
/// the `replay-data` JSON block, moves one dot per driving ambulance along its path at the
/// clock's minute (linear between the path's timed points), rings the patients reached in the
/// last 30 minutes, and writes the clock and the number of ambulances driving into
/// `data-minute` and `data-count`, which the browser test reads. Timers, not animation
/// frames, drive it, so a headless browser's virtual time plays it too.
enum ReplayScript {
  static let source = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("replay-data").textContent);
      var ns = "http://www.w3.org/2000/svg";
      var layer = document.getElementById("replay-layer");
      var callLayer = document.getElementById("replay-calls");
      var clock = document.getElementById("replay-clock");
      var moving = document.getElementById("replay-moving");
      var button = document.getElementById("replay-play");
      var slider = document.getElementById("replay-slider");
      var speed = document.getElementById("replay-speed");
      var colours = ["#0072B2", "#E69F00", "#7f7f7f"];
      var drives = data.drives;
      var t = data.t0, timer = null, tick = 100, pool = [], rings = [];

      function pad(n) { return (n < 10 ? "0" : "") + n; }
      function label(minute) {
        var m = Math.floor(minute), day = Math.floor(m / 1440), inDay = m - day * 1440;
        var time = pad(Math.floor(inDay / 60)) + ":" + pad(inDay % 60);
        if (!data.start) { return "day " + day + " " + time; }
        var d = new Date(data.start + "T00:00:00Z");
        d.setUTCDate(d.getUTCDate() + day);
        return d.toISOString().slice(0, 10) + " " + time;
      }
      function dot(i) {
        while (pool.length <= i) {
          var c = document.createElementNS(ns, "circle");
          c.setAttribute("r", "4.5"); c.setAttribute("stroke", "#111"); c.setAttribute("stroke-width", "0.8");
          c.setAttribute("class", "ambulance");
          layer.appendChild(c); pool.push(c);
        }
        return pool[i];
      }
      function ring(i) {
        while (rings.length <= i) {
          var c = document.createElementNS(ns, "circle");
          c.setAttribute("r", "6"); c.setAttribute("fill", "none"); c.setAttribute("stroke", "#b2182b");
          c.setAttribute("stroke-width", "1.5"); c.setAttribute("class", "call");
          callLayer.appendChild(c); rings.push(c);
        }
        return rings[i];
      }
      function position(d, minute) {
        for (var k = 2; k + 5 < d.length; k += 3) {
          var t0 = d[k + 2], t1 = d[k + 5];
          if (minute <= t1) {
            var f = t1 > t0 ? Math.max(0, (minute - t0) / (t1 - t0)) : 1;
            return [d[k] + (d[k + 3] - d[k]) * f, d[k + 1] + (d[k + 4] - d[k + 1]) * f];
          }
        }
        return [d[d.length - 3], d[d.length - 2]];
      }
      function draw() {
        var n = 0;
        for (var i = 0; i < drives.length; i++) {
          var d = drives[i];
          if (d[4] > t) { break; }
          if (d[d.length - 1] < t) { continue; }
          var p = position(d, t), c = dot(n++);
          c.setAttribute("cx", p[0].toFixed(1)); c.setAttribute("cy", p[1].toFixed(1));
          c.setAttribute("fill", colours[d[1]] || "#7f7f7f"); c.style.display = "";
        }
        for (var j = n; j < pool.length; j++) { pool[j].style.display = "none"; }
        var r = 0, calls = data.calls;
        for (var k = 0; k + 2 < calls.length; k += 3) {
          if (calls[k + 2] <= t && calls[k + 2] > t - 30) {
            var c2 = ring(r++);
            c2.setAttribute("cx", calls[k]); c2.setAttribute("cy", calls[k + 1]); c2.style.display = "";
          }
        }
        for (var m = r; m < rings.length; m++) { rings[m].style.display = "none"; }
        clock.textContent = label(t);
        clock.setAttribute("data-minute", t.toFixed(1));
        moving.textContent = n + " ambulance" + (n === 1 ? "" : "s") + " driving";
        moving.setAttribute("data-count", String(n));
        slider.value = String(t);
      }
      function step() {
        t += Number(speed.value) * tick / 1000;
        if (t >= data.t1) { t = data.t1; pause(); }
        draw();
      }
      function play() {
        if (t >= data.t1) { t = data.t0; }
        if (!timer) { timer = setInterval(step, tick); }
        button.textContent = "❚❚ Pause";
      }
      function pause() {
        if (timer) { clearInterval(timer); timer = null; }
        button.textContent = "▶ Play";
      }
      button.addEventListener("click", function () { if (timer) { pause(); } else { play(); } });
      slider.addEventListener("input", function () { t = Number(slider.value); draw(); });
      draw();
      if (location.hash === "#autoplay") { play(); }
    })();
    """#
}
