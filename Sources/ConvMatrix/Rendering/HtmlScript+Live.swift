extension HtmlScript {
    /// The live explorer's controls: a change rebuilds the spec and fetches the model from `/api/show`.
    static let live = #"""
        /* The live explorer (convmat explore): its controls rebuild the spec and fetch the model again. */
        const controls = document.getElementById("controls");
        if (controls) {
          const field = (name) => controls.querySelector(`[name="${name}"]`);
          window.convmatExplorer.recompute = recompute;
          controls.addEventListener("change", (event) => {
            if (event.target.name !== "spec" && event.target.name !== "input") field("spec").value = specFromControls();
            recompute();
          });
          controls.addEventListener("submit", (event) => { event.preventDefault(); recompute(); });
        }

        /* Kind(in, out, kernel_size=…, stride=…, …) from the controls named by the spec keywords. */
        function specFromControls() {
          const field = (name) => controls.querySelector(`[name="${name}"]`);
          const kind = field("kind").value;
          const pooling = /Pool/.test(kind);
          const keys = pooling ? ["kernel_size", "stride", "padding", "dilation"] : ["kernel_size", "stride", "padding", "dilation", "groups", "padding_mode", "output_padding"];
          const args = pooling ? [] : [field("in_channels").value, field("out_channels").value];
          for (const key of keys) {
            const input = field(key);
            if (!input || input.disabled || input.value.trim() === "" || input.value === input.dataset.default) continue;
            if (key === "output_padding" && !/Transpose/.test(kind)) continue;
            if (key === "padding_mode" && /Transpose/.test(kind)) continue;
            const value = input.value.trim();
            args.push(`${key}=${/^[a-z]+$/.test(value) && key !== "padding" ? `'${value}'` : value}`);
          }
          return `${kind}(${args.join(", ")})`;
        }

        async function recompute() {
          const field = (name) => controls.querySelector(`[name="${name}"]`);
          const error = document.getElementById("error");
          const query = `spec=${encodeURIComponent(field("spec").value)}&input=${encodeURIComponent(field("input").value)}&view=explorer`;
          try {
            const response = await fetch(`/api/show?${query}`);
            const body = await response.json();
            if (!response.ok) { error.textContent = body.error || `status ${response.status}`; return; }
            error.textContent = "";
            load(body);
          } catch (failure) {
            error.textContent = `the explorer did not answer: ${failure}`;
          }
        }
        """#
}
