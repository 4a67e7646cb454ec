"""How the feeds view writes a subscription: its line (unread count, name, settings, tags and
what its last refresh said), the hint that tells two of one title apart, and its tags."""

from __future__ import annotations

from rich.text import Text

from index.feeds import FeedCount

from ..render import one_line


def feed_line(count: FeedCount, label: str, full_text: bool, detail: str = "") -> Text:
    """One subscription: unread count, name, settings and tags; under it, on a line of its own
    so a long title never hides it, why its last refresh failed (in the error style), or, for a
    feed that is ill-formed but whose readable entries were kept, what is wrong with it (in
    the warning style: that refresh did not fail, its articles are there).

    The reason is text from outside (a server's words can be in it): sanitized and appended
    as plain `Text`, never parsed as markup.
    """
    feed = count.feed
    line = Text(end="", no_wrap=True, overflow="ellipsis")
    line.append(f"{count.unread:>5} ", style="bold #5fafff" if count.unread else "dim")
    line.append(label)
    if detail:  # where it comes from, when another subscription has the same title
        line.append(f"  {detail}", style="dim")
    if full_text:
        line.append("  [full text]", style="dim")
    if feed.tags:
        line.append("  " + " ".join(f"#{tag_label(t)}" for t in feed.tags), style="dim")
    error = one_line(feed.last_error)
    if error and feed.read_in_part:
        line.append("\n      ")
        line.append(f"⚠ {error}", style=WARNING_STYLE)  # "ill-formed feed: …; kept 3 entries…"
    elif error:
        line.append("\n      ")
        line.append(f"✗ last refresh failed: {error}", style=ERROR_STYLE)
    return line


def url_hint(url: str, room: int = 40) -> str:
    """Enough of a subscription's URL to tell it from another of the same title, short enough
    for an 80-column row: a file's folder and name, or a host and path (cut in the middle,
    where two copies of one feed differ least)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme == "file":
        path = unquote(parts.path).rstrip("/").split("/")
        text = "file …/" + "/".join(path[-2:]) if len(path) > 3 else f"file {unquote(parts.path)}"
    else:
        text = parts.netloc + (parts.path if parts.path != "/" else "")
        if parts.query:
            text += f"?{parts.query}"
    text = one_line(text)
    if len(text) > room:
        head = room // 2 - 1
        text = f"{text[:head]}…{text[len(text) - (room - head - 1) :]}"
    return text


#: A feed's error line: a soft red that reads on dark and light themes alike.
ERROR_STYLE = "#e06c75"
#: An ill-formed feed read in part: a soft amber, as readable on both themes.
WARNING_STYLE = "#e5c07b"


def tag_label(tag: str) -> str:
    """A tag as the view shows it. Tags are matched without regard to case (`tag:ports` finds
    an OPML folder's "Ports") and counted in lower case, so they are shown in lower case
    everywhere: the feed's line, the Tags section and the dialog."""
    return one_line(tag).lower()


def join_tags(tags: tuple[str, ...]) -> str:
    """The tag dialog's text: commas when a tag holds a space (an OPML folder "World News")."""
    return (", " if any(" " in t for t in tags) else " ").join(tags)


def split_tags(text: str) -> list[str]:
    """What `join_tags` wrote, or what the user typed: split on commas when there are any
    (so "world news, ports" keeps its two-word tag), else on spaces."""
    parts = text.split(",") if "," in text else text.split()
    return [" ".join(p.split()) for p in parts if p.strip()]
