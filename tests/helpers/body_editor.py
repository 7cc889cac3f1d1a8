"""The article body's editor in a real browser: waiting for it, pasting into it (real paste
events carrying text/html or text/plain), and bodies that use every allowed element."""

# A body with each element the sanitizer keeps, as the sanitizer stores it, with a picture
# and an embed block between paragraphs.
EVERY_ELEMENT_BODY = (
    "<p>Ein Absatz<br>mit Umbruch, <strong>fett</strong>, <b>auch fett</b>, "
    "<em>betont</em> und <i>kursiv</i>, "
    '<a href="https://www.example.org/?a=1&amp;b=2" title="Quelle" rel="noopener noreferrer">'
    "ein Link</a>.</p>"
    "<h2>Zwischentitel</h2>"
    "<h3>Unterzwischentitel</h3>"
    "<ul><li>Punkt</li><li>Noch ein Punkt</li></ul>"
    "<ol><li>Erstens</li><li>Zweitens</li></ol>"
    "<blockquote><p>„Ein Zitat.“</p></blockquote>"
    '<figure data-image="{image}"><figcaption>Die neue Linie im Süden</figcaption></figure>'
    "<p>Dazwischen.</p>"
    '<figure data-image="{image}"></figure>'
    '<figure data-embed="https://www.youtube.com/watch?v=abc123DEF45"></figure>'
    "<p>Zum Schluss.</p>"
)

EDITOR = ".prose-editor .ProseMirror"


def wait_for_body_editor(page):
    page.wait_for_selector(f"{EDITOR}[contenteditable=true]")
    return page.locator(EDITOR)


def paste(page, *, html=None, text=None):
    """Dispatch a paste event like a browser does for a real clipboard."""
    page.evaluate(
        """([html, text]) => {
            const target = document.querySelector(".prose-editor .ProseMirror")
            const data = new DataTransfer()
            if (html !== null) data.setData("text/html", html)
            if (text !== null) data.setData("text/plain", text)
            target.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }))
        }""",
        [html, text],
    )


# Whether the cursor is after the editor's last character, in the page (the DOM selection)
# and in the editor's own state (ProseMirror reads the page's selection a moment later; a
# key pressed before then acts where the cursor was: Enter split the text at its start).
CURSOR_AT_END = """(selector) => {
    const element = document.querySelector(selector)
    const selection = window.getSelection()
    if (!selection.rangeCount || !element.contains(selection.focusNode)) return false
    const rest = document.createRange()
    rest.selectNodeContents(element)
    rest.setStart(selection.focusNode, selection.focusOffset)
    if (rest.toString() !== "") return false
    const view = element.editor && element.editor.view  // Tiptap's editor on its element
    if (!view) return true
    const state = view.state
    return state.selection.empty
        && state.doc.textBetween(state.selection.to, state.doc.content.size, "\\n", "\\n") === ""
}"""


def put_cursor_at_end(page):
    """Click into the editor and move to its end, and make sure it got there: on a loaded
    machine the click's focus can arrive after the key, which then goes nowhere."""
    page.locator(EDITOR).click()
    for _attempt in range(20):
        page.keyboard.press("Control+End")
        if page.evaluate(CURSOR_AT_END, EDITOR):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the cursor did not reach the end of the text")


# What Word puts on the clipboard (trimmed): mso styles and classes, spans, <o:p>, an empty
# paragraph, lists as styled paragraphs (one nested), h1 and h4, a newsletter link.
WORD_FRAGMENT = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri";} --></style>
</head><body lang=DE style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span
style='font-family:"Calibri Light";mso-fareast-language:DE'>Stadtrat
beschließt Ausbau<o:p></o:p></span></h1>
<p class=MsoNormal><span style='mso-bidi-font-weight:bold'>Der Stadtrat hat
<b>mit großer Mehrheit</b> und <i style='mso-bidi-font-style:normal'>nach langer
Debatte</i> entschieden.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst
style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span
><![endif]>Baubeginn im Frühjahr 2027<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle
style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span
><![endif]>zuerst im Süden<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast
style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span
><![endif]>Fertig 2028<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst
style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span
><![endif]>Antrag<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast
style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span
><![endif]>Beschluss<o:p></o:p></p>
<h4><span style='mso-fareast-language:DE'>Was Pendler wissen müssen<o:p></o:p></span></h4>
<p class=MsoNormal><span lang=DE>Mehr unter <a
href="https://www.leipzig.de/verkehr?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=ausbau"
><span style='color:#0563C1'>leipzig.de</span></a>.<o:p></o:p></span></p>
<!--EndFragment-->
</body></html>"""

# A fragment of a news site: classes, data attributes, inline styles, a drop-cap span,
# an empty paragraph, an h1 and an h5, tracking parameters (and a fragment that stays).
NEWS_PAGE_FRAGMENT = (
    '<meta charset="utf-8"><div class="article-body" data-component="body">'
    '<h1 class="headline headline--large">Neue Linie für den Süden</h1>'
    '<p class="lead" style="font-size:20px;color:#333"><span class="dropcap">D</span>ie Stadt '
    '<a class="inline-link" data-track="click" target="_blank" '
    'href="https://www.example.org/bericht?id=7&amp;utm_campaign=spring&amp;fbclid=IwAR1x#karte">'
    "baut aus</a>, sagt "
    '<a href="https://www.example.org/leute/?gclid=Cj0KCQ&amp;utm_source=twitter">'
    "die Bürgermeisterin</a>.</p>"
    "<p>&nbsp;</p>"
    '<h5 class="box-title">Hintergrund</h5>'
    '<ul class="facts"><li class="facts__item"><span style="font-weight:bold">Kosten:</span> '
    "120 Millionen Euro</li></ul>"
    '<blockquote class="quote"><p class="quote__text">„Jetzt wird gebaut.“</p></blockquote>'
    "</div>"
)

# What Google Docs puts on the clipboard: everything in a <b style="font-weight:normal">,
# emphasis as styled spans, <br> between paragraphs.
GOOGLE_DOCS_FRAGMENT = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c">'
    '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;">'
    '<span style="font-size:20pt;font-family:Arial;font-weight:400;">Ausbau beschlossen</span></h1>'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial;font-weight:400;">Die Linie kommt </span>'
    '<span style="font-size:11pt;font-family:Arial;font-weight:700;">zwei Jahre</span>'
    '<span style="font-size:11pt;font-family:Arial;font-weight:400;"> früher, </span>'
    '<span style="font-size:11pt;font-family:Arial;font-weight:400;font-style:italic;">sagt</span>'
    '<span style="font-size:11pt;font-family:Arial;font-weight:400;"> die Stadt.</span></p>'
    "<br>"
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial;font-weight:400;">Zweiter Absatz.</span></p>'
    "</b>"
)
