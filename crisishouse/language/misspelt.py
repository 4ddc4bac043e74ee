"""Labels written wrong on purpose or by a slip: one letter off, without vowels, or backwards.

Only for a short hand list of the commonest labels (`misspelt` in vocabulary.toml),
of seven letters or more, since a word one letter from a label is often English:
those that are (found in Princeton WordNet 3.0: "artistic" beside "autistic",
"repression" beside "depression") are listed in `not_misspelt` and never read as one.

- one letter off: a letter left out, put in, changed, or two side by side swapped
  ("dilusional", "schizophrenai", "psychotics" is a plural, not a slip);
- no vowels after the first letter ("dprssn", "schzphrn"): five letters or more;
- backwards ("ainerhpozihcs"): every label of the vocabulary of six letters or more, not
  only the listed ones, since no English word is a label written backwards (Princeton WordNet
  3.0 has none) and no one writes a label backwards but to hide it ("enilredrob");
- the shorter ones (five or six letters: "psycho", "manic") with one consonant written twice
  ("pssycho", "mannic"), which no English word is (a vowel twice is te reo's long vowel: "maania").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

_VOWELS = frozenset("aeiou")
_SEEN_AT_MOST = 20_000
_BACKWARDS_AT_LEAST = 6
"""Labels of the whole vocabulary are read backwards from this length ("ssenisuoicsnocnu" is "unconsciousness"
backwards, but "dda" could be anything)."""


def one_letter_off(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter left out, put in, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[k:] == long[k + 1 :]


def skeleton(word: str) -> str:
    """The word's first letter and the letters after it that are not vowels."""
    return word[:1] + "".join(c for c in word[1:] if c not in _VOWELS)


@dataclass(frozen=True)
class Misspellings:
    """Where a token may be one of the listed labels, written wrong."""

    by_start: dict[tuple[str, int], tuple[str, ...]]  # first letter and length -> the labels
    skeletons: dict[str, str]
    backwards: dict[str, str]
    not_misspelt: frozenset[str]
    doubled: dict[str, str] = field(default_factory=dict)
    """The shorter labels with one letter written twice, and the label."""
    seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    """Words already read, and what they were (a text is checked again at each key typed)."""

    @classmethod
    def of(cls, labels: Iterable[str], not_misspelt: Iterable[str], backwards_too: Iterable[str] = ()) -> Misspellings:
        by_start: dict[tuple[str, int], list[str]] = {}
        skeletons: dict[str, str] = {}
        backwards: dict[str, str] = {
            label[::-1]: label
            for label in backwards_too
            if len(label) >= _BACKWARDS_AT_LEAST and label.isalpha() and label.isascii() and label[::-1] != label
        }
        doubled: dict[str, str] = {}
        for label in sorted(set(labels)):
            if len(label) < 5 or not label.isalpha() or not label.isascii():
                continue
            backwards[label[::-1]] = label
            if len(label) < 7:
                # (Shorter: one letter off or without vowels, too many English words; a consonant twice, none.
                # Not a vowel: te reo writes a long vowel twice, "maania", slippery.)
                for k in range(len(label)):
                    if label[k] not in _VOWELS:
                        doubled.setdefault(label[: k + 1] + label[k:], label)
                continue
            by_start.setdefault((label[0], len(label)), []).append(label)
            skeletons.setdefault(skeleton(label), label)
        return cls(
            {k: tuple(v) for k, v in by_start.items()},
            skeletons,
            backwards,
            frozenset(not_misspelt),
            {form: label for form, label in doubled.items() if form not in not_misspelt},
        )

    def label_in(self, token: str) -> str | None:
        """The listed label `token` is a misspelling of, or None.

        A slip is looked for only after the first letter, which a writer seldom gets wrong
        (so "dipolar" is never "bipolar").
        """
        seen = self.seen
        if token in seen:
            return seen[token]
        if len(seen) >= _SEEN_AT_MOST:
            seen.clear()
        seen[token] = label = self._label_in(token)
        return label

    def _label_in(self, token: str) -> str | None:
        if len(token) < 4 or not token.isalpha() or not token.isascii() or token in self.not_misspelt:
            return None
        if token in self.backwards:
            return self.backwards[token]
        if token in self.doubled:
            return self.doubled[token]
        if _VOWELS.isdisjoint(token[1:]):
            return self.skeletons.get(token)
        first, size = token[0], len(token)
        for length in (size - 1, size, size + 1):
            for label in self.by_start.get((first, length), ()):
                if one_letter_off(token, label):
                    return label
        return None
