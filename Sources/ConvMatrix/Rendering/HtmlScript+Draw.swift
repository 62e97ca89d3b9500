extension HtmlScript {
    /// Drawing: Wᵀ's entries (or its bins and the zoom), the units of x and y as feature maps, and the kernels.
    static let draw = #"""
        const SVGNS = "http://www.w3.org/2000/svg";
        const state = {
          model: null, derived: null, entryEls: new Map(), zoomEls: new Map(), binEls: new Map(),
          unitEls: { x: [], y: [] }, tapEls: [], lit: [], current: [], hovered: null, pinned: null, zoomed: null,
          playIndex: -1, timer: null,
        };

        function node(tag, attributes, parent, svg) {
          const element = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
          for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, String(value));
          if (parent) parent.appendChild(element);
          return element;
        }

        function product(values) { return values.reduce((a, b) => a * b, 1); }

        /* Indices of the entries by key r·cols + c, by parameter, by row and by column (and by bin). */
        function derive(m) {
          const d = { key: new Map(), byParameter: m.parameters.map(() => []), byRow: [], byCol: [], binOfRow: [], binOfCol: [] };
          for (let r = 0; r < m.rows; r++) d.byRow.push([]);
          for (let c = 0; c < m.cols; c++) d.byCol.push([]);
          m.entries.forEach(([r, c], k) => {
            d.key.set(r * m.cols + c, k);
            d.byRow[r].push(k);
            d.byCol[c].push(k);
            for (const p of m.entry_parameters[k]) d.byParameter[p].push(k);
          });
          if (m.bins) {
            const fill = (edges, out) => { for (let b = 0; b + 1 < edges.length; b++) for (let i = edges[b]; i < edges[b + 1]; i++) out[i] = b; };
            fill(m.bins.row_edges, d.binOfRow);
            fill(m.bins.col_edges, d.binOfCol);
          }
          return d;
        }

        function colourOf(m, k) {
          const parameters = m.entry_parameters[k];
          return parameters.length ? m.parameters[parameters[0]].colour : "#9e9e9e";
        }

        function pixel(count) { return Math.max(3, Math.min(22, Math.floor(720 / Math.max(count, 1)))); }

        /* Lines between feature maps: where an edge (in entries) is a multiple of the block size. */
        function drawBorders(svg, rowEdges, colEdges, px) {
          const m = state.model;
          const rowBlock = product(m.output_shape.slice(1)), colBlock = product(m.input_shape.slice(1));
          const height = (rowEdges.length - 1) * px, width = (colEdges.length - 1) * px;
          if (rowBlock > 1) rowEdges.forEach((e, n) => { if (n > 0 && n + 1 < rowEdges.length && e % rowBlock === 0) node("line", { x1: 0, x2: width + 1, y1: n * px + 0.5, y2: n * px + 0.5, class: "border" }, svg, true); });
          if (colBlock > 1) colEdges.forEach((e, n) => { if (n > 0 && n + 1 < colEdges.length && e % colBlock === 0) node("line", { y1: 0, y2: height + 1, x1: n * px + 0.5, x2: n * px + 0.5, class: "border" }, svg, true); });
        }

        function range(a, b) { const out = []; for (let i = a; i <= b; i++) out.push(i); return out; }

        /* The entries ks of rows r0..<r1 and columns c0..<c1, one rect each, recorded in els. */
        function drawEntries(parent, ks, r0, r1, c0, c1, els) {
          const px = pixel(Math.max(r1 - r0, c1 - c0));
          const svg = node("svg", { width: (c1 - c0) * px + 1, height: (r1 - r0) * px + 1, class: "entries" }, parent, true);
          drawBorders(svg, range(r0, r1), range(c0, c1), px);
          const m = state.model;
          for (const k of ks) {
            const [r, c] = m.entries[k];
            const count = m.entry_parameters[k].length;
            const kind = "entry" + (count > 1 ? " summed" : "") + (count === 0 ? " constant" : "");
            const rect = node("rect", { x: (c - c0) * px + 0.5, y: (r - r0) * px + 0.5, width: px, height: px, fill: colourOf(m, k), class: kind, "data-row": r, "data-col": c }, svg, true);
            if (!els.has(k)) els.set(k, []);
            els.get(k).push(rect);
          }
        }

        /* The binned form: one rect per bin with a nonzero; hovering one zooms into it (#zoom). */
        function drawBins(parent) {
          const bins = state.model.bins;
          const rowCells = bins.row_edges.length - 1, colCells = bins.col_edges.length - 1;
          const px = pixel(Math.max(rowCells, colCells));
          const svg = node("svg", { width: colCells * px + 1, height: rowCells * px + 1, class: "bins" }, parent, true);
          drawBorders(svg, bins.row_edges, bins.col_edges, px);
          bins.cells.forEach(([a, b], n) => {
            const rect = node("rect", { x: b * px + 0.5, y: a * px + 0.5, width: px, height: px, fill: bins.colours[n], class: "bin", "data-bin-row": a, "data-bin-col": b }, svg, true);
            state.binEls.set(a * colCells + b, rect);
          });
          node("div", { id: "zoom" }, parent).textContent = "Hover a bin to zoom into its entries; click it to keep the zoom.";
        }

        function zoom(a, b) {
          const m = state.model, bins = m.bins, d = state.derived;
          const r0 = bins.row_edges[a], r1 = bins.row_edges[a + 1], c0 = bins.col_edges[b], c1 = bins.col_edges[b + 1];
          const box = document.getElementById("zoom");
          box.textContent = "";
          state.zoomEls = new Map();
          if (state.zoomed) state.zoomed.classList.remove("zoomed");
          state.zoomed = state.binEls.get(a * (bins.col_edges.length - 1) + b) || null;
          if (state.zoomed) state.zoomed.classList.add("zoomed");
          node("div", { class: "zoom-title" }, box).textContent = `bin (${a + 1}, ${b + 1}): rows ${r0 + 1}–${r1}, columns ${c0 + 1}–${c1} of Wᵀ`;
          const ks = [];
          for (let r = r0; r < r1; r++) for (const k of d.byRow[r]) { const c = m.entries[k][1]; if (c >= c0 && c < c1) ks.push(k); }
          drawEntries(box, ks, r0, r1, c0, c1, state.zoomEls);
        }

        /* x or y as its feature maps: a grid per map (last spatial extent across), a vector as one grid. */
        function drawUnits(container, shape, tensor) {
          state.unitEls[tensor] = drawGrids(container, shape, tensor, (u) => unitText(tensor, u));
        }

        /* The units of a tensor of `shape` in container, data-tensor = name; returns them by flat index. */
        function drawGrids(container, shape, name, title, small) {
          const list = [];
          const channels = shape[0], spatial = shape.slice(1), mapSize = product(spatial);
          const width = spatial.length ? spatial[spatial.length - 1] : Math.min(channels, small ? 32 : 16);
          const cell = small ? (width > 20 || mapSize > 400 ? 5 : 8) : width > 40 || mapSize > 900 ? 6 : width > 20 ? 9 : 14;
          const maps = node("div", { class: "maps" }, container);
          const grid = (parent) => node("div", { class: "map", style: `grid-template-columns: repeat(${width}, ${cell}px); --cell: ${cell}px` }, parent);
          const unit = (parent, u) => { list[u] = node("div", { class: "unit", "data-tensor": name, "data-unit": u, title: title(u) }, parent); };
          if (!spatial.length) { const g = grid(maps); for (let u = 0; u < channels; u++) unit(g, u); return list; }
          for (let ch = 0; ch < channels; ch++) {
            const holder = node("div", {}, maps);
            if (!small) node("div", { class: "map-label" }, holder).textContent = `map ${ch + 1}`;
            const g = grid(holder);
            for (let s = 0; s < mapSize; s++) unit(g, ch * mapSize + s);
          }
          return list;
        }

        /* The name v_{ji}^{t} as text nodes with <sub> and <sup>. */
        function nameNode(parameter, parent) {
          const span = node("span", { class: "name" }, parent);
          span.appendChild(document.createTextNode(parameter.letter));
          node("sub", {}, span).textContent = parameter.lower;
          if (parameter.upper) node("sup", {}, span).textContent = parameter.upper;
          return span;
        }

        function tapNode(parent, p, style) {
          const parameter = state.model.parameters[p];
          const title = `${parameter.letter}_${parameter.lower}` + (parameter.upper ? `^${parameter.upper}` : "");
          state.tapEls[p] = node("div", { class: "tap", "data-parameter": p, title, style: `background: ${parameter.colour}; ${style}` }, parent);
        }

        /* The kernels v_ji, one grid per block (j, i); a fully connected layer's weights as one grid. */
        function drawKernels(container) {
          const m = state.model;
          state.tapEls = [];
          if (!m.parameters.length) { container.textContent = "none: this layer's Wᵀ holds constants only"; return; }
          const kernel = m.kernel, width = kernel.length ? kernel[kernel.length - 1] : 1;
          if (!kernel.length) {
            const columns = Math.max(...m.parameters.map((p) => p.block[1]));
            const g = node("div", { class: "map", style: `grid-template-columns: repeat(${columns}, 10px); --cell: 10px` }, container);
            m.parameters.forEach((p, n) => tapNode(g, n, `grid-row: ${p.block[0]}; grid-column: ${p.block[1]}`));
            return;
          }
          const blocks = new Map();
          m.parameters.forEach((p, n) => { const key = p.block.join(","); if (!blocks.has(key)) blocks.set(key, []); blocks.get(key).push(n); });
          for (const members of blocks.values()) {
            const holder = node("div", { class: "kernel-block" }, container);
            const first = m.parameters[members[0]];
            nameNode({ letter: first.letter, lower: first.lower, upper: "" }, node("div", { class: "map-label" }, holder));
            const g = node("div", { class: "map", style: `grid-template-columns: repeat(${width}, 14px)` }, holder);
            for (const n of members) {
              const tap = m.parameters[n].tap;
              let row = 0;
              for (let i = 0; i + 1 < tap.length; i++) row = row * kernel[i] + (tap[i] - 1);
              tapNode(g, n, `grid-row: ${row + 1}; grid-column: ${tap[tap.length - 1]}`);
            }
          }
        }
        """#
}
