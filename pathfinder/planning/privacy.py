"""Spotting personal details in text that may be shown publicly, such as
'you said, we did' items for a waiting room. A safety net, not a guarantee:
forms also ask people not to name anyone."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Ten or more digits, perhaps with spaces, dashes or a leading +: a phone number.
PHONE = re.compile(r"\+?\d[\d \-]{8,}\d")


def personal_details(text: str, names: list[str]) -> list[str]:
    """Plain descriptions of what looks personal in `text`: e-mail addresses,
    phone numbers, and any of `names` (people in the service)."""
    found = []
    if EMAIL.search(text):
        found.append("an e-mail address")
    if any(sum(char.isdigit() for char in match) >= 10 for match in PHONE.findall(text)):
        found.append("a phone number")
    lowered = f" {' '.join(re.findall(r'[\w\'-]+', text.lower()))} "
    for name in names:
        words = " ".join(re.findall(r"[\w'-]+", name.lower()))
        if len(words) > 3 and f" {words} " in lowered:
            found.append(f"the name {name}")
    return found
