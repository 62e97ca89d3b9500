/// The explorer page's inline style sheet.
///
/// What is lit is drawn on top of the colours rather than instead of them, so
/// that the sharing pattern stays visible: a tied entry gets a black frame,
/// a lit row or column a dark frame, the playback's row and window an orange
/// one, and active units and taps a red one.
enum HtmlStyle {
    static let css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 12px; color: #222; }
        h1 { font-size: 17px; margin: 0 0 4px; }
        h2 { font-size: 14px; margin: 10px 0 4px; }
        .hint { font-weight: normal; color: #666; font-size: 12px; }
        #subtitle { margin: 0 0 8px; color: #444; }
        #layout { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .panel { min-width: 240px; }
        .side { max-width: 560px; }
        #matrix svg { display: block; background: #fff; border: 1px solid #bbb; }
        #matrix rect.entry { stroke: #fff; stroke-width: 0.5; }
        #matrix rect.summed { stroke: #000; stroke-dasharray: 2 1; stroke-width: 1; }
        #matrix rect.lit { stroke: #333; stroke-width: 1.5; }
        #matrix rect.tied { stroke: #000; stroke-width: 2.5; }
        #matrix rect.current { stroke: #f08000; stroke-width: 2.5; }
        #matrix rect.bin.lit { stroke: #000; stroke-width: 1.5; }
        #matrix rect.bin.zoomed { stroke: #d00; stroke-width: 2; }
        #matrix line.border { stroke: #888; stroke-width: 1; }
        #zoom { margin-top: 8px; }
        #zoom .zoom-title { color: #444; font-size: 12px; }
        #entry-info { height: 4.4em; overflow: auto; padding: 6px 8px; background: #f4f4f4; border: 1px solid #ddd; }
        .playback { margin: 6px 0; height: 2.6em; overflow: hidden; }
        .maps { display: flex; flex-wrap: wrap; gap: 8px; }
        .map { display: grid; gap: 1px; }
        .map-label { font-size: 11px; color: #555; }
        .unit, .tap { width: var(--cell, 14px); height: var(--cell, 14px); background: #e8e8e8; box-sizing: border-box; }
        .tap { border: 1px solid #fff; }
        .unit.active, .tap.active { outline: 2px solid #d00000; outline-offset: -2px; background: #ffd0c8; }
        .tap.active { background-blend-mode: normal; }
        .unit.current { outline: 2px solid #f08000; outline-offset: -2px; background: #ffe2b0; }
        .kernel-block { display: inline-block; margin: 0 8px 6px 0; vertical-align: top; }
        #controls { display: flex; flex-wrap: wrap; gap: 6px 12px; margin: 6px 0; padding: 6px; background: #f7f7fb; border: 1px solid #dde; }
        #controls label { font-size: 12px; }
        #controls input { width: 5em; }
        #controls input[name=spec] { width: 28em; }
        #error { color: #b00000; margin: 4px 0; min-height: 1.2em; }
        #chain { margin: 6px 0; }
        #chain button { margin: 0 4px 4px 0; }
        #chain button.open { font-weight: bold; border: 2px solid #333; }
        #network-info { color: #444; font-size: 12px; height: 3.2em; overflow: auto; }
        #network .network-tensors { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-start; margin: 4px 0 8px; }
        #network .network-tensor { max-width: 420px; }
        #network .network-tensor .maps { gap: 3px; }
        #network .network-output .unit { background: #d8e4f4; }
        #network .network-hint { color: #555; font-size: 12px; }
        #network .network-error { color: #b00000; }
        #network .unit.active { background: #ffd0c8; }
        #network .unit.current { outline: 2px solid #f08000; outline-offset: -2px; background: #ffe2b0; }
        """
}
