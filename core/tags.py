"""Tags in the order the editor typed them. django-taggit sorts them alphabetically when it
reads the input and when it writes it back into the form; these two functions are its
documented hooks (``TAGGIT_TAGS_FROM_STRING``, ``TAGGIT_STRING_FROM_TAGS``) with the same
rules, minus the sorting: quotes group words and may hold commas; with a comma outside
quotes commas separate tags, else spaces do."""


def parse_tags(text):
    """'Ukraine-Krieg, "Kim Jong Un", Nordkorea' -> the names in that order, each once."""
    if not text:
        return []
    pieces = []  # (quoted, text) in the order they were typed
    loose_comma = False
    buffer, quoted = [], False
    for char in text:
        if char == '"':
            if quoted:
                pieces.append((True, "".join(buffer)))
            elif buffer:
                pieces.append((False, "".join(buffer)))
            buffer, quoted = [], not quoted
            continue
        if char == "," and not quoted:
            loose_comma = True
        buffer.append(char)
    if buffer:
        if quoted and "," in buffer:
            loose_comma = True  # an unclosed quote is read as plain text
        pieces.append((False, "".join(buffer)))
    delimiter = "," if loose_comma else " "
    names = []
    for is_quoted, piece in pieces:
        parts = [piece] if is_quoted else piece.split(delimiter)
        names += [part.strip() for part in parts if part.strip()]
    return list(dict.fromkeys(names))


def edit_string_for_tags(tags):
    """The tags as the editor typed them: '"Kim Jong Un", Nordkorea' (no sorting)."""
    names = [tag.name for tag in tags]
    return ", ".join(f'"{name}"' if "," in name or " " in name else name for name in names)
