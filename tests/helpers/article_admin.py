"""The article admin: its addresses, the workflow buttons, and an add form filled in with a
publishable article."""

from tests.helpers.forms import open_form

ADD_URL = "/admin/articles/article/add/"
CHANGELIST_URL = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def transition_url(article, name):
    return f"/admin/articles/article/{article.pk}/transition/{name}/"


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
