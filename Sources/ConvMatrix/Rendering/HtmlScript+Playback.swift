extension HtmlScript {
    /// Playback (#play, #step) and loading a model.
    static let playback = #"""
        /* Playback: output unit r, row r of Wᵀ and the window it reads in x, lit at once. */
        function clearCurrent() {
          for (const element of state.current) element.classList.remove("current");
          state.current = [];
        }

        function step() {
          const m = state.model, d = state.derived;
          if (!m) return;
          clearCurrent();
          state.playIndex = (state.playIndex + 1) % m.rows;
          const r = state.playIndex;
          const add = (element) => { if (element) { element.classList.add("current"); state.current.push(element); } };
          for (const k of d.byRow[r]) {
            for (const element of elementsOf(k)) add(element);
            add(binOf(k));
            add(state.unitEls.x[m.entries[k][1]]);
          }
          add(state.unitEls.y[r]);
          document.getElementById("playback-state").textContent = `${unitText("y", r)}: row ${r + 1} of Wᵀ and the window it reads in x`;
        }

        function stop() {
          if (state.timer) clearInterval(state.timer);
          state.timer = null;
          document.getElementById("play").textContent = "Play";
        }

        document.getElementById("play").addEventListener("click", () => {
          if (state.timer) { stop(); return; }
          step();
          state.timer = setInterval(step, 700);
          document.getElementById("play").textContent = "Pause";
        });
        document.getElementById("step").addEventListener("click", () => { stop(); step(); });

        /* Draws a model (the embedded one, or one the live explorer fetched). */
        function load(m) {
          stop();
          Object.assign(state, { model: m, derived: derive(m), entryEls: new Map(), zoomEls: new Map(), binEls: new Map(), lit: [], current: [], hovered: null, pinned: null, zoomed: null, playIndex: -1 });
          document.getElementById("title").textContent = m.title;
          document.getElementById("playback-state").textContent = "";
          const subtitle = `Wᵀ: ${m.rows} × ${m.cols}, ${m.entries.length} nonzeros, ${m.parameters.length} parameters` + (m.bins ? `; binned, a cell is about ${m.bins.size} × ${m.bins.size} entries` : "");
          document.getElementById("subtitle").textContent = subtitle;
          for (const id of ["matrix", "input", "output", "kernels", "entry-info"]) document.getElementById(id).textContent = "";
          const matrix = document.getElementById("matrix");
          if (m.bins) drawBins(matrix);
          else drawEntries(matrix, m.entries.map((_, k) => k), 0, m.rows, 0, m.cols, state.entryEls);
          drawUnits(document.getElementById("input"), m.input_shape, "x");
          drawUnits(document.getElementById("output"), m.output_shape, "y");
          drawKernels(document.getElementById("kernels"));
          info().textContent = "Hover an entry of Wᵀ, a unit of x or y, or a kernel tap.";
        }

        window.convmatExplorer = { load, state, step };
        const embedded = JSON.parse(document.getElementById("model").textContent);
        if (embedded) load(embedded);
        """#
}
