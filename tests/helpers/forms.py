"""Admin forms the way an editor's browser fills them in and submits them.

``BrowserForm`` reads the controls of one <form> on a page (including the inline management
forms) and the values a browser would submit; a test changes what the editor would type and
posts it back.
"""

from html.parser import HTMLParser

from django.contrib.messages import get_messages


class _FormReader(HTMLParser):
    """Collects the controls of one <form> and the values a browser would submit for them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.in_form = False
        self.data = {}
        self.controls = set()
        self._textarea = None
        self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self._input(name, attrs)
        elif tag == "textarea" and name:
            self.controls.add(name)
            self._textarea = (name, [])
        elif tag == "select" and name:
            self.controls.add(name)
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._end_option()
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": [],
            }

    def _input(self, name, attrs):
        kind = attrs.get("type", "text").lower()
        if kind in {"submit", "button", "image", "reset", "file"}:
            return
        self.controls.add(name)
        if "disabled" in attrs:
            return
        if kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                self.data[name] = attrs.get("value", "on")
            return
        self.data[name] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1].append(data)
        if self._option:
            self._option["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea:
            name, parts = self._textarea
            text = "".join(parts)
            # Browsers drop the newline right after <textarea>, which Django always writes.
            self.data[name] = text[1:] if text.startswith("\n") else text
            self._textarea = None
        elif tag == "option":
            self._end_option()
        elif tag == "select" and self._select:
            self._end_option()
            self._end_select()

    def _end_option(self):
        if self._option:
            option = self._option
            value = option["value"] if option["value"] is not None else "".join(option["text"])
            self._select["options"].append((value, option["selected"]))
            self._option = None

    def _end_select(self):
        select, self._select = self._select, None
        selected = [value for value, is_selected in select["options"] if is_selected]
        if select["multiple"]:
            if selected:
                self.data[select["name"]] = selected
        elif selected:
            self.data[select["name"]] = selected[-1]
        elif select["options"]:
            # A single select with nothing selected submits its first option.
            self.data[select["name"]] = select["options"][0][0]


class BrowserForm:
    """The admin form on a page, filled in and submitted the way an editor's browser does it."""

    def __init__(self, response, form_id="article_form"):
        assert response.status_code == 200, response.status_code
        reader = _FormReader(form_id)
        reader.feed(response.content.decode())
        reader.close()
        assert reader.controls, f"no form #{form_id} on the page"
        self.data = reader.data
        self.controls = reader.controls

    def fill(self, **values):
        for name, value in values.items():
            assert name in self.controls, f"the form has no control named {name!r}"
            self.data[name] = value
        return self

    def fill_row(self, prefix, index, **values):
        return self.fill(**{f"{prefix}-{index}-{name}": value for name, value in values.items()})

    def add_row(self, prefix, **values):
        """What the inline's "add another" link does: copy the empty form, count it, fill it."""
        index = int(self.data[f"{prefix}-TOTAL_FORMS"])
        template = f"{prefix}-__prefix__-"
        for name in [name for name in self.controls if name.startswith(template)]:
            new_name = f"{prefix}-{index}-{name.removeprefix(template)}"
            self.controls.add(new_name)
            if name in self.data:
                self.data[new_name] = self.data[name]
        self.data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
        return self.fill_row(prefix, index, **values)

    def delete_row(self, prefix, index):
        return self.fill_row(prefix, index, DELETE="on")

    def submit(self, client, url, button="_save"):
        return client.post(url, {**self.data, button: "Sichern"})


def open_form(client, url, form_id="article_form"):
    """The form ``form_id`` of the page at ``url``, as the browser would submit it."""
    return BrowserForm(client.get(url), form_id=form_id)


def sent_messages(response, level=None):
    """The messages this request added for the editor (not older unread ones), optionally
    of one level only."""
    added = get_messages(response.wsgi_request)._queued_messages
    return [str(message) for message in added if level is None or message.level == level]
