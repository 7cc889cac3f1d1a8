"""The article admin: its addresses, the workflow buttons, shared preview links, and an add
form filled in with a publishable article."""

import html
import re
from urllib.parse import urlsplit

from tests.helpers.forms import open_form

ADD_URL = "/admin/articles/article/add/"
CHANGELIST_URL = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def transition_url(article, name):
    return f"/admin/articles/article/{article.pk}/transition/{name}/"


def share_preview_url(article):
    return f"/admin/articles/article/{article.pk}/vorschau-link/"


def revoke_preview_url(link):
    return f"/admin/articles/article/{link.article_id}/vorschau-link/{link.pk}/widerrufen/"


def preview_links_on(change_form):
    """The paths of the shared preview links the change form shows, newest first."""
    assert change_form.status_code == 200, change_form.status_code
    found = re.findall(
        r'<input id="shared-preview-\d+" class="shared-preview" value="([^"]+)"',
        change_form.content.decode(),
    )
    return [urlsplit(html.unescape(url)).path for url in found]


def share_preview_in_admin(client, article):
    """Press "Vorschau-Link erstellen" and copy the new link off the change form."""
    response = client.post(share_preview_url(article))
    assert response.status_code == 302, response.status_code
    links = preview_links_on(client.get(change_url(article)))
    assert links, "the change form shows no shared preview link"
    return links[0]


def do_transition(client, article, name, comment=None):
    """Press a workflow button on the article's change page (a POST, like its little form)."""
    data = {"transition": name}
    if comment is not None:
        data["comment"] = comment
    return client.post(transition_url(article, name), data)


def full_article_form(client, *, section, authors, bullets, headline="Straßenbahn-Ausbau kommt"):
    """The add form filled in with a publishable article by these authors, with these bullets.

    Saved, it is a draft: only the workflow's "publish" transition takes it live.
    """
    form = open_form(client, ADD_URL).fill(
        kicker="Stadtrat Leipzig",
        headline=headline,
        lead="Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        body="<p>Der Beschluss fiel mit großer Mehrheit.</p>",
        section=str(section.pk),
        published_at_0="03.11.2026",
        published_at_1="14:05",
    )
    for index, author in enumerate(authors):
        values = {"position": str(index + 1), "author": str(author.pk)}
        if index == 0:
            form.fill_row("bylines", 0, **values)
        else:
            form.add_row("bylines", **values)
    for index, text in enumerate(bullets):
        values = {"position": str(index + 1), "text": text}
        if index < 3:  # the add form shows three empty bullet rows
            form.fill_row("bullets", index, **values)
        else:
            form.add_row("bullets", **values)
    return form
