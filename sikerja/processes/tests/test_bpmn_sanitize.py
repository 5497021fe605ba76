"""sanitize_svg: the stored picture of a map is safe to show inline on any page (issue 14)."""

import pytest
from lxml import etree

from sikerja.processes.bpmn import MAX_SVG_BYTES, BpmnError, make_large_svg, sanitize_svg

pytestmark = pytest.mark.req("PB-5")
SVG = "http://www.w3.org/2000/svg"


def wrap(body, attrs=""):
    return f'<svg xmlns="{SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" {attrs}>{body}</svg>'


def tree(out):
    return etree.fromstring(out.encode())


def test_bpmn_js_picture_keeps_its_drawing():
    src = make_large_svg(3)
    assert "<!DOCTYPE svg PUBLIC" in src  # as bpmn-js's saveSVG writes it
    out = sanitize_svg(src)
    root = tree(out)
    assert root.tag == f"{{{SVG}}}svg" and root.get("width") == src.split('width="')[1].split('"')[0]
    assert "DOCTYPE" not in out and "created with" not in out
    assert len(root.findall(f".//{{{SVG}}}rect")) == 3
    labels = ["".join(t.itertext()) for t in root.iter(f"{{{SVG}}}text")]
    assert labels == [f"Langkah {i} <uji & ukur>" for i in range(3)]
    # markers survive, renamed so that they cannot clash with the page's ids
    marker = root.find(f".//{{{SVG}}}marker")
    assert marker.get("id") == "peta-sequenceflow-end"
    paths = [p.get("style") for p in root.iter(f"{{{SVG}}}path") if "marker-end" in (p.get("style") or "")]
    assert paths and all("marker-end: url(#peta-sequenceflow-end)" in s for s in paths)
    assert root.find(f".//{{{SVG}}}g[@data-element-id='Node_1']") is not None


@pytest.mark.parametrize(
    ("body", "gone"),
    [
        ("<script>alert(1)</script><rect width='1' height='1'/>", "alert"),
        ("<script><![CDATA[alert(1)]]></script>", "alert"),
        (
            "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hai<iframe src='x'/></div></foreignObject>",
            "iframe",
        ),
        ("<rect onload='alert(1)' onclick='alert(2)' width='1' height='1'/>", "alert"),
        ("<a xlink:href='javascript:alert(1)'><rect width='1' height='1'/></a>", "javascript"),
        ("<use xlink:href='http://evil.example/x.svg#a'/>", "evil"),
        ("<use href='data:image/svg+xml;base64,PHN2Zz4='/>", "data:"),
        ("<image href='http://evil.example/track.png' width='1' height='1'/>", "evil"),
        ("<rect width='1' height='1'><set attributeName='onmouseover' to='alert(1)'/></rect>", "alert"),
        ("<animate attributeName='href' values='javascript:alert(1)'/>", "javascript"),
        ("<rect style='fill: url(http://evil.example/a.svg#g); stroke: red' width='1' height='1'/>", "evil"),
        ("<rect fill='url(https://evil.example/#g)' width='1' height='1'/>", "evil"),
        ("<rect style='behavior: url(x.htc); width: expression(alert(1))' width='1' height='1'/>", "expression"),
        ("<rect style='fill: u\\72l(http://evil.example/)' width='1' height='1'/>", "evil"),
        ("<style>rect { fill: url(http://evil.example/x) }</style>", "evil"),
        ("<style>@import 'http://evil.example/x.css';</style>", "evil"),
        ("<html:script xmlns:html='http://www.w3.org/1999/xhtml'>alert(1)</html:script>", "alert"),
        ("<svg:script xmlns:svg='http://www.w3.org/2000/svg'>alert(1)</svg:script>", "alert"),
        ("<!-- <script>alert(1)</script> --><rect width='1' height='1'/>", "alert"),
        ("<?xml-stylesheet href='http://evil.example/x.css'?><rect width='1' height='1'/>", "evil"),
    ],
)
def test_active_content_is_removed(body, gone):
    out = sanitize_svg(wrap(body))
    assert gone not in out
    root = tree(out)
    for el in root.iter():
        assert el.tag in {f"{{{SVG}}}{n}" for n in ("svg", "rect", "g", "path", "text", "tspan", "defs", "style")}
        assert not any(a.lower().startswith("on") for a in el.attrib)


def test_safe_rules_stay():
    out = sanitize_svg(wrap("<style>.djs-label { font-family: Arial }</style><rect style='fill: red; stroke: blue'/>"))
    root = tree(out)
    assert root.find(f"{{{SVG}}}style").text == ".djs-label { font-family: Arial }"
    assert root.find(f"{{{SVG}}}rect").get("style") == "fill: red; stroke: blue"


def test_local_use_is_kept_with_its_prefix():
    out = sanitize_svg(wrap("<defs><path id='p' d='M0 0'/></defs><use xlink:href='#p'/><use href='#p'/>"))
    uses = tree(out).findall(f"{{{SVG}}}use")
    assert [u.get("{http://www.w3.org/1999/xlink}href") or u.get("href") for u in uses] == ["#peta-p", "#peta-p"]


def test_script_in_a_label_stays_text():
    label = "&lt;script&gt;alert('x')&lt;/script&gt;<![CDATA[<img src=x onerror=alert(1)>]]>"
    out = sanitize_svg(wrap(f"<text><tspan x='1' y='2'>{label}</tspan></text>"))
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert('x')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in out
    assert "".join(tree(out).itertext()) == "<script>alert('x')</script><img src=x onerror=alert(1)>"


def test_text_around_a_removed_element_is_kept():
    out = sanitize_svg(wrap("<text>Periksa <script>x</script>berkas</text>"))
    assert tree(out).find(f"{{{SVG}}}text").text == "Periksa berkas"


def test_attribute_quotes_cannot_break_out():
    out = sanitize_svg(wrap("<rect class='a&quot; onload=&quot;alert(1)' width='1' height='1'/>"))
    assert tree(out).find(f"{{{SVG}}}rect").get("class") == 'a" onload="alert(1)'
    assert 'class="a&quot; onload=&quot;alert(1)"' in out


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("<html><body>hai</body></html>", "bukan gambar SVG"),
        ("<svg><rect/></svg>", "bukan gambar SVG"),  # no SVG namespace
        ("<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "bukan XML yang sah"),
        ("", "kosong"),
        (
            '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "DOCTYPE",
        ),
        (
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [<!ENTITY x "y">]>'
            '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "DOCTYPE",
        ),
    ],
)
def test_what_is_not_an_svg_is_refused(src, expected):
    with pytest.raises(BpmnError) as exc:
        sanitize_svg(src)
    assert expected in exc.value.messages[0]


def test_oversize_svg_is_refused():
    with pytest.raises(BpmnError) as exc:
        sanitize_svg(wrap(" " * MAX_SVG_BYTES))
    assert "terlalu besar" in exc.value.messages[0] and "8,0 MB" in exc.value.messages[0]


def test_large_picture_sanitises_whole():
    out = sanitize_svg(make_large_svg(500))
    assert out.count("<rect ") == 500 and out.count("marker-end: url(#peta-sequenceflow-end)") == 499


@pytest.fixture
def processes_installed(settings):
    # The partial lives in the processes app; install it for the template loader if this
    # branch does not register it yet.
    if "sikerja.processes" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "sikerja.processes"]


def test_modeller_partial_escapes_the_map_and_lane_names(processes_installed, rf):
    from django.template.loader import render_to_string

    evil = '<bpmn:task name="x"/></textarea><script>alert(1)</script>'
    html = render_to_string(
        "processes/modeller.html",
        {
            "bpmn_xml": evil,
            "save_url": "/simpan/",
            "cancel_url": "/batal/",
            "lanes": [{"id": 7, "name": 'Bidang "A" <b>'}],
        },
        request=rf.get("/"),
    )
    assert "<script>alert(1)" not in html and "&lt;/textarea&gt;&lt;script&gt;" in html
    assert 'data-lane-name="Bidang &quot;A&quot; &lt;b&gt;"' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'action="/simpan/"' in html
    assert 'href="/batal/"' in html and "Simpan peta" in html
    # scripts only from files (the CSP forbids inline script)
    # two scripts from our static files; anything else is data (json_script), never inline code
    assert html.count("<script src=\"") == 2
    assert html.count("<script") - 2 == html.count("type=\"application/json\"")
