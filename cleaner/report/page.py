"""The report page: one self-contained HTML file. Its style and script are the package's
assets, inlined; its data is JSON in a `<script type="application/json">` block with every
`<` escaped, read by the script and shown through textContent only. A Content-Security-Policy
allows no network at all and only this script (by its hash), so even a bug in the escaping
could not run a corpus's text as code."""

import base64
import hashlib
import html
import json
from importlib import resources
from typing import Any

SECTIONS = (
    ("overview", "Overview"),
    ("rules", "Rules"),
    ("lines", "Removed lines"),
    ("suspicious", "Suspicious documents"),
    ("candidates", "Rule candidates"),
    ("documents", "Documents"),
)
GROUP_HEAD = (
    "<thead><tr><th scope=col>{0}</th><th scope=col>docs</th><th scope=col>lines removed</th>"
    "<th scope=col>% lines</th><th scope=col>tokens removed</th><th scope=col>% tokens</th>"
    "<th scope=col>edits</th></tr></thead><tbody></tbody>"
)
RULE_HEAD = (
    "<thead><tr><th scope=col>rule</th><th scope=col>category</th><th scope=col>lines removed"
    "</th><th scope=col>tokens removed</th><th scope=col>edits</th><th scope=col>documents</th>"
    "<th scope=col>% of documents</th></tr></thead><tbody></tbody>"
)


def asset(name: str) -> str:
    return resources.files("cleaner.report").joinpath("assets", name).read_text("utf-8")


def embedded_json(data: Any) -> str:
    """JSON that cannot end its script element: `<` is written as \\u003c (JSON syntax has
    no `<` outside strings), and so are the line separators JavaScript once rejected."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_page(data: dict[str, Any], title: str) -> bytes:
    """The whole page as UTF-8 (a lone surrogate from a JSON escape becomes '?')."""
    css, js = asset("report.css"), asset("report.js")
    policy = (
        f"default-src 'none'; script-src {csp_hash(js)}; style-src {csp_hash(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = "".join(
        [
            "<!doctype html>\n<html lang=en><head><meta charset=utf-8>",
            "<meta name=viewport content='width=device-width, initial-scale=1'>",
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            "<meta name=referrer content=no-referrer>",
            f"<title>{html.escape(title)}</title><style>{css}</style></head>\n<body>\n",
            f"<header class=top><h1>{html.escape(title)}</h1><p id=meta></p>",
            "<div id=notes></div></header>\n",
            navigation(),
            filter_bar(),
            "<main>\n",
            *sections(),
            "</main>\n",
            document_panel(),
            f"<script type=application/json id=report-data>{embedded_json(data)}</script>\n",
            f"<script>{js}</script>\n</body></html>\n",
        ]
    )
    return page.encode("utf-8", "replace")


def navigation() -> str:
    links = " ".join(f"<a href='#{key}'>{name}</a>" for key, name in SECTIONS)
    return f"<nav class=sections aria-label=Sections>{links}</nav>\n"


def filter_bar() -> str:
    selects = "".join(
        f"<label>{label} <select id=f-{key}><option value=''>all</option></select></label>"
        for key, label in (
            ("outlet", "Outlet"),
            ("lang", "Language"),
            ("rule", "Rule"),
            ("category", "Category"),
        )
    )
    return (
        "<form id=filters role=search>"
        f"{selects}<label>Text <input id=f-q type=search placeholder='search (press /)'></label>"
        "<button type=button id=f-reset>Reset</button><span id=filter-count class=count></span>"
        "</form>\n"
    )


def sections() -> list[str]:
    charts = "".join(
        f"<figure><figcaption>{caption}</figcaption><div id=chart-{key}></div></figure>"
        for key, caption in (
            ("category", "Lines removed, by category"),
            ("rule", "Lines removed, by rule (top 15)"),
            ("outlet", "Lines removed, by outlet or domain (top 15)"),
            ("lang", "Lines removed, by language (top 15)"),
            ("edit", "Edits, by rule (top 10)"),
        )
    )
    return [
        "<section id=overview><h2>Overview</h2><div id=stats class=stats></div>",
        f"<div class=charts>{charts}</div>",
        "<h3>By outlet or domain</h3><div class=scroll><table id=table-outlet>",
        GROUP_HEAD.format("outlet"),
        "</table></div><h3>By language</h3><div class=scroll><table id=table-lang>",
        GROUP_HEAD.format("language"),
        "</table></div></section>\n",
        "<section id=rules><h2>Rules</h2><p class=note>Click a rule to see the lines it removed.",
        f"</p><div class=scroll><table id=table-rule>{RULE_HEAD}</table></div></section>\n",
        "<section id=lines><h2>Removed lines</h2><p id=lines-count class=count></p>",
        "<ul id=list-lines class=items></ul></section>\n",
        "<section id=suspicious><h2>Suspicious documents</h2><p id=flag-help class=note></p>",
        "<p id=list-suspicious-count class=count></p><ul id=list-suspicious class=items></ul>",
        "</section>\n",
        "<section id=candidates><h2>Rule candidates</h2><p class=note>Lines kept in many ",
        "documents of one outlet (or domain): likely boilerplate no rule removes yet.</p>",
        "<p id=candidates-count class=count></p><div id=list-candidates></div></section>\n",
        "<section id=documents><h2>Documents</h2><p id=list-documents-count class=count></p>",
        "<ul id=list-documents class=items></ul></section>\n",
    ]


def document_panel() -> str:
    return (
        "<div id=docview role=dialog aria-modal=true aria-labelledby=doc-title hidden>"
        "<div class=panel><header><div><h2 id=doc-title></h2><p id=doc-meta></p></div>"
        "<button type=button id=doc-close>Close (Esc)</button></header>"
        "<p id=doc-notes class=note></p><ol id=doc-lines></ol></div></div>\n"
    )
