/* chipgraph page script: draws the network from the JSON data block and
 * exports the canvas as PNG.  Everything is local: no fetch, no CDN.
 * Tooltips are turned into DOM elements filled with textContent, so that no
 * string from an article is ever parsed as HTML, whatever vis-network does
 * with string titles. */
(function () {
  "use strict";
  var dataElement = document.getElementById("chipgraph-data");
  var container = document.getElementById("chipgraph-network");
  if (!dataElement || !container || typeof vis === "undefined") { return; }
  var data = JSON.parse(dataElement.textContent);

  function textTooltip(item) {
    if (typeof item.title === "string") {
      var tip = document.createElement("div");
      tip.className = "cg-tip";
      tip.textContent = item.title;
      item.title = tip;
    }
    return item;
  }

  var nodes = new vis.DataSet(data.nodes.map(textTooltip));
  var edges = new vis.DataSet(data.edges.map(textTooltip));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
  });

  var button = document.getElementById("chipgraph-download");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = container.querySelector("canvas");
      if (!source) { return; }
      var out = document.createElement("canvas");
      out.width = source.width;
      out.height = source.height;
      var ctx = out.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(source, 0, 0);
      var link = document.createElement("a");
      link.href = out.toDataURL("image/png");
      link.download = data.filename;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
    });
  }
})();
