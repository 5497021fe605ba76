// The BPMN modeller (bpmn-js, vendored) on every [data-bpmn-modeller] of the page, wired to
// its form (processes/modeller.html): the map to open comes from the form's hidden
// <textarea data-bpmn-source> (or a <script type="application/xml" data-bpmn-source>); on
// submit the map's BPMN XML and its SVG picture go into the fields bpmn_xml and svg. No
// inline script anywhere (the Content-Security-Policy allows scripts from this site only).
(function () {
  "use strict";

  // Same as sikerja.processes.bpmn.EMPTY_BPMN: what "Peta baru" starts from.
  var EMPTY_BPMN =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" ' +
    'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_1" ' +
    'targetNamespace="http://bpmn.io/schema/bpmn">\n' +
    '  <bpmn:process id="Process_1" isExecutable="false">\n' +
    '    <bpmn:startEvent id="StartEvent_1" name="Mulai" />\n' +
    "  </bpmn:process>\n" +
    '  <bpmndi:BPMNDiagram id="BPMNDiagram_1">\n' +
    '    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">\n' +
    '      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">\n' +
    '        <dc:Bounds x="180" y="160" width="36" height="36" />\n' +
    "      </bpmndi:BPMNShape>\n" +
    "    </bpmndi:BPMNPlane>\n" +
    "  </bpmndi:BPMNDiagram>\n" +
    "</bpmn:definitions>\n";
  // sikerja:ref on a lane or pool: the unit or position of the region it stands for
  // (sikerja.processes.bpmn.model.SIKERJA_NS; read back into ParsedMap lanes and pools).
  var SIKERJA_NS = "urn:sikerja:bpmn:1";
  // The server refuses larger files (sikerja.processes.bpmn.MAX_BPMN_BYTES); say so at once.
  var MAX_BYTES = 5 * 1024 * 1024;

  // Messages in the page's language: JSON from the page (sikerja/processes/modeller_words.py),
  // keyed by the Indonesian text, which is also the fallback.
  var WORDS = (function () {
    var node = document.getElementById("bpmn-words");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  })();
  function tr(key, params) {
    var text = WORDS[key] || key;
    return text.replace(/%\((\w+)\)s/g, function (_, name) { return params && name in params ? params[name] : ""; });
  }

  function setStatus(box, text, kind) {
    if (!box) return;
    box.textContent = text || "";
    box.classList.toggle("bad", kind === "bad");
    box.classList.toggle("ok", kind === "ok");
  }

  function openXml(modeler, xml, status, okText) {
    return modeler.importXML(xml).then(
      function (result) {
        modeler.get("canvas").zoom("fit-viewport", "auto");
        var n = (result && result.warnings && result.warnings.length) || 0;
        setStatus(status, okText + (n ? tr(" (%(n)s bagian peta diabaikan karena tidak dikenali)", { n: n }) : ""), n ? "bad" : "ok");
        return true;
      },
      function () {
        setStatus(status, tr("Berkas tidak dapat dibuka sebagai peta BPMN 2.0. Periksa apakah berkas itu diekspor dari aplikasi pemodel BPMN."), "bad");
        return false;
      }
    );
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/xml" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function isLaneOrPool(el) {
    var t = el && el.businessObject && el.businessObject.$type;
    return t === "bpmn:Lane" || t === "bpmn:Participant";
  }

  function setup(canvas) {
    var form = canvas.closest("form") || document;
    var source = form.querySelector("[data-bpmn-source]");
    var svgField = form.querySelector("[data-bpmn-svg], input[name=svg]");
    var xmlField = form.querySelector("textarea[name=bpmn_xml], input[name=bpmn_xml]");
    var status = form.querySelector("[data-bpmn-status]");
    var modeler = new window.BpmnJS({ container: canvas });
    // For tests and the browser console: the modeller instance of the page.
    window.sikerjaModeller = modeler;
    // A lane renamed by hand no longer stands for the unit chosen from the list.
    var naming = false;
    modeler.get("eventBus").on("commandStack.element.updateLabel.postExecuted", function (e) {
      var bo = e.context.element && e.context.element.businessObject;
      if (!naming && bo && bo.$attrs) delete bo.$attrs["sikerja:ref"];
    });
    var initial = source ? (source.value !== undefined && source.tagName === "TEXTAREA" ? source.value : source.textContent) : "";
    openXml(modeler, initial.trim() ? initial : EMPTY_BPMN, status, initial.trim() ? "" : tr("Peta baru: mulai menggambar dari palet di kiri.")).then(function () {
      canvas.setAttribute("data-bpmn-ready", "1");
      canvas.dispatchEvent(new CustomEvent("bpmn:ready", { bubbles: true }));
    });

    form.addEventListener("click", function (ev) {
      var t = ev.target.closest("[data-bpmn-new], [data-bpmn-export], [data-lane-name]");
      if (!t) return;
      if (t.hasAttribute("data-bpmn-new")) {
        if (!window.confirm(tr("Mulai peta baru? Gambar yang belum disimpan akan hilang."))) return;
        openXml(modeler, EMPTY_BPMN, status, tr("Peta baru dibuat."));
      } else if (t.hasAttribute("data-bpmn-export")) {
        modeler.saveXML({ format: true }).then(function (r) {
          download((canvas.dataset.filename || "peta-proses") + ".bpmn", r.xml);
          setStatus(status, tr("Berkas .bpmn diunduh."), "ok");
        }, function () {
          setStatus(status, tr("Peta tidak dapat diekspor."), "bad");
        });
      } else {
        // A unit or position of the region as the name of the selected lane or pool.
        var selected = modeler.get("selection").get();
        if (selected.length !== 1 || !isLaneOrPool(selected[0])) {
          setStatus(status, tr("Pilih satu lajur atau kolam di peta lebih dulu."), "bad");
          return;
        }
        naming = true;
        try {
          modeler.get("modeling").updateLabel(selected[0], t.dataset.laneName);
        } finally {
          naming = false;
        }
        modeler.getDefinitions().$attrs["xmlns:sikerja"] = SIKERJA_NS;
        if (t.dataset.laneId) selected[0].businessObject.$attrs["sikerja:ref"] = t.dataset.laneId;
        setStatus(status, tr("Nama lajur diganti menjadi %(name)s.", { name: t.dataset.laneName }), "ok");
      }
    });

    form.addEventListener("change", function (ev) {
      var input = ev.target.closest("[data-bpmn-import]");
      if (!input || !input.files || !input.files[0]) return;
      var file = input.files[0];
      input.value = "";
      if (file.size > MAX_BYTES) {
        setStatus(status, tr("Berkas terlalu besar; paling besar 5 MB."), "bad");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        openXml(modeler, String(reader.result), status, tr("Berkas %(name)s dibuka. Simpan untuk menyimpannya.", { name: file.name }));
      };
      reader.onerror = function () { setStatus(status, tr("Berkas tidak dapat dibaca."), "bad"); };
      reader.readAsText(file);
    });

    form.addEventListener("submit", function (ev) {
      if (form.dataset.bpmnSaving === "done") return; // the second, real submit
      ev.preventDefault();
      if (form.dataset.bpmnSaving === "busy") return;
      form.dataset.bpmnSaving = "busy";
      var button = form.querySelector("[data-bpmn-save]");
      if (button) button.disabled = true;
      setStatus(status, tr("Menyimpan peta…"));
      Promise.all([modeler.saveXML({ format: true }), modeler.saveSVG()]).then(function (r) {
        if (xmlField) xmlField.value = r[0].xml;
        if (svgField) svgField.value = r[1].svg;
        form.dataset.bpmnSaving = "done";
        form.submit();
      }, function () {
        form.dataset.bpmnSaving = "";
        if (button) button.disabled = false;
        setStatus(status, tr("Peta tidak dapat disimpan: gambarnya belum lengkap."), "bad");
      });
    });
  }

  function start() {
    if (!window.BpmnJS) return;
    document.querySelectorAll("[data-bpmn-modeller]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
