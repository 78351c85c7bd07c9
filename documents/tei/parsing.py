"""TEI XML parsed safely, and its elements named as a reader can find them (line and XPath)."""
from __future__ import annotations

import re

from lxml import etree

from documents.errors import DocumentError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The declaration is dropped before parsing: the text is already decoded (a declared encoding
# would be read again, wrongly); the newline after it is kept, so lines keep their numbers.
_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def parse_tei(text: str, source: str) -> etree._Element:
    """Return the root element of a TEI text; DocumentError naming the line if it is not XML.

    No entity is expanded, no DTD loaded, nothing fetched, and huge trees are refused.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_pis=True)
    try:
        root = etree.fromstring(_DECLARATION.sub("", text, count=1), parser)
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno else None
        message = re.sub(r",? line \d+, column \d+$", "", str(err.msg or err)).strip()
        raise DocumentError(f"not well-formed XML: {message}", source, line) from None
    if root is None:
        raise DocumentError("not well-formed XML: no root element", source, 1)
    if name(root) not in ("TEI", "teiCorpus"):
        raise DocumentError(f"not a TEI document: the root element is <{name(root)}>, not <TEI> or <teiCorpus>",
                            source, root.sourceline)
    return root


def name(element) -> str:
    """The local name of a TEI element ("" for comments and processing instructions)."""
    if not isinstance(element.tag, str):
        return ""
    qname = etree.QName(element)
    return qname.localname if qname.namespace in (None, TEI_NS) else f"{{{qname.namespace}}}{qname.localname}"


def children(element, *names: str) -> list:
    """The child elements of `element` with one of the local `names` (all elements when none given)."""
    return [c for c in element if name(c) and (not names or name(c) in names)]


def first(element, *path: str):
    """The first element down `path` (local names, each step any matching child), or None."""
    found = [element]
    for step in path:
        found = [c for e in found for c in children(e, step)]
        if not found:
            return None
    return found[0]


def descendants(element, *names: str) -> list:
    """Every descendant element with one of the local `names`, in document order."""
    return [e for e in element.iter() if e is not element and name(e) in names]


def words(element) -> str | None:
    """The text of `element` and its descendants, whitespace collapsed; None when empty."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def attribute(element, key: str) -> str | None:
    """An attribute's value, stripped; `xml:` keys (xml:id, xml:lang) in the XML namespace."""
    if element is None:
        return None
    if key.startswith("xml:"):
        key = f"{{{XML_NS}}}{key[4:]}"
    value = element.get(key)
    return value.strip() if value and value.strip() else None


def xpath_of(element) -> str:
    """An XPath naming `element` by local names and positions: /TEI/text/body/div/p[2]/placeName[1]."""
    steps = []
    while element is not None:
        parent = element.getparent()
        local = name(element)
        if parent is None:
            steps.append(f"/{local}")
        else:
            same = children(parent, local)
            steps.append(f"/{local}[{same.index(element) + 1}]" if len(same) > 1 else f"/{local}")
        element = parent
    return "".join(reversed(steps))


def where(source: str, element) -> str:
    """"FILE:LINE: XPATH" for a warning about `element`."""
    return f"{source}:{element.sourceline}: {xpath_of(element)}"
