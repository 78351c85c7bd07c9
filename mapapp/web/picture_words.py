"""The words of the server's pictures (`/map.png`, tour pictures, handouts) in the request's language."""
from __future__ import annotations

from dataclasses import fields, replace

from flask_babel import force_locale, gettext

from mapapp.picture.model import PictureWords


def picture_words(code: str) -> PictureWords:
    """Return PictureWords translated into `code` (one of mapapp.web.i18n.LANGUAGES)."""
    from mapapp.title_words import TITLE_MESSAGES

    english = PictureWords()
    with force_locale(code):
        translated = {f.name: gettext(getattr(english, f.name)) for f in fields(english)
                      if f.name not in ("locale", "title_words")}
        titles = tuple((message, gettext(message)) for message in TITLE_MESSAGES) if code != "en" else ()
    return replace(english, locale="en_GB" if code == "en" else code, title_words=titles, **translated)
