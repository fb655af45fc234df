"""Write N synthetic but valid practice files into DIR, for measuring connact on large libraries.

    python benchmarks/make_library.py 10000 /tmp/library

Every field is filled with realistic sizes (about 1.5 KB a file); themes, countries, target groups,
gap tags and activity types vary. The texts are placeholders and say so: never use them as facts.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

from connact_cli.core.vocabulary import ActivityType, DeliveryFormat, Level, Principle, TargetGroup, Theme
from connact_cli.library.loader import load_library

COUNTRIES = ["MT", "IT", "BE", "FI", "IE", "CY", "GR", "ES", "DE", "FR", "NL", "PT", "SE", "AT", "PL"]
WORDS = (
    "community training workshop migrants language employers mentoring forum health services trust "
    "mediators volunteers municipality partnership outreach childcare women refugees youth residents "
    "intercultural sessions guidance referral skills qualifications dialogue network"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def practice(number: int, rng: random.Random, gap_ids: list[str], lesson_ids: list[str]) -> dict:
    return {
        "kind": "practice",
        "id": f"synthetic-{number:05d}",
        "title": f"Synthetic practice {number} " + sentence(rng, 4).rstrip("."),
        "summary": "Synthetic benchmark text, not a real practice. " + " ".join(sentence(rng, 14) for _ in range(3)),
        "source": {
            "document": "connact benchmark generator",
            "project": "benchmark",
            "organisations": ["None"],
            "publisher": "connact benchmark generator",
            "year": 2026,
            "url": "https://example.org/synthetic",
        },
        "evidence": "none",
        "countries": rng.sample(COUNTRIES, rng.randint(1, 3)),
        "level": rng.choice([level.value for level in Level if level != Level.EU]),
        "organisations": [f"Organisation {rng.randint(1, 500)}" for _ in range(2)],
        "themes": rng.sample([t.value for t in Theme], rng.randint(1, 3)),
        "target_groups": rng.sample([g.value for g in TargetGroup], rng.randint(1, 4)),
        "activity_type": rng.choice([a.value for a in ActivityType]),
        "delivery_formats": rng.sample([d.value for d in DeliveryFormat], 2),
        "roles": [sentence(rng, 5) for _ in range(3)],
        "figures": [
            {"value": rng.randint(5, 900), "label": "participants"},
            {"value": rng.randint(2, 80), "label": "sessions", "qualifier": "over"},
        ],
        "success_factors": [sentence(rng, 12) for _ in range(3)],
        "challenges": [sentence(rng, 12) for _ in range(2)],
        "gap_tags": rng.sample(gap_ids, rng.randint(2, 6)),
        "principles": rng.sample([p.value for p in Principle], 2),
        "lessons": rng.sample(lesson_ids, 1),
    }


def main(count: int, folder: Path) -> None:
    library = load_library()
    gap_ids = [gap.id for gap in library.gaps]
    lesson_ids = [lesson.id for lesson in library.lessons]
    rng = random.Random(20261125)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        text = yaml.dump(practice(number, rng, gap_ids, lesson_ids), Dumper=DUMPER, sort_keys=False, allow_unicode=True)
        (folder / f"synthetic-{number:05d}.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: python benchmarks/make_library.py N DIR")
    main(int(sys.argv[1]), Path(sys.argv[2]))
