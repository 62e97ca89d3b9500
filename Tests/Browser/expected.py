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
