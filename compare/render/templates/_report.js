// The report's only script: filters, counterpart highlighting, print. Reads data-* attributes
// only; never builds HTML from text, so article text stays inert.
(function () {
  "use strict";
  var doc = document;
  var rows = Array.prototype.slice.call(doc.querySelectorAll("tr.claim"));
  var controls = doc.getElementById("controls");
  var status = doc.getElementById("status");
  var noRows = doc.getElementById("no-rows");
  var changesOnly = doc.getElementById("changes-only");

  function words(value) {
    return value ? value.split(" ").filter(Boolean) : [];
  }

  function values(name, wantChecked) {
    return Array.prototype.slice
      .call(controls.querySelectorAll('input[name="' + name + '"]'))
      .filter(function (box) { return box.checked === wantChecked; })
      .map(function (box) { return box.value; });
  }

  function applyFilters() {
    var verdicts = values("verdict", true);
    var kinds = values("kind", true);
    var shown = 0;
    rows.forEach(function (row) {
      var rowKinds = words(row.dataset.kinds);
      var visible = verdicts.indexOf(row.dataset.verdict) >= 0 &&
        (kinds.length === 0 || kinds.some(function (k) { return rowKinds.indexOf(k) >= 0; })) &&
        (!changesOnly.checked || row.dataset.change === "yes");
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " claims";
    noRows.hidden = shown > 0;
  }

  controls.addEventListener("change", applyFilters);
  doc.getElementById("reset").addEventListener("click", function () {
    controls.querySelectorAll('input[name="verdict"]').forEach(function (box) { box.checked = true; });
    controls.querySelectorAll('input[name="kind"]').forEach(function (box) { box.checked = false; });
    changesOnly.checked = false;
    applyFilters();
  });
  controls.hidden = false;
  applyFilters();

  // Highlighting: a sentence lights its counterparts; a finding chip lights its sentences and fact spans.
  var lit = [];
  var pinned = null;

  function byId(id) { return doc.getElementById("s-" + id); }

  function light(el) {
    clear();
    var add = function (node, cls) { if (node) { node.classList.add(cls); lit.push([node, cls]); } };
    if (el.classList.contains("sent")) {
      add(el, "hl");
      words(el.dataset.counterparts).forEach(function (id) { add(byId(id), "counterpart"); });
    } else {
      add(el, "hl");
      words(el.dataset.sentences).forEach(function (id) { add(byId(id), "counterpart"); });
      doc.querySelectorAll('[data-f~="' + el.dataset.finding + '"]').forEach(function (node) { add(node, "hl-fact"); });
    }
  }

  function clear() {
    lit.forEach(function (pair) { pair[0].classList.remove(pair[1]); });
    lit = [];
  }

  function target(event) {
    return event.target.closest ? event.target.closest(".sent, .chip") : null;
  }

  function pin(el) {
    if (pinned && pinned.classList.contains("chip")) { pinned.setAttribute("aria-pressed", "false"); }
    pinned = pinned === el ? null : el;
    if (pinned) {
      light(pinned);
      if (pinned.classList.contains("chip")) { pinned.setAttribute("aria-pressed", "true"); }
    } else {
      clear();
    }
  }

  doc.addEventListener("mouseover", function (event) {
    var el = target(event);
    if (el && !pinned) { light(el); }
  });
  doc.addEventListener("mouseout", function (event) {
    var el = target(event);
    if (el && !pinned && !el.contains(event.relatedTarget)) { clear(); }
  });
  doc.addEventListener("focusin", function (event) {
    var el = target(event);
    if (el && !pinned) { light(el); }
  });
  doc.addEventListener("focusout", function () { if (!pinned) { clear(); } });
  doc.addEventListener("click", function (event) {
    var el = target(event);
    if (el) { pin(el); } else if (pinned && !event.target.closest("a, input, label, button")) { pin(pinned); }
  });
  doc.addEventListener("keydown", function (event) {
    var el = target(event);
    if (el && el.classList.contains("sent") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      pin(el);
    } else if (event.key === "Escape" && pinned) {
      pin(pinned);
    }
  });

  // Print everything that was set aside, then fold it back.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(doc.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  doc.documentElement.classList.add("ready");
})();
