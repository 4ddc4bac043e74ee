"""Words people might type (or paste) into any text field, shared by the tests."""

BAD_WORDS = {
    "rich markup": "Tūī [bold red]x[/]",
    "rich link": "[link=http://x]y[/link]",
    "rich click action": "[@click=app.quit]q[/]",
    "clear screen": "Ana\x1b[2Jbell",
    "title change": "Ana\x1b]0;title\x07bell",
    "emoji": "Kiri 🌿🙂👩🏽‍🦱",
    "macrons": "Ōrewa whānau Māori",
    "decomposed macron": "Ma\u0304ori",
}
# A 100 kB string mixing all of the above.
_UNIT = (
    "Kia ora [bold red]x[/] [link=http://x]y[/link] [@click=app.quit]q[/] \x1b[2J\x1b]0;t\x07 🌿 Ma\u0304ori whānau."
)
BIG = _UNIT * (100_000 // len(_UNIT.encode()) + 1)
