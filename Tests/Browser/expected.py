"""What must light, from `convmat show --format json` alone (docs/json.md), never from the page.

An entry (r, c) is a structural nonzero: a term [r, c, p, a] or a constant [r, c, v].
Its parameters are the p of its terms; two entries are tied when they share one.
The window of output unit r is the set of columns of row r's entries, the reach
of input unit c the set of rows of column c's entries.
"""


class Expected:
    def __init__(self, document):
        self.rows = document["rows"]
        self.cols = document["cols"]
        self.spec = document["spec"]
        self.parameters = {}
        self.by_parameter = {}
        for r, c, p, _ in document["terms"]:
            self.parameters.setdefault((r, c), set()).add(p)
            self.by_parameter.setdefault(p, set()).add((r, c))
        for r, c, _ in document["constants"]:
            self.parameters.setdefault((r, c), set())
        self.by_row = {}
        self.by_col = {}
        for r, c in self.parameters:
            self.by_row.setdefault(r, set()).add((r, c))
            self.by_col.setdefault(c, set()).add((r, c))

    def tied(self, r, c):
        """The entry itself and every entry that shares a parameter with it."""
        tied = {(r, c)}
        for p in self.parameters[(r, c)]:
            tied |= self.by_parameter[p]
        return tied

    def row(self, r):
        return self.by_row.get(r, set())

    def window(self, r):
        return {c for _, c in self.row(r)}

    def reach(self, c):
        return {r for r, _ in self.by_col.get(c, set())}


# The receptive fields of a network, from the network file and `show NETWORK --layer NAME --format json`.
#
# Forward, unlike the library (which steps back from y): every unit carries the
# set of (tensor, unit) pairs upstream of it, itself included. A layer's unit r
# reads the columns of its row of Wᵀ (the terms' and constants'); an activation
# its own unit; a max pool its whole window, from the spec's geometry (the JSON
# holds one point's one-hot Jacobian). A Residual's unit is the union of its
# body's and its shortcut's (x itself without one), a Concat's the branches'
# units stacked. The field of output unit u in tensor t is {v : (t, v) upstream of y_u}.

import json as _json
import os as _os
import re as _re
import subprocess as _subprocess

NETWORKS = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "..", "networks")


def _tree(text):
    """The network file's nodes: ("layer", spec) | ("residual", body, shortcut) | ("concat", [branch nodes])."""
    lines = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#") or raw.startswith("input "):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        content = raw.strip()
        match = _re.match(r"^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$", content)
        if match and "(" not in match.group(1):
            content = match.group(2) or content
        lines.append((indent, content))

    def block(i, indent):
        nodes = []
        while i < len(lines) and lines[i][0] == indent:
            content = lines[i][1]
            if content in ("Residual:", "Concat:", "branch:", "shortcut:"):
                children, i = block(i + 1, lines[i + 1][0]) if i + 1 < len(lines) and lines[i + 1][0] > indent else ([], i + 1)
                if content == "Residual:":
                    shortcut = [c for c in children if c[0] == "shortcut"]
                    nodes.append(("residual", [c for c in children if c[0] != "shortcut"], shortcut[0][1] if shortcut else None))
                elif content == "Concat:":
                    nodes.append(("concat", [c[1] for c in children]))
                else:
                    nodes.append((content[:-1], children))
            else:
                nodes.append(("layer", content))
                i += 1
        return nodes, i

    return block(0, lines[0][0])[0]


def _window_rows(document):
    """A max pool's rows: every real tap of each window, from kernel_size, stride, padding and dilation."""
    spec = document["spec"]
    channels, *size = document["input_shape"]
    _, *out = document["output_shape"]
    d = len(size)

    def argument(name, default):
        match = _re.search(name + r"=(\(([^)]*)\)|-?\d+)", spec)
        if not match:
            return default
        values = [int(v) for v in (match.group(2) or match.group(1)).split(",") if v.strip()]
        return values * d if len(values) == 1 else values

    kernel = argument("kernel_size", None)
    stride, padding, dilation = argument("stride", kernel), argument("padding", [0] * d), argument("dilation", [1] * d)

    def taps(position):
        axes = []
        for k in range(d):
            start = position[k] * stride[k] - padding[k]
            axes.append([start + t * dilation[k] for t in range(kernel[k]) if 0 <= start + t * dilation[k] < size[k]])
        units = [0]
        for k in range(d):
            units = [u * size[k] + a for u in units for a in axes[k]]
        return units

    positions = [[]]
    for extent in out:
        positions = [p + [i] for p in positions for i in range(extent)]
    map_in, map_out = 1, 1
    for s in size:
        map_in *= s
    for s in out:
        map_out *= s
    rows = [set() for _ in range(channels * map_out)]
    for j in range(channels):
        for i, position in enumerate(positions):
            rows[j * map_out + i] = {j * map_in + u for u in taps(position)}
    return rows


def layer_rows(convmat, network, name):
    """S(r) for every output unit r of one layer: the input units it structurally reads."""
    done = _subprocess.run([convmat, "show", network, "--layer", name, "--format", "json"], capture_output=True, text=True, timeout=300)
    document = _json.loads(done.stdout)
    if document["kind"].startswith("MaxPool"):
        return _window_rows(document)
    if document["input_dependent"]:
        return [{r} for r in range(document["rows"])]
    rows = [set() for _ in range(document["rows"])]
    for r, c, *_ in document["terms"] + document["constants"]:
        rows[r].add(c)
    return rows


def receptive_fields(convmat, network):
    """{tensor name: [field of output unit u for each u]}, x and y (when the network ends in a block) included."""
    text = open(_os.path.join(NETWORKS, network + ".net")).read()
    table = _json.loads(_subprocess.run([convmat, "show", network, "--format", "json"], capture_output=True, text=True, timeout=300).stdout)
    names = iter(layer["name"] for layer in table["layers"])
    count = 1
    for extent in table["input_shape"]:
        count *= extent

    def chain(nodes, units):
        for node in nodes:
            units = forward(node, units)
        return units

    def forward(node, units):
        if node[0] == "layer":
            name = next(names)
            return [{(name, r)}.union(*(units[c] for c in row)) for r, row in enumerate(layer_rows(convmat, network, name))]
        if node[0] == "residual":
            body = chain(node[1], units)
            shortcut = chain(node[2], units) if node[2] is not None else units
            return [a | b for a, b in zip(body, shortcut)]
        return [unit for branch in node[1] for unit in chain(branch, units)]

    nodes = _tree(text)
    output = chain(nodes, [{("x", c)} for c in range(count)])
    if nodes[-1][0] != "layer":
        output = [unit | {("y", u)} for u, unit in enumerate(output)]
    fields = {}
    for u, upstream in enumerate(output):
        for tensor, v in upstream:
            fields.setdefault(tensor, [set() for _ in output])[u].add(v)
    return fields
