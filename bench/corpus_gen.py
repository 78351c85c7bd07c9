"""Varied synthetic documents at any scale, for the benchmarks at 10,000 and 100,000 documents.

    python bench/corpus_gen.py OUT --documents 100000 [--seed 1920]

Every document is made, none copied: a heading (kind, sender, recipient, subject), a date between
1918 and 1923, a place of writing, a body of a few lines to several pages, an archival reference.
The body's sentences name the gazetteer's places in every Latin-script spelling it records (all
curated layers: settlements, districts, provinces, regions, states, physical features; and the
broad GeoNames layer's towns of the field), in Cyrillic in the Russian documents; write dates in
the forms the reader knows (day, double old/new-style day, part of a month, piece of a month,
month, Roman and numeric months, ISO, day and month ranges, seasons, parts of a year, decades,
year spans, year-less dates that take their year from the text, the Russian forms); and describe
movements between real places in the forms the movement finder knows (from/to/through, occupied,
withdrew, departed for, telegraphese "Arrived X", Russian verbs).

The corpus is written in the three formats the reader takes: Markdown with front matter (one
document a file), CSV (200 documents a file) and collection pages (eight documents a page, as
published on the web). The same seed and count give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SHORT = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
               "октября", "ноября", "декабря")
RU_LOCATIVE = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
               "октябре", "ноябре", "декабре")
FIRST, LAST = date(1918, 1, 1), date(1923, 12, 31)
QUALIFIER = re.compile(r"\s*\([^)]*\)")       # "Muş (sanjak)": a text writes "Muş"
CSV_ROWS, PAGE_DOCUMENTS = 200, 8
SHARES = (("markdown", 0.4), ("csv", 0.4), ("page", 0.2))

# The heading's word and the kind the reader files it under.
KINDS = (("Telegram", "telegram"), ("Letter", "letter"), ("Report", "report"), ("Note", "other"),
         ("Memorandum", "memorandum"), ("Order", "other"), ("Transcript", "transcript"), ("Minutes", "minutes"))
SENDERS = ("the Commander of the 11th Red Army", "the Revolutionary Committee of Armenia",
           "the People's Commissar for Foreign Affairs", "the Government of Azerbaijan",
           "the Minister of Foreign Affairs of Armenia", "the Georgian Foreign Ministry",
           "the Commander of the Eastern Front", "the Plenipotentiary Representative in Tiflis",
           "the Caucasian Bureau", "the Military Attaché", "the Chairman of the Revkom",
           "the High Commissioner", "the Staff of the Division", "the District Commissar")
SUBJECTS = ("the Situation in", "the Frontier near", "Refugees from", "the Road to", "Supplies for",
            "the Negotiations on", "Disturbances in", "the Garrison of", "the Railway at",
            "the Administration of")
ACTORS = ("the 11th Red Army", "the Armenian detachments", "the Turkish troops", "the Azerbaijani cavalry",
          "a British mission", "the Georgian guard", "the 20th Division", "the insurgents",
          "a brigade of the 11th Army", "the Kemalist forces", "the rebel bands", "our units",
          "the regiment", "the Dashnak forces")
RU_ACTORS = ("Части 11-й армии", "Армянские отряды", "Турецкие войска", "Наши части", "Повстанцы",
             "Конный полк")
FILLER = ("The situation remains difficult; bread and fodder are short and the roads are bad.",
          "We await your instructions on this question without delay.",
          "The population is calm, though rumours pass from village to village.",
          "Communications were cut for two days and have only now been restored.",
          "I consider it necessary to report this to you at once.",
          "The commission has not yet met, and its members have not been named.",
          "Losses are being counted; the wounded have been sent to the rear.",
          "The matter was discussed at length, and no decision was taken.",
          "The question of the frontier must be settled by a mixed commission of both governments.",
          "Of the arms promised, only a part has been received, and that without ammunition.",
          "The delegates insisted that the agreement be ratified before any further step.",
          "Typhus has broken out among the troops and the refugees; there are no doctors.",
          "The peasants have not sown their fields, fearing a new attack in the spring.",
          "Please confirm receipt of this telegram and of the previous one.",
          "The enemy's intentions remain unclear; our scouts report small groups only.",
          "A copy of this report has been sent to the Central Committee.")
RU_FILLER = ("Положение остаётся тяжёлым.", "Ждём ваших указаний.", "Связь восстановлена.")
ARCHIVES = ("RGASPI, f. {a}, op. {b}, d. {c}, l. {d}. Original.", "NAA, f. {a}, op. {b}, d. {c}, l. {d}. Copy.",
            "AVP RF, f. {a}, op. {b}, d. {c}, l. {d}. Typescript.", "GARF, f. {a}, op. {b}, d. {c}, l. {d}.")


def latin(name: str) -> bool:
    """Return True for a name written in the Latin script (letters with accents included)."""
    return name.isascii() or all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def cyrillic(name: str) -> bool:
    """Return True for a name written in Cyrillic."""
    return all("CYRILLIC" in unicodedata.name(c, "") for c in name if c.isalpha())


def gazetteer_names() -> tuple[list[str], list[str], list[str]]:
    """Return (Latin names of every curated place, Cyrillic ones, Latin names of the broad layer's
    towns in the field), each sorted: every spelling the gazetteer records, none preferred."""
    from gazetteer.places.broad import FIELD_BBOX, load_layer
    from gazetteer.places.index import local_places

    curated, russian = set(), set()
    for place in local_places():
        for written in (place.name, *(n.toponym for n in place.names)):
            name = QUALIFIER.sub("", written).strip()
            if len(name) > 2:
                (curated if latin(name) else russian if cyrillic(name) else set()).add(name)
    west, south, east, north = FIELD_BBOX
    broad = set()
    layer = load_layer()
    for record in (layer.records if layer is not None else ()):
        if record[2] != "country" and west <= record[3] <= east and south <= record[4] <= north:
            broad.update(n for n in (record[1], *record[7]) if latin(n) and len(n) > 3)
    return sorted(curated), sorted(russian), sorted(broad - curated)


def _upper(text: str) -> str:
    """`text` with its first letter a capital (str.capitalize would lower the rest: "11th Red army")."""
    return text[:1].upper() + text[1:]


def ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def written_date(rng: random.Random, when: date) -> str:
    """Return `when` (or the period around it) in one of the English forms the reader knows."""
    return rng.choice(date_forms(rng, when))


def date_forms(rng: random.Random, when: date) -> tuple[str, ...]:
    """Return every English form `written_date` writes `when` in (some with a part or span drawn by `rng`)."""
    d, m, y = when.day, when.month, when.year
    month = MONTHS[m - 1]
    later = min(28, d + rng.randint(1, 6))
    forms = (
        f"{d} {month} {y}", f"{month} {d}, {y}", f"the {ordinal(d)} day of {month} {y}", f"{SHORT[m - 1]} {d}, {y}",
        f"{d}/{min(31, d + 13) if d <= 18 else d - 13} {month} {y}", f"{rng.choice(('early', 'mid', 'late'))} {month} {y}",
        f"the {rng.choice(('first', 'second', 'last'))} week of {month} {y}", f"the second half of {month} {y}",
        f"{month} {y}", f"{d}.{ROMAN[m - 1]}.{y}", f"{d}.{ROMAN[m - 1]}.{y % 100:02d}", f"{d:02d}.{m:02d}.{y}",
        f"{y}-{m:02d}-{d:02d}", f"between the {ordinal(d)} and {ordinal(later)} of {month} {y}",
        f"{month} {d}–{later}, {y}", f"{month}–{MONTHS[m % 12]} {y}" if m < 12 else f"{month} {y}",
        f"{rng.choice(('spring', 'summer', 'autumn', 'winter'))} of {y}", f"{rng.choice(('early', 'late'))} {y}",
        f"the first half of {y}", f"{y}–{y + 1}", "the early 1920s" if y >= 1920 else "the late 1910s",
    )
    return forms


def yearless_date(rng: random.Random, when: date) -> str:
    """Return a date without its year ("on 6 August", "by 22.II", "in March"), read from the text before it."""
    return rng.choice((f"on {when.day} {MONTHS[when.month - 1]}", f"on {when.day}.{ROMAN[when.month - 1]}",
                       f"in {MONTHS[when.month - 1]}", f"on the {ordinal(when.day)} of {MONTHS[when.month - 1]}"))


def russian_date(rng: random.Random, when: date) -> str:
    """Return `when` in one of the Russian forms the reader knows (the last without its year)."""
    return rng.choice(russian_forms(when))


def russian_forms(when: date) -> tuple[str, ...]:
    d, m, y = when.day, when.month - 1, when.year
    return (f"{d} {RU_GENITIVE[m]} {y} г.", f"{d} {RU_GENITIVE[m]} {y} года (по старому стилю)",
            f"в начале {RU_GENITIVE[m]} {y} года", f"в {RU_LOCATIVE[m]} {y} года", f"{d} {RU_GENITIVE[m]}")


class Maker:
    """Makes documents from the gazetteer's names; the same for the same seed."""

    def __init__(self, seed: int = 1920, names: tuple[list[str], list[str], list[str]] | None = None,
                 first: date = FIRST, last: date = LAST):
        self.rng = random.Random(seed)
        self.first, self.days = first, (last - first).days + 1
        self.curated, self.russian, self.broad = names or gazetteer_names()

    def place(self) -> str:
        """A place name: a curated spelling three times in four, else a town of the broad layer."""
        pool = self.broad if self.broad and self.rng.random() < 0.25 else self.curated
        return self.rng.choice(pool)

    def movement(self, when: date) -> str:
        r, a, b, c = self.rng, self.place(), self.place(), self.place()
        actor = r.choice(ACTORS)
        return r.choice((
            f"{_upper(actor)} advanced from {a} to {b}.",
            f"On {when.day} {MONTHS[when.month - 1]} {actor} marched from {a} through {b} to {c}.",
            f"{_upper(actor)} occupied {a} {written_date(r, when)}.",
            f"{_upper(actor)} withdrew from {a} towards {b}, leaving {c} undefended.",
            f"{_upper(actor)} entered {a} and pushed on to {b}.",
            f"The delegation departed for {a} {yearless_date(r, when)}.",
            f"Arrived {a} {when.day}.{ROMAN[when.month - 1]}. Proceeding {b}.",
            f"{_upper(actor)} retreated to {a} after the attack on {b}.",
            f"{_upper(actor)} captured {a}; the enemy fell back on {b}.",
            f"Refugees from {a} fled across the river to {b}.",
        ))

    def sentence(self, when: date) -> str:
        r = self.rng
        roll = r.random()
        # Shares near the seed documents': most sentences name no place.
        if roll < 0.15:
            return self.movement(when)
        if roll < 0.3:
            return r.choice((f"{_upper(written_date(r, when))}, the district of {self.place()} was claimed "
                             f"by both sides; the village of {self.place()} changed hands twice.",
                             f"{self.place()}, {self.place()} and {self.place()} are named in the report of "
                             f"{written_date(r, when)}.",
                             f"The telegram from {self.place()} of {when.day}/{ROMAN[when.month - 1]} reports the "
                             f"road to {self.place()} held {yearless_date(r, when + timedelta(days=3))}."))
        if roll < 0.4:
            return f"The population of {self.place()} asks for protection against the bands near {self.place()}."
        return r.choice(FILLER)

    def russian_sentence(self, when: date) -> str:
        r = self.rng
        a, b = r.choice(self.russian), r.choice(self.russian)
        return r.choice((f"{_upper(russian_date(r, when))} {r.choice(RU_ACTORS).lower()} заняли {a}.",
                         f"{r.choice(RU_ACTORS)} отошли из {a} на {b} {russian_date(r, when)}.",
                         f"{r.choice(RU_ACTORS)} прибыли в {a}.", r.choice(RU_FILLER)))

    def paragraphs(self, when: date, russian: bool) -> list[str]:
        """A body of one paragraph to several pages (about 1 in 10 runs to 15-40 paragraphs)."""
        r = self.rng
        count = r.choice((1, 1, 2, 3)) if r.random() < 0.6 else r.randint(4, 10) if r.random() < 0.75 else r.randint(15, 40)
        make = self.russian_sentence if russian else self.sentence
        out = []
        for _ in range(count):
            day = when + timedelta(days=r.randint(-40, 5))
            out.append(" ".join(make(day) for _ in range(r.randint(2, 6))))
        return out

    def document(self, number: int) -> dict:
        """One document as fields: id, title, date, origin, kind, archive_ref, language, body."""
        r = self.rng
        when = self.first + timedelta(days=r.randrange(self.days))
        russian = bool(self.russian) and r.random() < 0.05
        word, kind = r.choice(KINDS)
        sender, recipient = r.sample(SENDERS, 2)
        title = f"{word} from {sender} to {recipient} on {r.choice(SUBJECTS)} {self.place()}"
        title = title[0].upper() + title[1:]
        heading_date = r.choice((f"{MONTHS[when.month - 1]} {when.day}, {when.year}", f"{when.day} {MONTHS[when.month - 1]} {when.year}",
                                 f"{MONTHS[when.month - 1]} {when.year}", f"{when.day}.{ROMAN[when.month - 1]}.{when.year}"))
        reference = r.choice(ARCHIVES).format(a=r.randint(1, 1500), b=r.randint(1, 20), c=r.randint(1, 3000),
                                              d=r.randint(1, 400))
        return {"id": f"gen-{number:06d}", "title": title, "date": heading_date, "origin": self.place(),
                "kind": kind, "archive_ref": reference, "language": "ru" if russian else "en",
                "body": "\n\n".join(self.paragraphs(when, russian))}


def markdown(doc: dict) -> str:
    head = "".join(f"{k}: {_yaml_text(doc[k])}\n" for k in ("id", "title", "date", "origin", "kind", "archive_ref", "language"))
    return f"---\n{head}---\n{doc['body']}\n"


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_text(docs: list[dict]) -> str:
    out = io.StringIO()
    fields = ("id", "title", "date", "origin", "kind", "archive_ref", "language", "body")
    writer = csv.DictWriter(out, fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: d[k] for k in fields} for d in docs)
    return out.getvalue()


def page_text(docs: list[dict]) -> str:
    """A collection page: heading, date line, body and citation of each document in turn."""
    return "\n\n".join(f"{d['title']}\n\n{d['origin']}, {d['date']}\n\n{d['body']}\n\n{d['archive_ref']}" for d in docs) + "\n"


def write_corpus(folder: Path, documents: int, seed: int = 1920, maker: Maker | None = None,
                 first: date = FIRST, last: date = LAST) -> dict[str, int]:
    """Write `documents` documents dated `first`..`last` into `folder`; return how many went into each format."""
    maker = maker or Maker(seed, first=first, last=last)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.yaml").write_text("title: Synthetic\ndescription: Generated documents for the benchmarks.\n",
                                        encoding="utf-8")
    counts = {name: 0 for name, _ in SHARES}
    pending: dict[str, list[dict]] = {"csv": [], "page": []}
    files = {"csv": 0, "page": 0}

    def flush(kind: str) -> None:
        if pending[kind]:
            files[kind] += 1
            suffix, write = (".csv", csv_text) if kind == "csv" else (".txt", page_text)
            (folder / f"{kind}-{files[kind]:05d}{suffix}").write_text(write(pending[kind]), encoding="utf-8")
            pending[kind] = []

    for number in range(documents):
        doc = maker.document(number)
        roll, kind = maker.rng.random(), "markdown"
        for name, share in SHARES:
            if roll < share:
                kind = name
                break
            roll -= share
        counts[kind] += 1
        if kind == "markdown":
            (folder / f"{doc['id']}.md").write_text(markdown(doc), encoding="utf-8")
        else:
            pending[kind].append(doc)
            if len(pending[kind]) >= (CSV_ROWS if kind == "csv" else PAGE_DOCUMENTS):
                flush(kind)
    flush("csv")
    flush("page")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the corpus folder to write")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--first", type=date.fromisoformat, default=FIRST,
                        help="the first document date (default 1918-01-01); a short span packs the documents "
                             "as densely in time as a larger corpus")
    parser.add_argument("--last", type=date.fromisoformat, default=LAST, help="the last (default 1923-12-31)")
    args = parser.parse_args(argv)
    counts = write_corpus(args.out, args.documents, args.seed, first=args.first, last=args.last)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"{args.documents} documents in {args.out} ({', '.join(f'{k} {v}' for k, v in counts.items())}), "
          f"{size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
