"""The ``sizes`` of a teaser's picture, as wide as the layout shows it.

The widths follow static/css/site.css: the page is at most 76rem wide with 1rem padding
(1.5rem from 48rem); below 40rem the home page's highlights and all but the first teaser
of a section block show a 7.5rem thumbnail beside the text. A browser then picks the
smallest rendition that fills the slot, instead of a full-width file for a thumbnail.
"""

THUMBNAIL = "7.5rem"
FULL = "calc(100vw - 2rem)"

SIZES = {
    # The lead story: full width, then 3/5 beside its text, then stacked in the main column.
    "lead": "(min-width: 76rem) 47rem, (min-width: 64rem) calc(67vw - 3.7rem), "
    "(min-width: 48rem) calc(60vw - 2.7rem), " + FULL,
    # The home page's highlights: two columns of the main column from 40rem.
    "highlight": "(min-width: 76rem) 23rem, (min-width: 64rem) calc(33vw - 2.6rem), "
    "(min-width: 40rem) calc(50vw - 2.25rem), " + THUMBNAIL,
    # The home page's section blocks: four columns from 64rem, two from 40rem.
    "block": "(min-width: 76rem) 17rem, (min-width: 64rem) calc(25vw - 1.9rem), "
    "(min-width: 40rem) calc(50vw - 2.25rem), " + THUMBNAIL,
    # Lists (section, topic, author, day, search): three columns from 64rem, two from 40rem.
    "list": "(min-width: 76rem) 23rem, (min-width: 64rem) calc(33vw - 2.2rem), "
    "(min-width: 40rem) calc(50vw - 2.4rem), " + FULL,
}


def teaser_sizes(slot, first=False):
    """``slot``: lead, highlight, block or list; the first teaser of a section block is
    full width on small screens."""
    sizes = SIZES.get(slot, SIZES["list"])
    if slot == "block" and first:
        sizes = sizes.replace(THUMBNAIL, FULL)
    return sizes
