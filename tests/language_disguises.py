"""Generated disguises of the commonest labels: a measure of hiding that no corpus line was written for.

Each way of hiding (`DISGUISES`) is applied to each label (`LABELS`, and the abbreviations where
the way makes sense for three or four capitals), and the result put in a few plain sentences.
`measure` says, for each way, how many the check caught. `make language-report` prints it;
`tests/test_language_disguises.py` holds it to a floor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from crisishouse.language import LanguageCheck

LABELS = (
    "schizophrenia", "schizophrenic", "psychosis", "psychotic", "bipolar", "depression", "anorexia",
    "anorexic", "bulimia", "bulimic", "dementia", "autistic", "delusional", "hypomanic", "psychopath",
    "sociopath", "narcissist", "catatonic", "agoraphobia", "paranoid schizophrenia", "manic", "schizo",
)  # fmt: skip
ABBREVIATIONS = ("OCD", "PTSD", "ADHD", "BPD", "EUPD", "ASD", "DID", "GAD")
SENTENCES = (
    "The referral says {} and little else.",
    "whanau said its {} again",
    "Guest told us about the {} last night.",
)


def _each(table: dict[str, str]) -> Callable[[str], str]:
    return lambda w: "".join(table.get(c, c) for c in w)


def _between(mark: str) -> Callable[[str], str]:
    return lambda w: mark.join(w)


def _middle(piece: str) -> Callable[[str], str]:
    return lambda w: w[: len(w) // 2] + piece + w[len(w) // 2 :]


def _after_each(mark: str) -> Callable[[str], str]:
    return lambda w: "".join(c + mark if c.isalpha() else c for c in w)


def _shifted(start: int) -> Callable[[str], str]:
    return lambda w: "".join(chr(start + ord(c) - 97) if "a" <= c <= "z" else c for c in w)


def _one_vowel_changed(w: str) -> str:
    at = [k for k, c in enumerate(w) if c in "aeiou" and k > 0]
    k = at[len(at) // 2]
    return w[:k] + ("i" if w[k] != "i" else "e") + w[k + 1 :]


def _middle_letter(edit: str) -> Callable[[str], str]:
    def bent(w: str) -> str:
        k = len(w) // 2
        if edit == "drop":
            return w[:k] + w[k + 1 :]
        if edit == "double":
            return w[:k] + w[k] + w[k:]
        if edit == "swap":
            return w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        return w[:k] + "*" + w[k + 1 :]  # starred

    return bent


_SUPERSCRIPT = dict(zip("abdeghijklmnoprstuvwxyz", "ᵃᵇᵈᵉᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", strict=True))

_LETTERS_SAID = (
    "ay bee see dee ee eff gee aitch eye jay kay el em en oh pee cue ar ess tee you vee double-you ex why zed"
)
_SAID = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _LETTERS_SAID.split(), strict=True))
_CHEROKEE = dict(zip("ABCDEGHJKLMPRSTVWZ", "ᎪᏴᏟᎠᎬᏀᎻᎫᏦᏞᎷᏢᎡᏚᎢᏙᏔᏃ", strict=True))
ONLY_ABBREVIATIONS = "abbreviations only"
_UPSIDE_DOWN = dict(zip("abcdefghijklmnopqrstuvwxyz ", "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz ", strict=True))

# name -> (how, whether it applies to abbreviations in capitals too, or to them only)
DISGUISES: dict[str, tuple[Callable[[str], str], bool | str]] = {
    "digits for letters (0 1 3)": (_each({"o": "0", "i": "1", "e": "3"}), True),
    "digits for letters (4 5 7)": (_each({"a": "4", "s": "5", "t": "7"}), True),
    "symbols for letters (@ $ !)": (_each({"a": "@", "s": "$", "i": "!"}), True),
    "Cyrillic look-alikes": (_each(dict(zip("aeopcyxis", "аеорсухіѕ", strict=True))), True),
    "Greek look-alikes": (_each(dict(zip("aoinptuekv", "αοιηρτυεκν", strict=True))), True),
    "accents on the vowels": (_each(dict(zip("aeiou", "áéíóú", strict=True))), True),
    "letters spaced by dots": (_between("."), True),
    "letters spaced by spaces": (_between(" "), True),
    "letters spaced by hyphens": (_between("-"), True),
    "letters spaced by underscores": (_between("_"), True),
    "letters spaced by slashes": (_between("/"), True),
    "letters spaced by stars": (_between("*"), True),
    "letters spaced by plus signs": (_between("+"), False),
    "letters spaced by tildes": (_between("~"), False),
    "letters spaced by bullets": (_between("•"), False),
    "letters spaced by commas": (_between(","), False),
    "zero-width spaces between": (_between("\u200b"), True),
    "a zero-width joiner inside": (_middle("\u200d"), True),
    "a soft hyphen inside": (_middle("\u00ad"), True),
    "an emoji inside": (_middle("🙂"), False),
    "a hyphen inside": (_middle("-"), False),
    "an apostrophe inside": (_middle("'"), False),
    "struck through": (_after_each("\u0336"), True),
    "underlined": (_after_each("\u0332"), True),
    "every letter doubled": (lambda w: "".join(c * 2 for c in w), False),
    "capitals put in": (lambda w: "".join(c.upper() if k % 2 else c for k, c in enumerate(w)), False),
    "full-width letters": (lambda w: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in w), True),
    "circled letters": (_shifted(0x24D0), False),
    "mathematical bold letters": (_shifted(0x1D41A), False),
    "superscript letters": (_each(_SUPERSCRIPT), False),
    "a star for a middle letter": (_middle_letter("star"), False),
    "a middle letter left out": (_middle_letter("drop"), False),
    "a middle letter doubled": (_middle_letter("double"), False),
    "two middle letters swapped": (_middle_letter("swap"), False),
    "a vowel changed": (_one_vowel_changed, False),
    "no vowels after the first letter": (lambda w: w[:1] + "".join(c for c in w[1:] if c not in "aeiou"), False),
    "backwards": (lambda w: w[::-1], False),
    "a letter escaped as on a web page": (lambda w: w[:2] + f"&#{ord(w[2])};" + w[3:], False),
    "a letter escaped as in an address": (lambda w: w[:3] + f"%{ord(w[3]):02X}" + w[4:], False),
    "turned upside down": (lambda w: "".join(_UPSIDE_DOWN.get(c, c) for c in reversed(w)), False),
    "letters said by name": (lambda w: " ".join(_SAID[c] for c in w), ONLY_ABBREVIATIONS),
    "Cherokee look-alike capitals": (_each(_CHEROKEE), ONLY_ABBREVIATIONS),
}


@dataclass
class Caught:
    caught: int = 0
    of: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.caught / self.of if self.of else 1.0


def measure(check: LanguageCheck) -> dict[str, Caught]:
    """For each way of hiding, how many of its sentences had the hidden label flagged."""
    results = {}
    for name, (how, abbreviations) in DISGUISES.items():
        result = results[name] = Caught()
        labels = () if abbreviations == ONLY_ABBREVIATIONS else LABELS
        for label in labels + (ABBREVIATIONS if abbreviations else ()):
            hidden = how(label)
            if hidden == label:
                continue
            for sentence in SENTENCES:
                text = sentence.format(hidden)
                start = text.index(hidden)
                end = start + len(hidden)
                result.of += 1
                if any(f.start < end and f.end > start for f in check.check(text)):
                    result.caught += 1
                else:
                    result.missed.append(hidden)
    return results
