extension HtmlScript {
    /// Linking: what a hovered entry, unit or tap lights, and the panel that names it.
    static let linking = #"""
        /* "x unit 7 (map 1, position 2, 3)": 1-based, as a person reads it. */
        function unitText(tensor, u) {
          return unitLabel(tensor === "x" ? state.model.input_shape : state.model.output_shape, tensor, u);
        }

        function unitLabel(shape, tensor, u) {
          const spatial = shape.slice(1), mapSize = product(spatial);
          if (!spatial.length) return `${tensor} unit ${u + 1}`;
          let rest = u % mapSize;
          const position = [];
          for (let i = spatial.length - 1; i >= 0; i--) { position.unshift(rest % spatial[i] + 1); rest = Math.floor(rest / spatial[i]); }
          return `${tensor} unit ${u + 1} (map ${Math.floor(u / mapSize) + 1}, position ${position.join(", ")})`;
        }

        function mark(element, cls) { if (element) { element.classList.add(cls); state.lit.push([element, cls]); } }

        function clearLit() {
          for (const [element, cls] of state.lit) element.classList.remove(cls);
          state.lit = [];
        }

        function elementsOf(k) { return (state.entryEls.get(k) || []).concat(state.zoomEls.get(k) || []); }

        function binOf(k) {
          const m = state.model, d = state.derived;
          if (!m.bins) return null;
          const [r, c] = m.entries[k];
          return state.binEls.get(d.binOfRow[r] * (m.bins.col_edges.length - 1) + d.binOfCol[c]) || null;
        }

        function info() { const box = document.getElementById("entry-info"); box.textContent = ""; return box; }

        function line(box, text) { const p = node("div", {}, box); if (text) p.textContent = text; return p; }

        function describeEntry(k) {
          const m = state.model, [r, c] = m.entries[k], parameters = m.entry_parameters[k];
          const box = info();
          const head = line(box, `Wᵀ[${r + 1}, ${c + 1}] = `);
          if (!parameters.length) head.appendChild(document.createTextNode("a constant (no parameter)"));
          parameters.forEach((p, n) => { if (n) head.appendChild(document.createTextNode(" + ")); nameNode(m.parameters[p], head); });
          if (parameters.length > 1) head.appendChild(document.createTextNode(` (sums ${parameters.length} parameters)`));
          line(box, `row ${r + 1} feeds ${unitText("y", r)}; column ${c + 1} reads ${unitText("x", c)}`);
          if (m.entry_values) line(box, `value: ${m.entry_values[k]}`);
        }

        function lightEntry(k) {
          const m = state.model, d = state.derived, [r, c] = m.entries[k];
          const tied = new Set([k]);
          for (const p of m.entry_parameters[k]) for (const t of d.byParameter[p]) tied.add(t);
          for (const t of tied) { for (const element of elementsOf(t)) mark(element, "tied"); mark(binOf(t), "lit"); }
          for (const p of m.entry_parameters[k]) mark(state.tapEls[p], "active");
          mark(state.unitEls.x[c], "active");
          mark(state.unitEls.y[r], "active");
          describeEntry(k);
        }

        /* An output unit lights its row and its window in x; an input unit its column and its reach in y. */
        function lightUnit(tensor, u) {
          const m = state.model, d = state.derived;
          const output = tensor === "y";
          const entries = output ? d.byRow[u] : d.byCol[u];
          for (const k of entries) {
            for (const element of elementsOf(k)) mark(element, "lit");
            mark(binOf(k), "lit");
            const [r, c] = m.entries[k];
            mark(output ? state.unitEls.x[c] : state.unitEls.y[r], "active");
          }
          mark(state.unitEls[tensor][u], "active");
          const box = info();
          line(box, unitText(tensor, u));
          line(box, output ? `row ${u + 1} of Wᵀ: reads ${entries.length} input units (its window in x)` : `column ${u + 1} of Wᵀ: reaches ${entries.length} output units`);
        }

        function lightTap(p) {
          const m = state.model;
          mark(state.tapEls[p], "active");
          for (const k of state.derived.byParameter[p]) { for (const element of elementsOf(k)) mark(element, "tied"); mark(binOf(k), "lit"); }
          const box = info();
          nameNode(m.parameters[p], line(box, "")).after(document.createTextNode(` appears in ${state.derived.byParameter[p].length} entries of Wᵀ`));
        }

        function hover(target) {
          if (target === state.hovered) return;
          state.hovered = target;
          clearLit();
          if (target && target.closest("#network")) { lightNetwork(target); return; }
          if (!target || !state.model) return;
          if (target.hasAttribute("data-bin-row")) {
            if (!state.pinned) zoom(+target.dataset.binRow, +target.dataset.binCol);
            return;
          }
          if (target.hasAttribute("data-row")) {
            const k = state.derived.key.get(+target.dataset.row * state.model.cols + +target.dataset.col);
            if (k !== undefined) lightEntry(k);
          } else if (target.hasAttribute("data-unit")) {
            lightUnit(target.dataset.tensor, +target.dataset.unit);
          } else if (target.hasAttribute("data-parameter")) {
            lightTap(+target.dataset.parameter);
          }
        }

        const hoverable = "[data-row],[data-unit],[data-parameter],[data-bin-row]";
        document.addEventListener("mouseover", (event) => hover(event.target.closest ? event.target.closest(hoverable) : null));
        document.addEventListener("click", (event) => {
          const bin = event.target.closest ? event.target.closest("[data-bin-row]") : null;
          if (!bin) return;
          const key = `${bin.dataset.binRow},${bin.dataset.binCol}`;
          state.pinned = state.pinned === key ? null : key;
          zoom(+bin.dataset.binRow, +bin.dataset.binCol);
        });
        """#
}
