"""What a subscription target that is neither a URL nor an existing file is told.

The back end reads anything without a URL scheme as a path, so `dateline feeds add 'not a url'`
(or the same typed into the subscribe dialog) was refused with "/home/me/not a url is not a
file": true, but it reads as if a file had been expected. When the target names no file and
has no scheme, the refusal says what a feed target may be instead.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def refusal(target: str, reason: str) -> str:
    """The reason `target` was refused, as the user should read it."""
    text = target.strip()
    scheme = urlsplit(text).scheme
    if scheme and len(scheme) > 1:  # a URL (a one-letter scheme is a Windows drive)
        return reason
    try:
        exists = Path(text).expanduser().exists()
    except (OSError, ValueError):
        exists = False
    if exists:
        return reason  # a file or folder that is there: the back end's reason is the one
    return "neither a feed URL (http:// or https://) nor an existing feed file"
