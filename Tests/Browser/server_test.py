"""`convmat explore` over HTTP and in the browser (run by explorer_test.py).

Each check yields (name, None) when it passed or (name, reason) when it failed.
What the server must answer is taken from the CLI: `/api/show` must return
byte for byte what `convmat show … --format json` prints, and its 400 error the
one line the CLI prints on stderr.
"""

import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from expected import Expected, receptive_fields

START_SPEC, START_INPUT = "Conv1d(2, 3, kernel_size=3)", "2x8"


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def cli(convmat, *arguments):
    done = subprocess.run([convmat, *arguments], capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def get(url, data=None, headers=None):
    """(status, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def api(base, **query):
    return get(base + "api/show?" + urllib.parse.urlencode(query))


def start(convmat, *arguments):
    """The server and its address, from the one line it prints."""
    process = subprocess.Popen([convmat, "explore", *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("http://127.0.0.1:"):
        process.kill()
        raise Failure(f"explore printed {line!r}, stderr {process.stderr.read()!r}")
    return process, line


def listening_addresses(port):
    """The local addresses of the sockets listening on port, from /proc/net/tcp and tcp6."""
    found = []
    for table in ["/proc/net/tcp", "/proc/net/tcp6"]:
        if not os.path.exists(table):
            continue
        for row in open(table).read().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":
                found.append(address)
    return found


def loopback_only(base):
    port = int(base.rsplit(":", 1)[1].strip("/"))
    addresses = listening_addresses(port)
    check(addresses == ["0100007F"], f"port {port} listens on {addresses}, not 127.0.0.1 alone")


def endpoint_is_show(convmat, base):
    for spec, shape in [(START_SPEC, START_INPUT), ("Conv2d(2, 4, 3, padding=1, groups=2)", "2x4x4"), ("MaxPool1d(2)", "1x6")]:
        status, body = api(base, spec=spec, input=shape)
        code, printed, _ = cli(convmat, "show", spec, "--input", shape, "--format", "json")
        check(status == 200 and code == 0, f"{spec}: status {status}, CLI {code}")
        check(body == printed, f"{spec}: /api/show differs from show --format json")
    status, page = get(base)
    check(status == 200 and 'id="controls"' in page and 'name="stride"' in page, "GET / is not the page with its controls")


def bad_requests(convmat, base):
    for spec, shape in [("Conv1d(1, 1,", "1x8"), ("Conv1d(1, 1, 9)", "1x4"), ("Conv1d(1, 1, 3)", "0x8"), ("Conv2d(1, 1, 3)", "1x100000x100000")]:
        status, body = api(base, spec=spec, input=shape)
        _, _, stderr = cli(convmat, "show", spec, "--input", shape, "--format", "json", "--max-memory", "1G")
        check(status == 400, f"{spec} on {shape}: status {status}")
        check(json.loads(body) == {"error": stderr.strip()}, f"{spec} on {shape}: {body.strip()} is not the CLI's {stderr.strip()!r}")
    for query in [{}, {"spec": "Conv1d(1, 1, 3)", "input": "1x8", "path": "/etc/passwd"}, {"spec": "../../etc/passwd"}, {"spec": "lenet1989", "view": "explorer"}]:
        status, body = api(base, **query)
        check(status == 400 and set(json.loads(body)) == {"error"}, f"{query}: status {status}, {body[:80]}")
        check(len(json.loads(body)["error"].splitlines()) == 1, f"{query}: the error is not one line")
    status, _ = get(base + "etc/passwd")
    check(status == 404, f"an unknown path is {status}, not 404")
    status, body = api(base, spec="Conv1d(1, 1, 3" + ", 1" * 10_000 + ")", input="1x8")
    check(status == 413 and "error" in json.loads(body), f"a 30 kB request is {status}, not 413")
    status, _ = get(base + "api/show?spec=x", data=b"x" * 100, headers={"Content-Type": "text/plain"})
    check(status == 413, f"a request with a body is {status}, not 413")
    status, _ = api(base, spec=START_SPEC, input=START_INPUT)
    check(status == 200, "the server stopped serving after bad requests")


def concurrent_clients(convmat, base):
    cases = [(f"Conv1d(1, {k % 3 + 1}, 3, stride={k % 2 + 1})", f"1x{8 + k}") for k in range(10)]
    expected = [cli(convmat, "show", spec, "--input", shape, "--format", "json")[1] for spec, shape in cases]
    answers = [None] * len(cases)

    def client(k):
        answers[k] = api(base, spec=cases[k][0], input=cases[k][1])

    threads = [threading.Thread(target=client, args=(k,)) for k in range(len(cases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for k, answer in enumerate(answers):
        check(answer is not None and answer == (200, expected[k]), f"client {k} ({cases[k][0]}) got {str(answer)[:80]}")


def wait_for(driver, condition, what):
    try:
        WebDriverWait(driver, 30).until(lambda d: condition(d))
    except Exception:
        raise Failure(f"timed out waiting for {what}")


def entries(driver):
    return {(int(e.get_attribute("data-row")), int(e.get_attribute("data-col"))) for e in driver.find_elements(By.CSS_SELECTOR, "#matrix [data-row]")}


def controls_recompute(driver, convmat, base, screenshots):
    """The live page: its entries are show's; a control's change redraws them as show gives the new spec."""
    import explorer_test

    driver.get(base)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#matrix [data-row]"), "the page's matrix")
    first = Expected(json.loads(cli(convmat, "show", START_SPEC, "--input", START_INPUT, "--format", "json")[1]))
    check(entries(driver) == set(first.parameters), "the live page's entries are not show's")
    explorer_test.check_entries(driver, first)
    form = driver.find_element(By.ID, "controls")
    for name, value in [("kind", "Conv1d"), ("in_channels", "2"), ("out_channels", "2"), ("stride", "2"), ("dilation", "2")]:
        set_control(driver, name, value)
    form.find_element(By.NAME, "input").clear()
    form.find_element(By.NAME, "input").send_keys("2x8")
    driver.execute_script("document.querySelector('#controls [name=input]').dispatchEvent(new Event('change', {bubbles: true}))")
    spec = form.find_element(By.NAME, "spec").get_attribute("value")
    check("stride=2" in spec and "dilation=2" in spec, f"the controls built {spec!r}")
    code, printed, stderr = cli(convmat, "show", spec, "--input", "2x8", "--format", "json")
    check(code == 0, f"the controls built a spec the CLI refuses: {stderr.strip()}")
    changed = Expected(json.loads(printed))
    wait_for(driver, lambda d: entries(d) == set(changed.parameters), f"the matrix of {spec}")
    check(set(changed.parameters) != set(first.parameters), "the change left Wᵀ as it was")
    explorer_test.check_entries(driver, changed)
    explorer_test.check_units(driver, changed)
    if screenshots:
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(screenshots, "explorer-live.png"))
    box = form.find_element(By.NAME, "spec")
    box.clear()
    box.send_keys("Conv1d(1, 1, 99)")
    driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", box)
    _, _, refusal = cli(convmat, "show", "Conv1d(1, 1, 99)", "--input", "2x8", "--format", "html", "--max-memory", "1G")
    wait_for(driver, lambda d: d.find_element(By.ID, "error").text == refusal.strip(), f"the error {refusal.strip()!r}")


def network_chain(driver, convmat, base):
    """A shipped network lists its layers; a click opens a layer's matrix, as show --layer gives it."""
    import explorer_test

    form = driver.find_element(By.ID, "controls")
    box = form.find_element(By.NAME, "spec")
    box.clear()
    box.send_keys("lenet1989")
    form.find_element(By.NAME, "input").clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", box)
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chain [data-layer].open")) == 1, "the chain of lenet1989, its first layer open")
    time.sleep(1)  # the clearing of the boxes above also asked for the chain; let the last answer land
    name = driver.find_elements(By.CSS_SELECTOR, "#chain [data-layer]")[2].get_attribute("data-layer")
    driver.find_element(By.CSS_SELECTOR, f'#chain [data-layer="{name}"]').click()
    code, printed, stderr = cli(convmat, "show", "lenet1989", "--layer", name, "--format", "json")
    check(code == 0, f"show lenet1989 --layer {name}: {stderr.strip()}")
    layer = Expected(json.loads(printed))
    opened = f'#chain [data-layer="{name}"].open'
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, opened) and d.find_element(By.ID, "title").text.startswith(layer.spec), f"layer {name}")
    if driver.find_elements(By.CSS_SELECTOR, "#matrix [data-bin-row]"):
        explorer_test.check_bins(driver, layer)
    else:
        wait_for(driver, lambda d: entries(d) == set(layer.parameters), f"the entries of lenet1989's {name}")
        explorer_test.check_entries(driver, layer)


# (spec, input, the controls it must set, a change and the spec it must then build): every kind the controls offer.
STARTS = [
    (
        "Conv2d(2, 3, 3, stride=2, padding=1)", "2x7x7",
        {"kind": "Conv2d", "in_channels": "2", "out_channels": "3", "kernel_size": "3", "stride": "2", "padding": "1", "dilation": "1",
         "groups": "1", "output_padding": "0", "padding_mode": "zeros", "extra": "", "input": "2x7x7"},
        ("stride", "1"), "Conv2d(2, 3, 3, padding=1)",
    ),
    (
        "Conv1d(4, 2, (5,), padding=2, dilation=2, groups=2, bias=False, padding_mode='circular')", "4x12",
        {"kind": "Conv1d", "in_channels": "4", "out_channels": "2", "kernel_size": "5", "padding": "2", "dilation": "2", "groups": "2",
         "padding_mode": "circular", "extra": "bias=False", "stride": "1"},
        ("out_channels", "4"), "Conv1d(4, 4, 5, padding=2, dilation=2, groups=2, bias=False, padding_mode='circular')",
    ),
    (
        "Conv2d(1, 2, (3, 5), padding=((1, 2), (0, 1)), padding_mode='constant', padding_value=-1, bias='untied')", "1x6x7",
        {"kind": "Conv2d", "kernel_size": "(3, 5)", "padding": "((1, 2), (0, 1))", "padding_mode": "constant",
         "extra": "padding_value=-1.0, bias='untied'"},
        ("kernel_size", "3"), "Conv2d(1, 2, 3, padding=((1, 2), (0, 1)), padding_mode='constant', padding_value=-1, bias='untied')",
    ),
    (
        "ConvTranspose1d(2, 3, 3, stride=2, output_padding=1)", "2x5",
        {"kind": "ConvTranspose1d", "in_channels": "2", "out_channels": "3", "stride": "2", "output_padding": "1", "extra": ""},
        ("output_padding", "0"), "ConvTranspose1d(2, 3, 3, stride=2)",
    ),
    (
        "MaxPool2d(3, stride=2, padding=1, dilation=1)", "2x7x7",
        {"kind": "MaxPool2d", "kernel_size": "3", "stride": "2", "padding": "1", "dilation": "1", "in_channels": "2", "extra": ""},
        ("padding", "0"), "MaxPool2d(3, stride=2)",
    ),
    (
        "AvgPool1d(2, ceil_mode=True, count_include_pad=False)", "3x7",
        {"kind": "AvgPool1d", "kernel_size": "2", "stride": "", "padding": "0", "extra": "ceil_mode=True, count_include_pad=False"},
        ("kernel_size", "3"), "AvgPool1d(3, ceil_mode=True, count_include_pad=False)",
    ),
]


def canonical(convmat, spec, shape):
    code, printed, stderr = cli(convmat, "show", spec, "--input", shape, "--format", "json")
    check(code == 0, f"show {spec!r} --input {shape}: {stderr.strip()}")
    return json.loads(printed)["spec"]


def control_values(driver):
    form = driver.find_element(By.ID, "controls")
    return {e.get_attribute("name"): e.get_attribute("value") for e in form.find_elements(By.CSS_SELECTOR, "[name]")}


def set_control(driver, name, value):
    element = driver.find_element(By.CSS_SELECTOR, f'#controls [name="{name}"]')
    if element.tag_name == "select":
        Select(element).select_by_visible_text(value)
    else:
        element.clear()
        element.send_keys(value)
        driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", element)


def starting_controls(driver, convmat):
    """explore SPEC --input SHAPE: every control at SPEC's value; the rebuilt spec is SPEC; a change keeps the rest."""
    for spec, shape, expected, (name, value), changed in STARTS:
        process, base = start(convmat, "--port", "0", spec, "--input", shape)
        try:
            driver.get(base)
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#matrix [data-row], #matrix [data-bin-row]"), f"the page of {spec}")
            values = control_values(driver)
            wrong = {k: (values.get(k), v) for k, v in expected.items() if values.get(k) != v}
            check(not wrong, f"{spec}: controls (shown, expected) {wrong}")
            start_canonical = canonical(convmat, spec, shape)
            check(values["spec"] == start_canonical, f"{spec}: the spec box holds {values['spec']!r}, not {start_canonical!r}")
            rebuilt = driver.execute_script("return window.convmatExplorer.specFromControls()")
            check(canonical(convmat, rebuilt, shape) == start_canonical, f"{spec}: the controls rebuild {rebuilt!r}")
            status, body = api(base + "/" if not base.endswith("/") else base, spec=rebuilt, input=values["input"])
            check(status == 200 and body == cli(convmat, "show", spec, "--input", shape, "--format", "json")[1], f"{spec}: /api/show of the rebuilt spec is not show's")
            set_control(driver, name, value)
            built = driver.find_element(By.CSS_SELECTOR, '#controls [name="spec"]').get_attribute("value")
            check(canonical(convmat, built, shape) == canonical(convmat, changed, shape), f"{spec}: {name}={value} built {built!r}, not {changed!r}")
            expected_entries = Expected(json.loads(cli(convmat, "show", changed, "--input", shape, "--format", "json")[1]))
            if max(expected_entries.rows, expected_entries.cols) <= 128:  # else binned: no entry is drawn
                wait_for(driver, lambda d: entries(d) == set(expected_entries.parameters), f"the matrix of {changed}")
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(30)
    process, base = start(convmat, "--port", "0", "lenet1989")
    try:
        driver.get(base)
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#network [data-unit]"), "lenet1989's network view")
        check(control_values(driver)["spec"] == "lenet1989", "a network's name is not in the spec box")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)


def network_units(driver, selector):
    """{data-tensor: {data-unit}} of the elements that match selector, read in one script (thousands of units)."""
    pairs = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), (e) => [e.dataset.tensor, +e.dataset.unit])", selector)
    found = {}
    for tensor, unit in pairs:
        found.setdefault(tensor, set()).add(unit)
    return found


def open_network(driver, name):
    box = driver.find_element(By.CSS_SELECTOR, '#controls [name="spec"]')
    driver.find_element(By.CSS_SELECTOR, '#controls [name="input"]').clear()
    box.clear()
    box.send_keys(name)
    driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", box)


def network_view(driver, convmat, base, screenshots):
    """Hover output units of a network: exactly their receptive fields light, in x and every layer's output."""
    import explorer_test

    for network in ["lenet1989", "resnet-basic-block", "xception-block", "inception-module"]:
        code, printed, stderr = cli(convmat, "show", network, "--view", "receptive-field", "--format", "json")
        check(code == 0, f"show {network} --view receptive-field: {stderr.strip()}")
        status, body = api(base, spec=network, view="receptive-field")
        check(status == 200 and body == printed, f"{network}: /api/show?view=receptive-field is not show's")
        document = json.loads(printed)
        expected = receptive_fields(convmat, network)
        outputs = len(document["tensors"][-1]["fields"])
        for tensor in document["tensors"]:
            want = expected.get(tensor["name"], [set()] * outputs)
            bad = [u for u in range(outputs) if set(tensor["fields"][u]) != want[u]]
            check(not bad, f"{network}: the fields of {tensor['name']} differ from the composed rows for output units {bad[:5]}")
        open_network(driver, network)
        last = document["tensors"][-1]["name"]
        selector = f'#network [data-tensor="{last}"][data-unit]'
        wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#network .map-label").text.startswith("x ") and len(d.find_elements(By.CSS_SELECTOR, selector)) == outputs and driver.execute_script("return window.convmatExplorer.network.doc && window.convmatExplorer.network.doc.network") == network, f"{network}'s network view")
        first = json.loads(cli(convmat, "show", network, "--format", "json")[1])["layers"][0]
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f'#chain [data-layer="{first["name"]}"].open') and d.find_element(By.ID, "title").text.startswith(first["spec"]), f"{network}'s first layer opened (the layout settled)")
        drawn = {t["name"]: len(t["fields"][0]) for t in document["tensors"]}
        check(set(network_units(driver, "#network [data-unit]")) == set(drawn), f"{network}: the view draws other tensors than the document's")
        for u in explorer_test.samples(range(outputs), 5):
            explorer_test.hover(driver, driver.find_element(By.CSS_SELECTOR, f'#network [data-tensor="{last}"][data-unit="{u}"]'))
            lit = network_units(driver, "#network .active")
            for tensor in document["tensors"]:
                want = expected.get(tensor["name"], [set()] * outputs)[u]
                got = lit.get(tensor["name"], set())
                check(got == want, f"{network}, output unit {u}: {tensor['name']} lights {sorted(got)[:8]}…, expected {sorted(want)[:8]}… (current {network_units(driver, '#network .current')})")
            current = network_units(driver, "#network .current")
            check(current == {last: {u}}, f"{network}, output unit {u}: the units current are {current}, not {last} {u}")
        if screenshots and network == "resnet-basic-block":
            explorer_test.hover(driver, driver.find_element(By.CSS_SELECTOR, f'#network [data-tensor="{last}"][data-unit="45"]'))
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(screenshots, "explorer-network.png"))
        explorer_test.unhover(driver)
        check(not driver.find_elements(By.CSS_SELECTOR, "#network .active"), f"{network}: units stay lit after the hover")


def network_refused(driver, convmat, base):
    """AlexNet's fields are too many: 400 with show's one line, exit 2; the page says so and its chain still opens."""
    code, out, err = cli(convmat, "show", "alexnet", "--view", "receptive-field", "--format", "json", "--max-memory", "1G")
    check(code == 2 and out == "" and len(err.splitlines()) == 1 and err.startswith("convmat: error: view:"), f"alexnet: exit {code}, {err!r}")
    status, body = api(base, spec="alexnet", view="receptive-field")
    check(status == 400 and json.loads(body) == {"error": err.strip()}, f"alexnet: status {status}, {body[:120]}")
    open_network(driver, "alexnet")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#network .network-error") and d.find_element(By.CSS_SELECTOR, "#network .network-error").text == err.strip(), "alexnet's refusal in #network")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#chain [data-layer].open"), "alexnet's chain, its first layer open")


def taken_port(convmat, base):
    port = base.rsplit(":", 1)[1].strip("/")
    code, out, err = cli(convmat, "explore", "--port", port)
    check(code == 2 and out == "" and len(err.splitlines()) == 1 and err.startswith("convmat: error: port:"), f"a taken port: exit {code}, {err!r}")


def clean_shutdown(process, base):
    port = int(base.rsplit(":", 1)[1].strip("/"))
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise Failure("the server did not stop within 30 s of SIGINT")
    check(code == 0, f"the server exited {code} on SIGINT")
    check(not listening_addresses(port), "the port is still listening after the server stopped")


def run_all(driver, convmat, screenshots):
    try:
        process, base = start(convmat, "--port", "0", START_SPEC, "--input", START_INPUT)
    except Failure as failure:
        yield "start", str(failure)
        return
    base += "" if base.endswith("/") else "/"
    checks = [
        ("binds 127.0.0.1 only", lambda: loopback_only(base)),
        ("/api/show is show --format json", lambda: endpoint_is_show(convmat, base)),
        ("bad and oversized requests: 400 and 413, and it keeps serving", lambda: bad_requests(convmat, base)),
        ("ten concurrent clients", lambda: concurrent_clients(convmat, base)),
        ("a control's change recomputes the matrix", lambda: controls_recompute(driver, convmat, base, screenshots)),
        ("a network's chain: a click opens a layer", lambda: network_chain(driver, convmat, base)),
        ("the network view lights each output unit's receptive field", lambda: network_view(driver, convmat, base, screenshots)),
        ("a network too big for the view: 400, exit 2, the page says so", lambda: network_refused(driver, convmat, base)),
        ("explore SPEC: the controls start at SPEC", lambda: starting_controls(driver, convmat)),
        ("a taken --port is exit 2", lambda: taken_port(convmat, base)),
    ]
    try:
        for name, run in checks:
            try:
                run()
                yield name, None
            except Failure as failure:
                yield name, str(failure)
        try:
            clean_shutdown(process, base)
            yield "a clean stop on SIGINT", None
        except Failure as failure:
            yield "a clean stop on SIGINT", str(failure)
    finally:
        if process.poll() is None:
            process.kill()
        time.sleep(0)
