"""Hostile texts, and the checks that what a page, feed, sitemap or JSON answer made of them
is inert: text shown as text, never a live element, attribute or address.

``PAYLOADS`` is the corpus (name -> text). Each check returns a list of problems, empty when
all is well, so that a test can gather them across surfaces and report them together:

- ``html_problems``: live parts of an HTML page, and whatever the text changed in the page's
  structure compared with the same page rendered from harmless text (the baseline).
- ``fragment_problems``: live parts of rich HTML that may only hold an article body's tags.
- ``as_html_problems``: text that a reader would render as HTML must produce no element.
- ``xml_problems``: a feed or sitemap must stay well-formed XML with the baseline's structure,
  and its texts read as HTML (where the format says or leaves open that they are) inert.
- ``json_problems``: a JSON answer must parse, keep the baseline's shape and hold rich HTML
  only where it belongs.

``shown_in_html``, ``shown_in_xml`` and ``shown_in_json`` count how often a text is shown as
written (read the way a browser, feed reader or JSON client reads it). A text that comes out
as often as harmless text does in the baseline was kept as data: not evaluated as a template,
not decoded twice, not cut or swallowed by markup.
"""

import copy
import json
import re
import unicodedata
from collections import Counter

import lxml.html
from lxml import etree

# Every payload fits the shortest text field it goes into (kicker, section name, role: 80)
# and is cut by nothing: an image's name in the admin is cut after 70 characters.
MAX_PAYLOAD_LENGTH = 69

PAYLOADS = {
    # --- script and event handlers
    "script": "<script>alert(1)</script>",
    "script-src-upper": "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "script-nested": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "script-unbalanced": "<<script>alert(1);//<</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "body-onload": "<body onload=alert(1)>",
    "details-ontoggle": "<details open ontoggle=alert(1)>",
    "input-autofocus": "<input autofocus onfocus=alert(1)>",
    "p-onclick-upper": '<p ONCLICK="alert(1)">Absatz</p>',
    "a-onmouseover": '<a href="https://example.org/" onmouseover="alert(1)">Link</a>',
    "custom-element": "<x-tag onclick=alert(1)>klick</x-tag>",
    # --- javascript:, vbscript: and data: addresses, with entity and case tricks
    "href-javascript": '<a href="javascript:alert(1)">Link</a>',
    "href-mixed-case": '<a href="JaVaScRiPt:alert(1)">Link</a>',
    "href-unquoted": "<a href=javascript:alert(1)>Link</a>",
    "href-leading-space": '<a href="  javascript:alert(1)">Link</a>',
    "href-tab-entity": '<a href="java&#x09;script:alert(1)">Link</a>',
    "href-literal-tab": '<a href="java\tscript:alert(1)">Link</a>',
    "href-decimal-entities": "<a href=&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116:alert(1)>x",
    "href-colon-entity": '<a href="javascript&colon;alert(1)">Link</a>',
    "href-zero-width": '<a href="java\u200bscript:alert(1)">Link</a>',
    "href-vbscript": '<a href="VBScript:MsgBox(1)">Link</a>',
    "href-data-base64": "<a href=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>x",
    "href-data-upper": '<a href="DATA:text/html,<script>alert(1)</script>">Link</a>',
    "img-src-javascript": '<img src="javascript:alert(1)">',
    "img-srcset": '<img srcset="javascript:alert(1) 1x">',
    "iframe-src": '<iframe src="javascript:alert(1)"></iframe>',
    "form-action": '<form action="javascript:alert(1)"><button>Senden</button></form>',
    "button-formaction": '<button formaction="javascript:alert(1)">Senden</button>',
    "embed-data": '<embed src="data:text/html,<script>alert(1)</script>">',
    "base-href": '<base href="javascript:alert(1)//">',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "bare-javascript": "javascript:alert(document.cookie)",
    # --- SVG and MathML
    "svg-onload": "<svg onload=alert(1)>",
    "svg-slash-onload": "<svg/onload=alert(1)//",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg-animate": "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "svg-foreign-iframe": '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>">',
    "math-href": '<math href="javascript:alert(1)">Formel</math>',
    "math-mglyph-style": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # --- breaking out of attribute values
    "attr-double-quote": '" onmouseover="alert(1)',
    "attr-single-quote": "' onmouseover='alert(1)",
    "attr-backtick": "` onmouseover=alert(1) `",
    "attr-close-script": '"><script>alert(1)</script>',
    "attr-autofocus": '" autofocus onfocus=alert(1) x="',
    "attr-style-url": 'x" style="background:url(javascript:alert(1))',
    "attr-self-closing": '"/><svg onload=alert(1)>',
    # --- broken markup
    "unclosed-tag": "<img src=x onerror=alert(1)",
    "comment-trick": '<!--<img src="--><img src=x onerror=alert(1)//">',
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "xml-cdata-end": "]]><script>alert(1)</script>",
    "noscript-breakout": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "textarea-breakout": "</textarea><script>alert(1)</script>",
    "title-breakout": "</title><script>alert(1)</script>",
    "style-breakout": "</style><img src=x onerror=alert(1)>",
    "closing-tags": "</p></div></main><script>alert(1)</script>",
    "template-element": "<template><script>alert(1)</script></template>",
    "processing-instruction": '<?xml-stylesheet href="javascript:alert(1)"?>',
    "pre-escaped": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "numeric-escaped": "&#60;img src=x onerror=alert(1)&#62; &amp;",
    # --- </script> in JSON-LD strings
    "jsonld-close": "</script><script>alert(1)</script>",
    "jsonld-close-mixed-case": "</ScRiPt ><script>alert(1)</script>",
    "jsonld-quote-brace": '"}</script><script>alert(1)</script>',
    "jsonld-comment-open": "<!--<script>alert(1)//",
    "jsonld-backslash": '\\"};alert(1);//\\u003c/script\\u003e',
    "jsonld-line-separators": "Zeile\u2028eins\u2029zwei</script>",
    # --- CSS expressions
    "css-expression": '<div style="width:expression(alert(1))">Kasten</div>',
    "css-url-javascript": '<p style="background:url(javascript:alert(1))">x</p>',
    "css-style-element": "<style>*{x:expression(alert(1))}</style>",
    "css-escaped-expression": '<p style="width:exp\\72 ession(alert(1))">x</p>',
    "css-link-stylesheet": '<link rel=stylesheet href="javascript:alert(1)">',
    "css-text": 'x{}*{background:url("javascript:alert(1)")}',
    # --- unicode and right-to-left tricks
    "rtl-override": "\u202e>tpircs/<)1(trela>tpircs<",
    "fullwidth-brackets": "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "dotless-i": "<scr\u0131pt>alert(1)</scr\u0131pt>",
    "zero-width-prefix": "\u200b<script>alert(1)</script>",
    "byte-order-mark": "\ufeff<img src=x onerror=alert(1)>",
    "emoji-and-combining": "😀 e\u0301 <svg onload=alert(1)>",
    "umlauts": "Straßenbahn „Linie 16“ – <b>fett</b> & <i>kursiv</i>",
    # --- strings that look like templates
    "django-variable": "{{ 7|add:7 }} {{ request.META }}",
    "django-tag": "{% debug %}{% now 'Y' %}",
    "django-autoescape-off": "{% autoescape off %}<script>alert(1)</script>{% endautoescape %}",
    "django-safe-filter": "{{ site_name|safe }}{{ '<b>'|safe }}",
    "angular-constructor": "{{constructor.constructor('alert(1)')()}}",
    "other-templates": "${7*7} #{7*7} <%= 7*7 %> [[7*7]]",
}

# The reader's kinds of input come with characters an editor's form would not let through.
READER_PAYLOADS = {
    **PAYLOADS,
    "nul-byte": "<script>\x00alert(1)</script>",
    "percent-encoded": "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "crlf": "x\r\n<script>alert(1)</script>",
}

# Characters that XML 1.0 forbids, as text pasted from a word processor brings them (Word's
# line break is a vertical tab). Pages, feeds and sitemaps must stay readable with them.
CONTROL_CHARACTER_PAYLOADS = {
    "vertical-tab": "Zeile eins\x0bZeile zwei <b>fett</b>",
    "control-in-href": '<a href="\x01javascript:alert(1)">Link</a>',
    "backspace": "Rück\x08schritt <img src=x onerror=alert(1)>",
}

# --- addresses and styles ----------------------------------------------------------------------

# Attributes whose value the browser loads or navigates to.
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
        "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "ping", "manifest", "icon",
        "profile", "archive", "classid", "usemap", "itemtype",
    }
)  # fmt: skip
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
# ASCII whitespace and control characters: browsers drop them at either end of an address
# and tabs and newlines inside it; removing them all also catches "java\x01script:".
_INVISIBLE_IN_ADDRESSES = dict.fromkeys([*range(0x21), 0x7F])


def address_scheme_problem(value, *, image=False):
    """Why ``value`` (an attribute's value, entities already decoded) is a live address, or
    None. ``data:image/`` is allowed where ``image`` says the address is an <img>'s src."""
    address = value.translate(_INVISIBLE_IN_ADDRESSES).lower()
    if image and address.startswith("data:image/"):
        return None
    for scheme in SCRIPT_SCHEMES:
        if address.startswith(scheme):
            return f"a {scheme} address"
    return None


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
LIVE_CSS = ("expression(", "url(javascript", "url('javascript", 'url("javascript', "-moz-binding")


def css_problem(css):
    """Why the CSS ``css`` can run script (old IE expressions, script addresses), or None."""

    def unescape(match):
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else ""
        return match.group(2)

    plain = _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(unescape, css))
    plain = "".join(plain.split()).lower()
    for live in LIVE_CSS:
        if live in plain:
            return f"CSS with {live}"
    if "behavior:" in plain:
        return "CSS with behavior:"
    return None


# --- HTML ---------------------------------------------------------------------------------------

# Elements that no text of ours may bring into a page at all.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
        "portal", "isindex", "template", "xml", "import", "param",
    }
)  # fmt: skip
# Elements allowed only where the baseline page has the very same one (scripts, styles and
# icons the page itself brings) or, for forms, one with the same action.
BASELINE_ONLY_ELEMENTS = frozenset({"script", "style", "form"})
OWNED_ELEMENTS = FORBIDDEN_ELEMENTS | {"script", "style"}
# What an article body may hold after sanitizing (articles.sanitizer, docs/ANATOMY.md).
RICH_ELEMENTS = frozenset(
    {"p", "br", "h2", "h3", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i"}
)
RICH_ATTRIBUTES = {"a": frozenset({"href", "title", "rel"})}
# Elements that text formatting adds or leaves out by design (line breaks of the lead and
# correction note, search hits): their number is not compared with the baseline.
FORMATTING_ELEMENTS = frozenset({"br", "mark"})
# Opening and closing tags looked for in the raw markup, independently of any parser: an
# HTML5 browser and libxml2 disagree on some markup (<noscript>, foreign content).
RAW_WATCHED_TAGS = frozenset(
    FORBIDDEN_ELEMENTS
    | BASELINE_ONLY_ELEMENTS
    | {
        "html", "head", "body", "title", "meta", "link", "img", "image", "input", "button",
        "textarea", "select", "video", "audio", "source", "details", "marquee", "noscript",
        "xmp", "plaintext", "noembed", "noframes", "x-tag", "listing",
    }
)  # fmt: skip
# Watched tags a page has once per item of a list (a topic's meta tag, a row's checkbox):
# where the number of items depends on the text ("kinds"), their number is not compared.
RAW_VARYING_TAGS = frozenset({"meta", "link", "input", "button", "select"})
_RAW_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
JSON_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json"})


def _elements(root):
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _describe(el):
    attrs = " ".join(f"{name}={value!r}" for name, value in el.attrib.items())
    text = (el.text or "").strip()[:60]
    return f"<{el.tag}{' ' + attrs if attrs else ''}>{text!r}" if text else f"<{el.tag} {attrs}>"


def _serialized(el):
    # A CSP nonce is new in every response by design (the article form's body editor):
    # the same script with another nonce is the same script.
    if "nonce" in el.attrib:
        el = copy.deepcopy(el)
        del el.attrib["nonce"]
    return etree.tostring(el, with_tail=False)


def json_script_problem(el):
    """Why the <script> ``el`` is not an inert JSON data block, or None if it is one."""
    kind = (el.get("type") or "").strip().lower()
    if kind not in JSON_SCRIPT_TYPES or el.get("src") is not None:
        return "a script"
    text = el.text or ""
    for sequence in ("</", "<!--"):
        if sequence in text:
            return f"a JSON block holding the raw sequence {sequence!r}"
    try:
        json.loads(text)
    except ValueError as error:
        return f"a JSON block that is not JSON ({error})"
    return None


def _attribute_problems(el):
    problems = []
    for name, value in el.attrib.items():
        name = name.lower()
        if name.startswith("on"):
            problems.append(f"event handler {name}")
        elif name == "srcdoc":
            problems.append("an srcdoc document")
        elif name in URL_ATTRIBUTES:
            image = el.tag == "img" and name == "src"
            if problem := address_scheme_problem(value, image=image):
                problems.append(f"{name}: {problem}")
        elif name in SRCSET_ATTRIBUTES:
            for candidate in value.split(","):
                if problem := address_scheme_problem(candidate):
                    problems.append(f"{name}: {problem}")
        elif name == "style" and (problem := css_problem(value)):
            problems.append(f"style: {problem}")
        elif name == "http-equiv" and value.strip().lower() in ("refresh", "set-cookie"):
            problems.append(f"http-equiv {value}")
    return problems


def _element_problems(el, baseline=None):
    """What is live about one element (its attributes, and the element itself)."""
    problems = _attribute_problems(el)
    owned = baseline is not None and el.tag in OWNED_ELEMENTS and _serialized(el) in baseline.owned
    if el.tag in FORBIDDEN_ELEMENTS and not owned:
        problems.append("a forbidden element")
    elif el.tag == "script" and not owned and (problem := json_script_problem(el)):
        problems.append(problem)
    elif el.tag == "style" and not owned:
        problems.append("a style element")
    elif el.tag == "form" and (baseline is None or _form_action(el) not in baseline.form_actions):
        problems.append("a form")
    return [f"{_describe(el)}: {problem}" for problem in problems]


def _signature(el):
    return (el.tag, tuple(sorted(name.lower() for name in el.attrib)))


def _raw_tags(markup):
    return Counter(
        f"<{slash}{name.lower()}"
        for slash, name in _RAW_TAG.findall(markup)
        if name.lower() in RAW_WATCHED_TAGS
    )


class HtmlPage:
    """An HTML page parsed once: its elements, the structure compared between renderings,
    and the scripts, styles, icons and forms the page itself brings."""

    def __init__(self, markup, *, rich=()):
        if isinstance(markup, bytes):
            markup = markup.decode()
        self.markup = markup
        # libxml2 stops at a NUL character; browsers drop it from text.
        self.root = lxml.html.document_fromstring(markup.replace("\x00", ""))
        self.rich = {
            inner
            for xpath in rich
            for region in self.root.xpath(xpath)
            for inner in region.iterdescendants()
            if isinstance(inner.tag, str)
        }
        self.elements = _elements(self.root)
        self.structure = Counter(
            _signature(el)
            for el in self.elements
            if el not in self.rich and el.tag not in FORMATTING_ELEMENTS
        )
        self.raw_tags = _raw_tags(markup)
        self.owned = {_serialized(el) for el in self.elements if el.tag in OWNED_ELEMENTS}
        self.form_actions = {_form_action(el) for el in self.elements if el.tag == "form"}


def _form_action(form):
    """A form's action with object ids as "N": the baseline's objects have other ids (ids
    are not reused after its rollback on PostgreSQL, nor always on SQLite)."""
    return re.sub(r"\d+", "N", form.get("action") or "")


def merged(pages):
    """One baseline standing for several renderings of a page that may each occur (a search
    with and without results): every element as often as the most any of them has it."""
    first, *others = pages
    base = HtmlPage.__new__(HtmlPage)
    base.structure, base.raw_tags = Counter(first.structure), Counter(first.raw_tags)
    base.owned, base.form_actions = set(first.owned), set(first.form_actions)
    for page in others:
        base.structure |= page.structure
        base.raw_tags |= page.raw_tags
        base.owned |= page.owned
        base.form_actions |= page.form_actions
    return base


def _compare(label, found, expected, mode):
    """Differences between two Counters: ``exact`` (same), ``at_most`` (nothing more often
    than expected) or ``kinds`` (nothing of a kind the expected lacks)."""
    problems = []
    for key in sorted(set(found) | set(expected), key=str):
        have, want = found.get(key, 0), expected.get(key, 0)
        if mode == "kinds":
            wrong = have and not want
        elif mode == "at_most":
            wrong = have > want
        else:
            wrong = have != want
        if wrong:
            problems.append(f"{label} {key}: {have} instead of {want}")
    return problems


def html_problems(page, baseline=None, *, mode="exact"):
    """Everything live in ``page`` (an ``HtmlPage``), and with a ``baseline`` (the same page
    from harmless text, an ``HtmlPage`` or ``merged`` ones) every change of its structure:
    elements by tag and attribute names, and watched tags in the raw markup. Whatever the
    ``mode``, scripts, styles, forms, the elements no text may bring and most watched raw
    tags are never more than in the baseline."""
    problems = []
    for el in page.elements:
        if el in page.rich:
            problems += _rich_element_problems(el)
        else:
            problems += _element_problems(el, baseline)
    if baseline is not None:
        problems += _compare("element", page.structure, baseline.structure, mode)
        if mode == "kinds":
            guarded = OWNED_ELEMENTS | BASELINE_ONLY_ELEMENTS
            problems += _compare(
                "element",
                Counter({key: n for key, n in page.structure.items() if key[0] in guarded}),
                baseline.structure,
                "at_most",
            )
            varying = {tag for tag in page.raw_tags if tag.lstrip("</") in RAW_VARYING_TAGS}
            problems += _compare(
                "raw tag",
                Counter({tag: n for tag, n in page.raw_tags.items() if tag not in varying}),
                baseline.raw_tags,
                "at_most",
            )
        problems += _compare("raw tag", page.raw_tags, baseline.raw_tags, mode)
    else:
        accepted_scripts = sum(
            1 for el in page.elements if el.tag == "script" and not json_script_problem(el)
        )
        for tag, count in page.raw_tags.items():
            if tag == "<script" and count > accepted_scripts:
                problems.append(f"raw tag {tag}: {count}, of which {accepted_scripts} JSON")
            elif tag.lstrip("</") in FORBIDDEN_ELEMENTS | {"style", "form"}:
                problems.append(f"raw tag {tag}: {count}")
    return problems


def _rich_element_problems(el):
    problems = _attribute_problems(el)
    if el.tag not in RICH_ELEMENTS:
        problems.append("an element an article body may not hold")
    allowed = RICH_ATTRIBUTES.get(el.tag, frozenset())
    problems += [f"attribute {name}" for name in el.attrib if name.lower() not in allowed]
    return [f"{_describe(el)} in rich text: {problem}" for problem in problems]


def _parse_fragment(text):
    """``text`` parsed as the content of an HTML <body>: the document."""
    return lxml.html.document_fromstring(f"<html><body>{text or ''}</body></html>")


def _produced(document):
    """The elements of a parsed fragment, but for the html, head and body elements the parser
    adds (unless the text gave them attributes)."""
    added = {document, document.find("head"), document.find("body")}
    return [el for el in _elements(document) if el not in added or el.attrib]


def fragment_problems(text):
    """What is live in rich HTML (an article body as stored, shown or served), or what it
    holds beyond the tags and attributes an article body may have."""
    problems = []
    for el in _produced(_parse_fragment(text)):
        problems += _rich_element_problems(el)
    for tag, count in _raw_tags(text or "").items():
        problems.append(f"raw tag {tag}: {count}")
    return problems


def as_html_problems(text):
    """Text that readers may render as HTML must, rendered, show text only: every element it
    would produce, live or not, is a problem."""
    return [f"{_describe(el)} when read as HTML" for el in _produced(_parse_fragment(text))]


def as_html_text(text):
    """What a reader that renders ``text`` as HTML shows."""
    return _parse_fragment(text).text_content()


# --- text shown as written ------------------------------------------------------------------------


_CONTROL_CHARACTERS = dict.fromkeys(range(0x20))


def normalized(text):
    """Text as compared: whitespace made single spaces (as a page shows it), composed (NFC,
    as Django's truncating filters leave it) and without control characters (which lxml
    drops)."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_CONTROL_CHARACTERS).split())


def _times_in(texts, text):
    needle = normalized(text)
    return sum(normalized(value).count(needle) for value in texts) if needle else 0


def shown_in_html(page, text, *, skip=()):
    """How often ``text`` is shown in ``page`` (an ``HtmlPage``): {"text": in the page's text,
    "attributes": in attribute values, "json": in the strings of its JSON blocks}. Regions
    matching ``skip`` (XPath) are left out, as are scripts and styles but for their JSON."""
    root = page.root
    json_strings = []
    for el in root.iter("script"):
        if not json_script_problem(el):
            json_strings += list(json_strings_of(json.loads(el.text)))
    left_out = {*root.xpath("//script|//style"), *(r for xpath in skip for r in root.xpath(xpath))}
    texts, values = [], []

    def walk(el):
        if el in left_out or not isinstance(el.tag, str):
            return
        values.extend(el.attrib.values())
        texts.append(" " if el.tag == "br" else el.text or "")
        for child in el:
            walk(child)
            texts.append(child.tail or "")

    walk(root)
    return {
        "text": _times_in(["".join(texts)], text),
        "attributes": _times_in(values, text),
        "json": _times_in(json_strings, text),
    }


def json_strings_of(data, *, skip=()):
    """Every string in decoded JSON, keys of ``skip`` left out."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from json_strings_of(value, skip=skip)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings_of(value, skip=skip)


def shown_in_json(data, text, *, skip=()):
    return _times_in(list(json_strings_of(data, skip=skip)), text)


# --- XML: feeds and sitemaps ---------------------------------------------------------------------

XHTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
XSLT_NS = "http://www.w3.org/1999/XSL/Transform"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
XLINK_NS = "http://www.w3.org/1999/xlink"
LIVE_NAMESPACES = {XHTML_NS, SVG_NS, MATHML_NS, XSLT_NS, XINCLUDE_NS}
MEDIA_NS = "http://search.yahoo.com/mrss/"
# Elements whose text is an address a reader or crawler follows.
ADDRESS_ELEMENTS = frozenset({"loc", "link", "uri", "guid", "id", "docs", "url"})
MEDIA_CREDIT = f"{{{MEDIA_NS}}}credit"
# The article's text in feeds (RSS content:encoded, Atom content type="html"): rich HTML as
# the page's body is, so checked as an article body may be, not counted where the text is
# shown, and, like an empty body, absent when sanitizing left nothing.
RICH_XML_ELEMENTS = frozenset(
    {"{http://purl.org/rss/1.0/modules/content/}encoded", "{http://www.w3.org/2005/Atom}content"}
)
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse_xml(content):
    """(root element, None), or (None, why it is not well-formed XML)."""
    try:
        return etree.fromstring(content, _XML_PARSER), None
    except etree.XMLSyntaxError as error:
        return None, f"not well-formed XML: {error}"


def rss_reads_as_html(element, *, plain=()):
    """RSS leaves open whether a text is HTML, and many readers render it so: every text is
    read as HTML, except where its element says it is plain (Media RSS's type="plain") or
    where ``plain`` (tags) says so."""
    return element.tag not in plain and element.get("type") != "plain"


def atom_reads_as_html(element, *, plain=()):
    """Atom says which texts are HTML (type="html"); Media RSS's credit, which says nothing,
    is read as in RSS."""
    if element.tag in plain:
        return False
    return element.get("type") == "html" or element.tag == MEDIA_CREDIT


def never_html(element):
    """Sitemaps: texts (addresses, names, titles) are data for crawlers, never rendered."""
    return False


def _xml_nodes(root):
    """Every node of the document: before the root element, the tree, after it."""
    yield from reversed(list(root.itersiblings(preceding=True)))
    yield from root.iter()
    yield from root.itersiblings()


def _qualified(name):
    return name.split("}", 1)[-1].lower()


def xml_problems(content, baseline=None, *, reads_as_html=never_html):
    """What is live or broken in a feed or sitemap: ill-formed XML, a DOCTYPE (entities),
    processing instructions (style sheets), elements of HTML, SVG, MathML, XSLT or XInclude,
    script attributes, texts that produce elements when read as HTML (as ``reads_as_html``
    says a reader would), and any change of structure from the ``baseline`` document."""
    root, problem = parse_xml(content)
    if problem:
        return [problem]
    problems = []
    if root.getroottree().docinfo.doctype:
        problems.append(f"a DOCTYPE: {root.getroottree().docinfo.doctype}")
    structure = Counter()
    for node in _xml_nodes(root):
        if isinstance(node, etree._ProcessingInstruction):
            problems.append(f"a processing instruction: {node}")
            continue
        if not isinstance(node.tag, str):
            continue
        if node.tag in RICH_XML_ELEMENTS:
            problems += [f"{node.tag}: {found}" for found in fragment_problems(node.text)]
            continue
        structure[(node.tag, tuple(sorted(node.attrib)))] += 1
        if node.tag.startswith("{") and node.tag[1:].split("}")[0] in LIVE_NAMESPACES:
            problems.append(f"an element {node.tag}")
        for name, value in node.attrib.items():
            if name.startswith(f"{{{XLINK_NS}}}") or _qualified(name).startswith("on"):
                problems.append(f"{node.tag}: attribute {name}={value!r}")
            elif _qualified(name) in ("href", "url", "src") and (
                problem := address_scheme_problem(value)
            ):
                problems.append(f"{node.tag} {name}: {problem}")
        if _qualified(node.tag) in ADDRESS_ELEMENTS and (
            problem := address_scheme_problem(node.text or "")
        ):
            problems.append(f"{node.tag}: {problem}")
        if reads_as_html(node) and node.text and node.text.strip():
            problems += [f"{node.tag}: {found}" for found in as_html_problems(node.text)]
    if baseline is not None:
        expected = Counter()
        base_root, _problem = parse_xml(baseline)
        for node in base_root.iter():
            if isinstance(node.tag, str) and node.tag not in RICH_XML_ELEMENTS:
                expected[(node.tag, tuple(sorted(node.attrib)))] += 1
        problems += _compare("element", structure, expected, "exact")
    return problems


def shown_in_xml(content, text, *, reads_as_html=never_html):
    """How often ``text`` is shown in a feed or sitemap, each text read as a reader reads it
    (as HTML where ``reads_as_html`` says so); attribute values (Atom's category terms)
    count too."""
    root, _problem = parse_xml(content)
    texts = []
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in RICH_XML_ELEMENTS:
            continue
        if node.text:
            texts.append(as_html_text(node.text) if reads_as_html(node) else node.text)
        texts += node.attrib.values()
    return _times_in(texts, text)


# --- JSON ---------------------------------------------------------------------------------------


def _shape(data, path="$"):
    if isinstance(data, dict):
        shape = {(path, "object")}
        for key, value in data.items():
            shape |= _shape(value, f"{path}.{key}")
        return shape
    if isinstance(data, list):
        shape = {(path, "array")}
        for value in data:
            shape |= _shape(value, f"{path}[]")
        return shape
    return {(path, type(data).__name__)}


def json_problems(content, baseline=None, *, rich=("body",), origin="http://testserver/"):
    """What is wrong with a JSON answer: not JSON, a shape other than the baseline's, rich
    HTML (``rich`` keys) holding more than an article body may, or an address (a key ending
    in "url") that is not one of ``origin``."""
    try:
        data = json.loads(content)
    except ValueError as error:
        return [f"not JSON: {error}"]
    problems = []
    if baseline is not None:
        shape, expected = _shape(data), _shape(json.loads(baseline))
        problems += [f"new in the answer: {path} ({kind})" for path, kind in shape - expected]
        problems += [f"gone from the answer: {path} ({kind})" for path, kind in expected - shape]

    def walk(value, key=""):
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                walk(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str):
            if key in rich:
                problems.extend(f"{key}: {found}" for found in fragment_problems(value))
            elif key.endswith("url") and not value.startswith(origin):
                problems.append(f"{key}: an address outside {origin}: {value!r}")

    walk(data)
    return problems
