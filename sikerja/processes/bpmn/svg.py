"""sanitize_svg: make a browser-made SVG safe to show inline on a page.

The SVG comes from the client (bpmn-js saveSVG), so it is untrusted: a whitelist of SVG
elements and attributes is kept and everything else is dropped — scripts, foreignObject,
animation (which can set an href), images and links, event handlers (on*), hrefs other
than to an element of the same picture, and CSS that could fetch or run anything (url()
other than "#id", @import, expression, escapes). Text stays text: lxml escapes it on output,
so a label "<script>…" shows as those characters. Ids get a prefix so a picture cannot
shadow an id of the page it is shown in.
"""

import re

from lxml import etree

from .errors import BpmnError
from .safexml import MAX_SVG_BYTES, parse_untrusted

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WHAT = "Gambar SVG peta"

ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "marker",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "title",
        "desc",
        "use",
        "symbol",
        "clipPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "pattern",
        "mask",
        "style",
    ]
)
# Presentation properties, allowed both as attributes and inside style="…".
PROPERTIES = frozenset(
    [
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-miterlimit",
        "opacity",
        "marker-start",
        "marker-mid",
        "marker-end",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "letter-spacing",
        "word-spacing",
        "visibility",
        "display",
        "clip-path",
        "clip-rule",
        "mask",
        "stop-color",
        "stop-opacity",
        "shape-rendering",
        "vector-effect",
        "pointer-events",
        "color",
        "white-space",
        "text-decoration",
    ]
)
ATTRIBUTES = PROPERTIES | frozenset(
    [
        "id",
        "class",
        "style",
        "transform",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "dx",
        "dy",
        "width",
        "height",
        "d",
        "points",
        "viewBox",
        "version",
        "preserveAspectRatio",
        "markerWidth",
        "markerHeight",
        "markerUnits",
        "refX",
        "refY",
        "orient",
        "offset",
        "gradientUnits",
        "gradientTransform",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "lineHeight",
        "data-element-id",
        "data-container-id",
        "data-corner-radius",
    ]
)

# bpmn-js writes <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "…svg11.dtd">: a public
# identifier without an internal subset declares no entity, so that exact form is removed
# before the safe parser (which refuses every DOCTYPE) sees the text.
_PUBLIC_DOCTYPE = re.compile(r'<!DOCTYPE\s+svg\s+PUBLIC\s+"[^"<>\[\]]*"\s+"[^"<>\[\]]*"\s*>')
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_LOCAL_REF = re.compile(r"#[A-Za-z_][\w.-]*")
_BAD_CSS = re.compile(r"expression|javascript|vbscript|@|\\|image-set|-moz-binding|behavior", re.I)


def _rewrite_urls(value, prefix):
    """Point url(#id) at the prefixed id; None when any url() goes elsewhere."""
    bad = False

    def repl(m):
        nonlocal bad
        target = m.group(2).strip()
        if not _LOCAL_REF.fullmatch(target):
            bad = True
            return ""
        return f"url(#{prefix}{target[1:]})"

    out = _URL.sub(repl, value)
    if bad or "url" in _URL.sub("", out).lower():
        # A url( that the pattern did not take (unbalanced, split by a comment…): refuse.
        return None
    return out


def _clean_value(value, prefix):
    if _BAD_CSS.search(value):
        return None
    return _rewrite_urls(value, prefix)


def _clean_style(style, prefix):
    kept = []
    for decl in style.split(";"):
        if ":" not in decl:
            continue
        prop, value = (s.strip() for s in decl.split(":", 1))
        prop = prop.lower()
        if prop not in PROPERTIES:
            continue
        value = _clean_value(value, prefix)
        if value is not None:
            kept.append(f"{prop}: {value}")
    return "; ".join(kept)


def _drop(el):
    """Remove el (and its content) but keep the text that followed it."""
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _clean_attributes(el, prefix):
    local = _local(el.tag)
    for name in list(el.attrib):
        value = el.attrib[name]
        keep = None
        if name.startswith("{"):
            ns, attr = name[1:].split("}", 1)
            if ns == XML_NS and attr == "space":
                keep = value if value in ("default", "preserve") else None
            elif ns == XLINK_NS and attr == "href" and local == "use":
                keep = f"#{prefix}{value[1:]}" if _LOCAL_REF.fullmatch(value) else None
        elif name == "href" and local == "use":
            keep = f"#{prefix}{value[1:]}" if _LOCAL_REF.fullmatch(value) else None
        elif name in ATTRIBUTES and not name.lower().startswith("on"):
            if name == "style":
                keep = _clean_style(value, prefix) or None
            elif name == "id":
                keep = f"{prefix}{value}" if re.fullmatch(r"[\w.:-]+", value) else None
            else:
                keep = _clean_value(value, prefix)
        if keep is None:
            del el.attrib[name]
        elif keep != value:
            el.attrib[name] = keep
    # A <use> without a (local) href has nothing to show.
    return local != "use" or bool(el.get("href") or el.get(f"{{{XLINK_NS}}}href"))


def _clean_style_element(el):
    text = el.text or ""
    return not (_BAD_CSS.search(text) or "url" in text.lower() or len(el))


def sanitize_svg(svg: str, *, id_prefix: str = "peta-") -> str:
    """Return a safe copy of the SVG text, or raise BpmnError when it is not an SVG at all."""
    if isinstance(svg, bytes):
        svg = svg.decode("utf-8", errors="replace")
    if not isinstance(svg, str):
        raise BpmnError(f"{WHAT} tidak dapat dibaca.")
    svg = _PUBLIC_DOCTYPE.sub("", svg, count=1)
    root = parse_untrusted(svg, limit=MAX_SVG_BYTES, what=WHAT)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise BpmnError(f"{WHAT} bukan gambar SVG (elemen akarnya harus svg).")
    for el in list(root.iter()):
        if el is root:
            _clean_attributes(el, id_prefix)
            continue
        if el.getparent() is None:
            continue  # already removed with an ancestor
        tag = el.tag
        if not isinstance(tag, str):  # comment or processing instruction
            _drop(el)
            continue
        if not tag.startswith(f"{{{SVG_NS}}}") or _local(tag) not in ELEMENTS:
            _drop(el)
            continue
        if _local(tag) == "style" and not _clean_style_element(el):
            _drop(el)
            continue
        if not _clean_attributes(el, id_prefix):
            _drop(el)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, encoding="unicode")
