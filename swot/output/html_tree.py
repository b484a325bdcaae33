"""An HTML page swot rendered, read back into a small tree (stdlib ``html.parser``), for the
writers that turn the same page into other formats (``docx_writer``, ``svg_picture``).

Only swot's own templates are read here, so the tree is simple: elements with attributes and
children, texts as strings. Void elements (``<meta>``, ``<br>``) and self-closed SVG elements
(``<rect/>``) have no children."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# The block elements the writers (Word, PDF) know, and the name of the writer's method for each.
BLOCK_METHODS = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "p": "text_block",
    "caption": "text_block",
    "ul": "list_block",
    "ol": "list_block",
    "dl": "definitions",
    "figure": "figure",
    "svg": "picture",
    "table": "table",
    "section": "section",
    **{
        tag: "container_block"
        for tag in ("div", "header", "main", "footer", "nav", "article", "aside", "body")
    },
}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
_SPACES = re.compile(r"\s+")


@dataclass
class Node:
    """One element: its tag (lower case), attributes and children (nodes and texts)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def find(self, tag: str) -> Node | None:
        """The first element ``tag`` at any depth (depth first), or None."""
        for child in self.elements():
            if child.tag == tag:
                return child
            found = child.find(tag)
            if found is not None:
                return found
        return None

    def text(self) -> str:
        """All text inside, whitespace collapsed as a browser shows it."""
        return _SPACES.sub(" ", "".join(_texts(self))).strip()


def _texts(node: Node) -> list[str]:
    parts: list[str] = []
    for child in node.children:
        parts.extend([child] if isinstance(child, str) else _texts(child))
    return parts


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.open: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):  # close up to the matching element
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse_html(html: str) -> Node:
    """The page as a tree; its root's children are the doctype-less top elements."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
