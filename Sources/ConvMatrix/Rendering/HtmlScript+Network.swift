extension HtmlScript {
    /// The live explorer's network view (#network): x, every layer's output and y as
    /// small grids; hovering a unit of the network's output lights its receptive
    /// field in each of them, from `/api/show?view=receptive-field`.
    ///
    ///     lit(t, u) = fields_t[u]     the units of tensor t output unit u structurally depends on
    static let network = #"""
        /* The network view: the document of show NETWORK --view receptive-field --format json. */
        const networkState = { doc: null, els: new Map() };

        function drawNetwork(doc) {
          const box = document.getElementById("network");
          if (!box) return;
          box.textContent = "";
          const panel = document.getElementById("network-info");
          if (panel) panel.textContent = "";
          networkState.doc = doc;
          networkState.els = new Map();
          if (!doc) return;
          const last = doc.tensors[doc.tensors.length - 1];
          node("div", { class: "network-hint" }, box).textContent = `${doc.network}: hover a unit of ${last.name} (the output) to light what it depends on in x and in every layer's output`;
          const row = node("div", { class: "network-tensors" }, box);
          doc.tensors.forEach((tensor, n) => {
            const holder = node("div", { class: "network-tensor" + (n + 1 === doc.tensors.length ? " network-output" : ""), "data-network-tensor": tensor.name }, row);
            node("div", { class: "map-label" }, holder).textContent = `${tensor.name} ${tensor.shape.join("x")}`;
            networkState.els.set(tensor.name, drawGrids(holder, tensor.shape, tensor.name, (u) => unitLabel(tensor.shape, tensor.name, u), true));
          });
        }

        function showNetworkError(message) {
          const box = document.getElementById("network");
          if (!box) return;
          box.textContent = "";
          networkState.doc = null;
          node("div", { class: "network-error" }, box).textContent = message;
        }

        /* A unit of the output: every tensor's field of it `active`, the unit itself `current`. */
        function lightNetwork(target) {
          const doc = networkState.doc;
          if (!doc || !target.hasAttribute("data-unit")) return;
          const last = doc.tensors[doc.tensors.length - 1];
          if (target.dataset.tensor !== last.name) return;
          const u = +target.dataset.unit;
          const counts = [];
          for (const tensor of doc.tensors) {
            const els = networkState.els.get(tensor.name);
            for (const v of tensor.fields[u]) mark(els[v], "active");
            if (tensor !== last) counts.push(`${tensor.fields[u].length} of ${product(tensor.shape)} in ${tensor.name}`);
          }
          mark(target, "current");
          const panel = document.getElementById("network-info");
          if (panel) panel.textContent = `${unitLabel(last.shape, last.name, u)} depends on ${counts.join(", ")}`;
        }
        """#
}
