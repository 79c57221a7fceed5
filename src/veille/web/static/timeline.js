// The interactive timeline: reads the page's JSON twin (data-src) and draws one item per merged
// event with vis-timeline. Labels are built as DOM text nodes, never as HTML strings, because
// event fields come from untrusted article text. Selecting an item opens its <details> below.
(function () {
  "use strict";

  function startOf(value) {
    // Dates come with their precision: "2026", "2026-03" or "2026-03-12".
    if (!value) { return null; }
    var parts = value.slice(0, 10).split("-");
    var date = new Date(Date.UTC(+parts[0], parts[1] ? +parts[1] - 1 : 0, parts[2] ? +parts[2] : 1));
    return isNaN(date.getTime()) ? null : date;
  }

  function label(entry) {
    var span = document.createElement("span");
    var who = entry.participants.slice(0, 3).join(", ");
    span.textContent = entry.type + (entry.place ? " · " + entry.place : "") + (who ? " — " + who : "");
    return span;
  }

  function openEntry(id) {
    var details = document.getElementById(id);
    if (!details) { return; }
    details.open = true;
    details.scrollIntoView({ block: "nearest" });
    details.querySelector("summary").focus();
  }

  function draw(container, timeline) {
    var items = [];
    timeline.entries.forEach(function (entry) {
      var start = startOf(entry.date);
      if (start) {
        items.push({ id: entry.id, start: start, content: label(entry), className: "tl-" + entry.type });
      }
    });
    container.textContent = "";
    if (!items.length) {
      container.textContent = "Aucun événement daté.";
      return;
    }
    var chart = new vis.Timeline(container, new vis.DataSet(items), {
      locale: "fr", stack: true, zoomKey: "ctrlKey", margin: { item: 6 }, maxHeight: 420,
    });
    chart.on("select", function (props) {
      if (props.items.length) { openEntry(props.items[0]); }
    });
    container.dataset.ready = String(items.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("timeline");
    if (!container || typeof vis === "undefined") { return; }
    fetch(container.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (timeline) { draw(container, timeline); })
      .catch(function (error) { container.textContent = "Frise indisponible : " + error; });
  });
})();
