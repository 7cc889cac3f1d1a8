/*
 * The article body's editor: what django-prose-editor's configurable preset loads on top
 * of its own extensions (see BODY_EDITOR_EXTENSIONS in articles/forms.py).
 *
 * - BodyPaste: pasted web pages, Word and Google Docs keep headings, lists, links and
 *   emphasis; styles, classes, spans, empty paragraphs and tracking parameters go; h1
 *   becomes h2 and h4–h6 become h3. A YouTube, Vimeo, X, Instagram, Bluesky, Mastodon or
 *   Datawrapper address pasted alone on an empty line becomes an embed block.
 * - BodyPicture, BodyEmbed: the body's picture and embed blocks, stored as
 *     <figure data-image="123"><figcaption>Optional caption</figcaption></figure>
 *     <figure data-embed="https://…"></figure>
 *   shown as cards; the picture's caption is edited in place.
 * - OrderedList: the package's, without list types and start numbers (the sanitizer keeps
 *   neither).
 *
 * The server's sanitizer (articles/sanitizer.py) stays the authority over what is stored.
 */
import {
  Document as BaseDocument,
  Extension,
  Link as BaseLink,
  OrderedList as BaseOrderedList,
  Node,
  Plugin,
  pm,
  updateAttrsDialog,
} from "django-prose-editor/editor"

// --- Embeds -------------------------------------------------------------------------------

const EMBED_PROVIDERS = [
  [
    "YouTube",
    /^https?:\/\/(www\.|m\.)?(youtube\.com\/(watch\?\S*v=|shorts\/|live\/|embed\/)|youtu\.be\/)[\w-]+\S*$/i,
  ],
  ["Vimeo", /^https?:\/\/(www\.|player\.)?vimeo\.com\/(video\/)?\d+\S*$/i],
  ["X", /^https?:\/\/(www\.|mobile\.)?(twitter|x)\.com\/\w+\/status\/\d+\S*$/i],
  ["Instagram", /^https?:\/\/(www\.)?instagram\.com\/(p|reel|tv)\/[\w-]+\/?\S*$/i],
  ["Bluesky", /^https?:\/\/bsky\.app\/profile\/[^/\s]+\/post\/\w+\/?$/i],
  [
    "Datawrapper",
    /^https?:\/\/(datawrapper\.dwcdn\.net\/\w+|www\.datawrapper\.de\/_\/\w+)\/?\S*$/i,
  ],
  // Mastodon runs on many servers; its post addresses look alike on all of them.
  ["Mastodon", /^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\/@\w+(@[a-z0-9.-]+)?\/\d+\/?$/i],
]

export function embedProvider(url) {
  const found = EMBED_PROVIDERS.find(([, pattern]) => pattern.test(url))
  return found ? found[0] : null
}

// --- Paste --------------------------------------------------------------------------------

const TRACKING_PARAMETER =
  /^(utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|ttclid|yclid|igshid|igsh|li_fat_id|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|wt_mc|wt_zmc)$/i

// The same rule as strip_tracking() in articles/sanitizer.py.
export function stripTracking(url) {
  const question = url.indexOf("?")
  if (question < 0) return url
  const hash = url.indexOf("#", question)
  const query = url.slice(question + 1, hash < 0 ? undefined : hash)
  const fragment = hash < 0 ? "" : url.slice(hash)
  const parts = query.split("&").filter(Boolean)
  const kept = parts.filter((part) => !TRACKING_PARAMETER.test(part.split("=")[0]))
  if (kept.length === parts.length) return url
  return url.slice(0, question) + (kept.length ? `?${kept.join("&")}` : "") + fragment
}

function rename(element, tagName) {
  const replacement = element.ownerDocument.createElement(tagName)
  replacement.append(...element.childNodes)
  element.replaceWith(replacement)
  return replacement
}

function unwrap(element) {
  element.replaceWith(...element.childNodes)
}

// Word sends list items as paragraphs styled "mso-list:l1 level2", with the bullet or number
// as text in a span styled "mso-list:Ignore". Consecutive ones become one list; a deeper
// level is a list inside the item before it.
function convertWordLists(body) {
  const doc = body.ownerDocument
  const items = [...body.querySelectorAll("p")].filter((p) =>
    /mso-list:\s*l\d/i.test(p.getAttribute("style") || ""),
  )
  let lists = [] // the open lists, outermost first
  let previous = null
  for (const p of items) {
    const level = Number(/level(\d+)/i.exec(p.getAttribute("style"))?.[1] || 1)
    const marker = p.querySelector('[style*="mso-list:ignore" i], [style*="mso-list: ignore" i]')
    const label = marker ? marker.textContent.replace(/[\s\u00a0]/g, "") : ""
    marker?.remove()
    if (previous?.nextElementSibling !== p) lists = []
    lists = lists.slice(0, level)
    while (lists.length < level) {
      const list = doc.createElement(/^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(label) ? "ol" : "ul")
      const parent = lists.at(-1)?.lastElementChild
      if (parent) parent.append(list)
      else p.before(list)
      lists.push(list)
    }
    const li = doc.createElement("li")
    li.append(...p.childNodes)
    lists.at(-1).append(li)
    previous = p
  }
  for (const p of items) p.remove()
}

const isBlank = (element) =>
  !element.textContent.replace(/[\s\u00a0\u200b]/g, "") && !element.querySelector("img")

export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  const body = doc.body
  for (const element of body.querySelectorAll(
    "style, script, meta, link, title, noscript, template, iframe, object, embed, svg, img, picture, video, audio, button, input, select, textarea, form",
  )) {
    element.remove()
  }
  convertWordLists(body)
  // Only h2 and h3 exist in a body: a pasted document's title is a subheading.
  for (const heading of body.querySelectorAll("h1")) rename(heading, "h2")
  for (const heading of body.querySelectorAll("h4, h5, h6")) rename(heading, "h3")
  for (const link of body.querySelectorAll("a")) {
    const href = (link.getAttribute("href") || "").trim()
    // Anchors and jump marks (Word's tables of contents) lead nowhere in an article.
    if (!href || href.startsWith("#")) unwrap(link)
    else link.setAttribute("href", stripTracking(href))
  }
  // Line breaks between blocks (Google Docs) and empty paragraphs (Word's <o:p>&nbsp;)
  const isBlock = (node) => node && /^(P|H[1-6]|UL|OL|LI|BLOCKQUOTE|DIV|TABLE)$/.test(node.tagName)
  for (const br of body.querySelectorAll("br")) {
    if (
      br.parentElement === body ||
      isBlock(br.previousElementSibling) ||
      isBlock(br.nextElementSibling)
    ) {
      br.remove()
    }
  }
  for (const block of [...body.querySelectorAll("p, h2, h3, li, blockquote")].reverse()) {
    if (isBlank(block)) block.remove()
  }
  return body.innerHTML
}

// Plain text: a blank line starts a new paragraph, a single line break stays one.
function paragraphsFromText(text, $context, view) {
  // One line is running text; ProseMirror inserts it as it is.
  if (!text.trim().includes("\n")) return null
  const { schema } = view.state
  const marks = $context.marks()
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const content = []
      block.split("\n").forEach((line, index) => {
        if (index) content.push(schema.nodes.hardBreak?.create() || schema.text(" "))
        if (line.trim()) content.push(schema.text(line.trim(), marks))
      })
      return schema.nodes.paragraph.create(null, content)
    })
  return pm.model.Slice.maxOpen(pm.model.Fragment.fromArray(paragraphs))
}

export const BodyPaste = Extension.create({
  name: "bodyPaste",
  // Before the Link extension's own paste handling (1000).
  priority: 1100,

  addProseMirrorPlugins() {
    // The editable area takes the name and help text of the textarea it stands for.
    const textarea = this.editor.options.element?.querySelector?.("textarea")
    const label = textarea && document.querySelector(`label[for="${textarea.id}"]`)
    const help = textarea && document.getElementById(`${textarea.id}_helptext`)
    const attributes = {
      "aria-label": label?.textContent.trim().replace(/:$/, "") || "Text",
      "aria-multiline": "true",
      ...(help ? { "aria-describedby": help.id } : {}),
    }
    return [
      new Plugin({
        props: {
          attributes,
          transformPastedHTML: cleanPastedHTML,
          clipboardTextParser: (text, $context, plain, view) =>
            paragraphsFromText(text, $context, view),
          handlePaste(view, event) {
            const text = (event.clipboardData?.getData("text/plain") || "").trim()
            const embed = view.state.schema.nodes.bodyEmbed
            const { $from, empty } = view.state.selection
            const onEmptyLine =
              empty && $from.depth === 1 && $from.parent.isTextblock && !$from.parent.content.size
            if (embed && onEmptyLine && !/\s/.test(text) && embedProvider(text)) {
              view.dispatch(
                view.state.tr.replaceWith($from.before(), $from.after(), embed.create({ url: text })),
              )
              return true
            }
            return false
          },
        },
      }),
    ]
  },
})

// --- Links and ordered lists -------------------------------------------------------------

// Tiptap links every address-like text in pasted content, with that text as the target: a
// pasted link reading "leipzig.de" would lose its real address. Pasted links keep theirs;
// an address pasted over selected text still becomes a link.
export const Link = BaseLink.extend({
  addPasteRules() {
    return []
  },
})

export const OrderedList = BaseOrderedList.extend({
  addAttributes() {
    return {
      start: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) },
      type: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    }
  },
})

// --- Pictures and embeds ------------------------------------------------------------------

// Pictures and embeds stand between paragraphs, never inside a list or a quote: they are a
// group of their own that only the document itself holds.
export const Document = BaseDocument.extend({
  content: "(block | bodyBlock)+",
})

function element(tagName, attributes = {}, children = []) {
  const dom = document.createElement(tagName)
  for (const [name, value] of Object.entries(attributes)) dom.setAttribute(name, value)
  dom.append(...children)
  return dom
}

function removeButton(editor, getPos, node) {
  const button = element("button", { type: "button", class: "body-block__remove" }, ["Entfernen"])
  button.addEventListener("click", (event) => {
    event.preventDefault()
    const from = getPos()
    editor
      .chain()
      .focus()
      .deleteRange({ from, to: from + node().nodeSize })
      .run()
  })
  return button
}

function choosePicture(editor, lookupUrl) {
  // The admin's own lookup popup for the image library (as for the hero image): it writes
  // the chosen id into the input named like the popup window, and triggers "change".
  const name = "id_body_picture_choice"
  let input = document.getElementById(name)
  if (!input) {
    input = element("input", { type: "hidden", id: name })
    document.body.append(input)
  }
  window.django.jQuery(input).off("change.bodyPicture")
  window.django.jQuery(input).on("change.bodyPicture", () => {
    const id = input.value
    input.value = ""
    if (/^\d+$/.test(id)) {
      editor.chain().focus().insertContent({ type: "bodyPicture", attrs: { image: id } }).run()
    }
  })
  const link = element("a", { id: `lookup_${name}`, href: `${lookupUrl}?_to_field=id` })
  window.showRelatedObjectLookupPopup(link)
}

export const BodyPicture = Node.create({
  name: "bodyPicture",
  group: "bodyBlock",
  content: "text*",
  marks: "",
  defining: true,
  isolating: true,
  draggable: true,

  addOptions() {
    return { lookupUrl: "", thumbnailUrl: "" }
  },

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (dom) => dom.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-image]",
        contentElement: (dom) => dom.querySelector("figcaption") || document.createElement("div"),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    // The caption is optional: no empty <figcaption> when there is none.
    return node.content.size
      ? ["figure", HTMLAttributes, ["figcaption", 0]]
      : ["figure", HTMLAttributes]
  },

  addNodeView() {
    const { thumbnailUrl } = this.options
    return ({ node: initial, editor, getPos }) => {
      let node = initial
      const thumbnail = element("span", { class: "body-block__thumbnail" })
      const label = element("strong", { class: "body-block__label" })
      const detail = element("span", { class: "body-block__detail" })
      const card = element("div", { class: "body-block__card", contenteditable: "false" }, [
        thumbnail,
        element("span", { class: "body-block__text" }, [label, detail]),
        removeButton(editor, getPos, () => node),
      ])
      const caption = element("div", {
        class: "body-block__caption",
        "data-placeholder": "Bildunterschrift (optional; sonst die aus der Bibliothek)",
      })
      const dom = element("div", { class: "body-block body-block--picture" }, [card, caption])

      const show = () => {
        label.textContent = `Bild #${node.attrs.image}`
        caption.classList.toggle("is-empty", !node.content.size)
      }
      const load = () => {
        if (!thumbnailUrl) return
        fetch(`${thumbnailUrl}?id=${encodeURIComponent(node.attrs.image)}`, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then((response) => (response.ok ? response.json() : null))
          .then((picture) => {
            if (!picture) {
              detail.textContent = "nicht in der Bibliothek gefunden"
              return
            }
            thumbnail.replaceChildren()
            if (picture.thumbnail) {
              thumbnail.append(element("img", { src: picture.thumbnail, alt: picture.alt }))
            }
            // The credit reads "Bild: …" already (Image.credit_label).
            detail.textContent = [picture.alt, picture.credit].filter(Boolean).join(" · ")
            if (!picture.usable) detail.textContent += " · Rechte abgelaufen"
          })
          .catch(() => {})
      }
      show()
      load()
      return {
        dom,
        contentDOM: caption,
        // The card's thumbnail and text are ours, not the document's.
        ignoreMutation: (mutation) =>
          mutation.type !== "selection" && !caption.contains(mutation.target),
        update(updated) {
          if (updated.type !== node.type) return false
          const changed = updated.attrs.image !== node.attrs.image
          node = updated
          show()
          if (changed) load()
          return true
        },
      }
    }
  },

  addMenuItems({ buttons, menu }) {
    const { lookupUrl } = this.options
    menu.defineItem({
      name: "bodyPicture",
      groups: "bodyBlocks",
      command: (editor) => choosePicture(editor, lookupUrl),
      button: buttons.text("Bild einfügen", "Ein Bild aus der Bibliothek in den Text setzen"),
      enabled: (editor) => editor.isEditable,
    })
  },
})

export const BodyEmbed = Node.create({
  name: "bodyEmbed",
  group: "bodyBlock",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      url: {
        default: null,
        parseHTML: (dom) => dom.getAttribute("data-embed"),
        renderHTML: (attributes) => ({ "data-embed": attributes.url }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-embed]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      const url = node.attrs.url || ""
      const dom = element("div", { class: "body-block body-block--embed" }, [
        element("div", { class: "body-block__card", contenteditable: "false" }, [
          element("span", { class: "body-block__thumbnail body-block__thumbnail--embed" }, [
            "▶",
          ]),
          element("span", { class: "body-block__text" }, [
            element("strong", { class: "body-block__label" }, [
              `Einbettung: ${embedProvider(url) || "unbekannter Anbieter"}`,
            ]),
            element("span", { class: "body-block__detail" }, [url]),
          ]),
          removeButton(editor, getPos, () => node),
        ]),
      ])
      return { dom, ignoreMutation: () => true }
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "bodyEmbed",
      groups: "bodyBlocks",
      command: (editor) => {
        updateAttrsDialog(
          {
            url: {
              type: "string",
              title: "Adresse",
              description:
                "eines Beitrags bei YouTube, Vimeo, X, Instagram, Bluesky, Mastodon oder Datawrapper",
              format: "url",
              required: true,
            },
          },
          { title: "Einbetten", submitText: "Einbetten" },
        )(editor, { url: "" }).then((attrs) => {
          const url = attrs?.url?.trim()
          if (!url) return
          if (!embedProvider(url)) {
            window.alert(
              "Diese Adresse kann nicht eingebettet werden. Möglich sind Beiträge bei YouTube, Vimeo, X, Instagram, Bluesky, Mastodon und Datawrapper.",
            )
            return
          }
          editor.chain().focus().insertContent({ type: "bodyEmbed", attrs: { url } }).run()
        })
      },
      button: buttons.text("Einbetten", "Einen Beitrag von YouTube, X, Instagram … einbetten"),
      enabled: (editor) => editor.isEditable,
    })
  },
})

// --- German toolbar -----------------------------------------------------------------------

// django-prose-editor names its buttons in English; the admin's translation catalogue
// does not carry them.
const GERMAN_TITLES = {
  paragraph: "Absatz",
  "heading 2": "Zwischentitel (h2)",
  "heading 3": "Unterzwischentitel (h3)",
  "unordered list": "Aufzählung",
  "ordered list": "Nummerierte Liste",
  blockquote: "Zitat",
  bold: "Fett",
  italic: "Kursiv",
  "insert link": "Link setzen",
  "remove link": "Link entfernen",
  undo: "Rückgängig",
  redo: "Wiederholen",
}
const GERMAN_STRINGS = {
  URL: "Adresse",
  Title: "Titel",
  "Edit Link": "Link bearbeiten",
  Update: "Übernehmen",
  Cancel: "Abbrechen",
}
if (window.django?.catalog) {
  for (const [english, german] of Object.entries(GERMAN_STRINGS)) {
    window.django.catalog[english] ??= german
  }
}

document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail
  const container = textarea.closest(".prose-editor")
  container.classList.add("body-editor")
  // The menu is built once the editor has been created, which may be later.
  const translate = () => {
    for (const button of container.querySelectorAll(".prose-menubar__button")) {
      const german = GERMAN_TITLES[button.title]
      if (german) {
        button.title = german
        button.setAttribute("aria-label", german)
      }
    }
  }
  translate()
  editor.on("create", translate)
  setTimeout(translate)
})
