extension HtmlScript {
    /// The live explorer's controls: a change rebuilds the spec and fetches the model from `/api/show`; a network lists its
    /// layers and draws its network view (``network``).
    static let live = #"""
        /* The live explorer (convmat explore): its controls rebuild the spec and fetch the model again. */
        const controls = document.getElementById("controls");
        const field = (name) => controls.querySelector(`[name="${name}"]`);

        /* Kind(in, out, kernel_size=…, stride=…, …) from the controls named by the spec keywords. */
        function specFromControls() {
          const kind = field("kind").value;
          const pooling = /Pool/.test(kind), transposed = /Transpose/.test(kind);
          const keys = pooling ? ["kernel_size", "stride", "padding", "dilation"] : ["kernel_size", "stride", "padding", "dilation", "groups", "padding_mode", "output_padding"];
          const args = pooling ? [] : [field("in_channels").value.trim(), field("out_channels").value.trim()];
          for (const key of keys) {
            const value = field(key).value.trim();
            if (value === "" || value === field(key).dataset.default) continue;
            if ((key === "output_padding" && !transposed) || (key === "padding_mode" && transposed)) continue;
            args.push(`${key}=${/^[a-z]+$/.test(value) ? `'${value}'` : value}`);
          }
          if (pooling && field("stride").value.trim() === "1") args.push("stride=1");
          const extra = field("extra") ? field("extra").value.trim() : "";
          if (extra) args.push(extra);
          return `${kind}(${args.join(", ")})`;
        }

        /* Answers that come back after a newer request was sent are dropped: the page shows the latest. */
        let ticket = 0;
        class Outdated extends Error {}

        async function fetchJSON(query, mine) {
          const response = await fetch(`/api/show?${query}`);
          const body = await response.json();
          if (mine !== ticket) throw new Outdated();
          if (!response.ok) throw new Error(body.error || `status ${response.status}`);
          return body;
        }

        function queryOf(parameters) {
          return Object.entries(parameters).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
        }

        /* A network: its layers as buttons in #chain; a click opens that layer's matrix. */
        async function openNetwork(name, input, mine) {
          const table = await fetchJSON(queryOf({ spec: name, input }), mine);
          try {
            drawNetwork(await fetchJSON(queryOf({ spec: name, input, view: "receptive-field" }), mine));
          } catch (failure) {
            if (failure instanceof Outdated) throw failure;
            showNetworkError(failure.message || String(failure));
          }
          const chain = document.getElementById("chain");
          chain.textContent = `${table.network}: `;
          const open = async (layer, button) => {
            for (const other of chain.querySelectorAll("button")) other.classList.remove("open");
            button.classList.add("open");
            const own = ++ticket;
            load(await fetchJSON(queryOf({ spec: name, input, layer: layer.name, view: "explorer" }), own));
          };
          const buttons = table.layers.map((layer) => {
            const button = node("button", { type: "button", "data-layer": layer.name, title: `${layer.spec} on ${layer.input_shape.join("x")}` }, chain);
            button.textContent = layer.name;
            button.addEventListener("click", () => open(layer, button).catch(showError));
            return button;
          });
          if (buttons.length) await open(table.layers[0], buttons[0]);
        }

        function showError(failure) {
          if (failure instanceof Outdated) return;
          document.getElementById("error").textContent = failure.message || String(failure);
        }

        async function recompute() {
          const spec = field("spec").value.trim(), input = field("input").value.trim();
          document.getElementById("error").textContent = "";
          const mine = ++ticket;
          try {
            if (!spec.includes("(")) { await openNetwork(spec, input, mine); return; }
            document.getElementById("chain").textContent = "";
            drawNetwork(null);
            load(await fetchJSON(queryOf({ spec, input, view: "explorer" }), mine));
          } catch (failure) {
            showError(failure);
          }
        }

        if (controls) {
          Object.assign(window.convmatExplorer, { recompute, specFromControls, network: networkState });
          controls.addEventListener("change", (event) => {
            if (event.target.name !== "spec" && event.target.name !== "input") field("spec").value = specFromControls();
            recompute();
          });
          controls.addEventListener("submit", (event) => { event.preventDefault(); recompute(); });
          if (!state.model) recompute();
        }
        """#
}
