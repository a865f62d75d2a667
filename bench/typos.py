"""Typo check figures: accuracy on misspelling corpora, false findings on real e-mails and the good
fixtures, and speed. Prints numbers; asserts nothing.

    .venv/bin/python bench/typos.py [--quick]
    .venv/bin/python bench/typos.py --capitalised   # each misspelling capitalised, in a draft (three places)
    .venv/bin/python bench/typos.py --safe          # how often a fix marked safe is wrong, and the trade-off
    .venv/bin/python bench/typos.py --slips         # typing slips put into the good fixtures
    .venv/bin/python bench/typos.py --specialist    # typo findings per 1,000 words on specialist text

``--specialist`` reads public text the team did not write, available offline: Debian's package descriptions
(the apt lists of this machine, grouped by archive section: science, mathematics, electronics and amateur
radio, statistics, software development, system administration and networking; each description is one line
of a draft of 30), the long descriptions of the installed packages (``/var/lib/dpkg/status``), and the AESLC
Enron sample (energy trading and law). Every finding there counts, so the figure is an upper bound of the false
typos (the texts have a few real ones); the most frequent flagged words are listed.

Accuracy is word-level: each misspelling is judged by the speller (flagged = not a known word) and the first
suggestion compared with the target, ignoring case. Pairs whose target is several words (``a_lot``) are left
out. "first right" counts every pair (an unflagged misspelling counts as wrong).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
sys.path.insert(0, str(ROOT / "src"))


def mitton(path: Path) -> list[tuple[str, str]]:
    pairs, target = [], ""
    for line in path.read_text(encoding="latin-1").splitlines():
        line = line.strip()
        if line.startswith("$"):
            target = line[1:]
        elif line and target:
            pairs.append((line.split()[0], target))
    return pairs


def norvig(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        target, _, wrongs = line.partition(":")
        pairs += [(w, target.strip()) for w in wrongs.split()]
    return pairs


def accuracy(name: str, pairs: list[tuple[str, str]]) -> None:
    from followup_lint.spelling import speller

    sp = speller()
    pairs = [(w, t) for w, t in pairs if "_" not in t and " " not in t and "_" not in w and w != t]
    flagged = right = top3 = 0
    for wrong, target in pairs:
        if sp.known(wrong):
            continue
        flagged += 1
        found = [s.word.lower() for s in sp.suggest(wrong, limit=3)]
        right += bool(found) and found[0] == target.lower()
        top3 += target.lower() in found
    n = len(pairs)
    print(f"{name:34} pairs {n:5}  flagged {flagged / n:.3f}  first right {right / n:.3f}  in top 3 {top3 / n:.3f}")


def typo_check():
    from followup_lint.engine.checks.spelling import Spelling
    from followup_lint.engine.loader import load_rule_file

    check = Spelling(load_rule_file(ROOT / "rules" / "typo" / "spelling.yaml"))
    check.prepare()
    return check


def false_findings(name: str, drafts: list[tuple[str, dict]], show: int = 0) -> None:
    from followup_lint.api import _context
    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import draft_from_text

    check = typo_check()
    words = findings = 0
    examples: list[str] = []
    for text, context in drafts:
        ctx = _context(context) or Context()
        if context.get("dialect"):
            ctx = Context(company=ctx.company, role=ctx.role, interviewers=ctx.interviewers, dialect=context["dialect"])
        doc = Document(draft_from_text(text, "draft.txt"), ctx)
        words += int(doc.metric("words"))
        for f in check.run(doc):
            findings += 1
            line = doc.line_text(f.offset).strip()
            fix = f.fixes[0].replacement if f.fixes else "-"
            examples.append(f"{doc.source[f.offset : f.end]!r} -> {fix}   | {line[:90]}")
    rate = 1000 * findings / words if words else 0.0
    print(f"{name:34} drafts {len(drafts):4}  words {words:6}  typo findings {findings:4}  per 1,000 words {rate:.2f}")
    for line in examples[:show]:
        print("    ", line)


#: Debian archive sections grouped into fields of work.
FIELDS = {
    "science (biology, chemistry, physics, medicine)": ("science",),
    "mathematics, statistics (gnu-r)": ("math", "gnu-r"),
    "electronics, amateur radio": ("electronics", "hamradio"),
    "software development": ("devel", "python", "rust", "golang"),
    "system administration, networking": ("admin", "net", "utils"),
}


def _apt_descriptions() -> dict[str, list[str]]:
    """Short package descriptions from the apt lists, by archive section (empty when there are none)."""
    import glob
    import shutil
    import subprocess

    out: dict[str, list[str]] = {}
    for path in glob.glob("/var/lib/apt/lists/*_Packages*"):
        if path.endswith(".lz4"):
            if not shutil.which("lz4cat"):
                continue
            text = subprocess.run(["lz4cat", path], capture_output=True, check=False).stdout.decode("utf-8", "replace")
        else:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        for stanza in text.split("\n\n"):
            fields = dict(
                line.split(": ", 1) for line in stanza.splitlines() if ": " in line and not line.startswith(" ")
            )
            if "Description" in fields and "Section" in fields:
                out.setdefault(fields["Section"].split("/")[-1], []).append(fields["Description"].strip())
    return out


def _dpkg_long_descriptions() -> list[str]:
    path = Path("/var/lib/dpkg/status")
    if not path.exists():
        return []
    out = []
    for stanza in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
        lines = stanza.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("Description: "):
                body = [x.strip() for x in lines[i + 1 :] if x.startswith(" ") and x.strip() != "."]
                out.append(" ".join(body))
                break
    return [t for t in out if t]


def specialist() -> None:
    """Typo findings per 1,000 words on specialist text (see the module's docstring)."""
    from collections import Counter

    by_section = _apt_descriptions()
    sets: list[tuple[str, list[str]]] = []
    for field, sections in FIELDS.items():
        lines = sorted({d for s in sections for d in by_section.get(s, [])})
        lines = lines[:: max(1, len(lines) // 1500)]  # about 1,500 descriptions a field
        sets.append((f"debian: {field}", [". ".join(lines[i : i + 30]) + "." for i in range(0, len(lines), 30)]))
    sets.append(("debian: installed packages (long)", _dpkg_long_descriptions()))
    enron = DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl"
    if enron.exists():
        sets.append(("aeslc enron (energy, law)", [json.loads(x)["body"] for x in enron.read_text().splitlines()]))
    check = typo_check()
    total_words = total = 0
    for name, texts in sets:
        if not texts:
            print(f"{name:52} skipped: not on this machine")
            continue
        words = findings = 0
        flagged: Counter[str] = Counter()
        for text in texts:
            found = _run_check(check, text)
            words += len(text.split())
            findings += len(found)
            flagged.update(text[f.offset : f.offset + f.length] for f in found)
        total_words, total = total_words + words, total + findings
        common = " ".join(f"{w}({n})" if n > 1 else w for w, n in flagged.most_common(12))
        print(f"{name:52} words {words:6}  typo findings {findings:4}  per 1,000 words {1000 * findings / words:5.2f}")
        print(f"    {common}")
    if total_words:
        print(
            f"{'all specialist text':52} words {total_words:6}  typo findings {total:4}  per 1,000 words "
            f"{1000 * total / total_words:5.2f}"
        )


def good_fixtures() -> list[tuple[str, dict]]:
    import yaml

    out = []
    for path in sorted((ROOT / "fixtures" / "good").iterdir()):
        if path.name.endswith(".expect.yaml") or path.name.startswith("."):
            continue
        sidecar = path.with_name(path.name + ".expect.yaml")
        meta = yaml.safe_load(sidecar.read_text()) if sidecar.exists() else {}
        out.append((path.read_text(encoding="utf-8"), (meta or {}).get("context") or {}))
    return out


def speed() -> None:
    from followup_lint.spelling import cache, data, lexicon

    start = time.perf_counter()
    lex = lexicon.load()
    load = time.perf_counter() - start
    key = cache.fingerprint(data.input_files())
    from followup_lint.spelling.speller import Speller

    sp = Speller(lex, key)
    start = time.perf_counter()
    sp.suggest("recieve")
    index = time.perf_counter() - start
    words = ["oppurtunity", "definately", "intrested", "sincerly", "collegue", "acheive", "tommorrow", "wierd"]
    start = time.perf_counter()
    for word in words:
        sp.suggest(word, limit=3)
    each = (time.perf_counter() - start) / len(words)
    print(f"load spelling resources (cached)   {load * 1000:.0f} ms")
    print(f"suggestion index, on the first typo  {index * 1000:.0f} ms")
    print(f"suggestions for a new misspelling  {each * 1000:.1f} ms each (then remembered)")

    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import draft_from_text

    check = typo_check()
    for label, text in (("no typo", DRAFT), ("two typos", TYPO_DRAFT)):
        draft = draft_from_text(text, "d.txt")
        list(check.run(Document(draft, Context())))  # suggestions for these words are then cached per draft
        runs = 200
        start = time.perf_counter()
        for _ in range(runs):
            list(check.run(Document(draft, Context())))
        per = (time.perf_counter() - start) / runs
        print(f"check a {len(text.split())}-word draft, {label} (typo.spelling, loaded)   {per * 1000:.2f} ms")


DRAFT = (
    "Hi Dana,\n\nThank you for taking the time to speak with me yesterday about the Data Analyst position at "
    "Acme Corp. I enjoyed learning how your team is moving its reporting from spreadsheets to a shared data "
    "warehouse, and how the analysts work with the product managers on each release.\n\n"
    "In my current role at Northwind I rebuilt our weekly sales reports in SQL and Tableau, which cut the time "
    "the finance team spent on them from two days to a few hours. I would be glad to bring that experience to "
    "the migration you described, and I would enjoy helping the wider business "
    "learn the new tools.\n\nThank you again for your time and for the thoughtful questions. I look "
    "forward to hearing about the next steps, and please let me know if I can share anything else that would "
    "help.\n\nBest regards,\nSam Patel"
)
TYPO_DRAFT = DRAFT.replace("enjoyed learning", "enjoyed lerning").replace("thoughtful", "thoughtfull")


def lists(full: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    """The misspelling lists; Birkbeck (children's and adults' handwriting) only with ``full``, every 4th pair."""
    out = [
        ("mitton wikipedia.dat", mitton(DATA / "mitton-misspellings" / "wikipedia.dat")),
        ("mitton aspell.dat", mitton(DATA / "mitton-misspellings" / "aspell.dat")),
        ("norvig spell-testset2", norvig(DATA / "norvig-spell-testsets" / "spell-testset2.txt")),
    ]
    if full:
        out.append(("mitton missp.dat (Birkbeck, 1 in 4)", mitton(DATA / "mitton-misspellings" / "missp.dat")[::4]))
    return [(name, [(w, t) for w, t in pairs if "_" not in t + w and " " not in t and w != t]) for name, pairs in out]


#: A capitalised misspelling at a sentence start, inside a capitalised phrase, and before a comma.
PLACES = {
    "sentence start": "Hi Dana,\n\nThank you for the call on Tuesday. {w} was the part I liked most.\n\nBest,\nSam",
    "capitalised phrase": "Hi Dana,\n\nThank you for the call. I enjoyed meeting the {w} team last week.\n\nBest,\nSam",
    "before a comma": "Hi Dana,\n\nThank you for the call on Tuesday. {w}, we would be glad to talk again."
    "\n\nBest,\nSam",
}

#: Names of people, places and brands from many cultures (written for this measure; none is a misspelling).
NAMES = [
    "Aaliyah",
    "Abebe",
    "Adaeze",
    "Adebayo",
    "Afua",
    "Ahmed",
    "Aiko",
    "Ainhoa",
    "Akosua",
    "Alejandro",
    "Aleksandr",
    "Anahera",
    "Anil",
    "Anouk",
    "Arjun",
    "Asha",
    "Astrid",
    "Ayodele",
    "Bao",
    "Bartosz",
    "Bilal",
    "Bjorn",
    "Chidi",
    "Chinedu",
    "Chiara",
    "Dagny",
    "Dmitri",
    "Dorcas",
    "Eero",
    "Efua",
    "Emeka",
    "Esra",
    "Farida",
    "Fatima",
    "Femi",
    "Finn",
    "Gaurav",
    "Giang",
    "Gunnar",
    "Habib",
    "Hamza",
    "Haruto",
    "Hemi",
    "Hiroshi",
    "Ifeoma",
    "Ilse",
    "Imran",
    "Ingrid",
    "Isha",
    "Jahan",
    "Jiho",
    "Joaquin",
    "Jomo",
    "Jurgen",
    "Kaito",
    "Kalani",
    "Kamala",
    "Kavya",
    "Kemal",
    "Kenji",
    "Kofi",
    "Laila",
    "Lars",
    "Leilani",
    "Linh",
    "Lucian",
    "Mai",
    "Malak",
    "Mateus",
    "Mehmet",
    "Mei",
    "Minh",
    "Mireille",
    "Nadia",
    "Naledi",
    "Nasrin",
    "Nikhil",
    "Niamh",
    "Nkechi",
    "Nnamdi",
    "Oksana",
    "Olu",
    "Olumide",
    "Omar",
    "Oren",
    "Paulo",
    "Piotr",
    "Priya",
    "Qiang",
    "Rafael",
    "Rahul",
    "Rania",
    "Ravi",
    "Reza",
    "Rohan",
    "Saoirse",
    "Sanjay",
    "Seun",
    "Shira",
    "Siddharth",
    "Sione",
    "Sven",
    "Tadeusz",
    "Taiwo",
    "Tamar",
    "Tariq",
    "Thabo",
    "Thandiwe",
    "Tomasz",
    "Tunde",
    "Uche",
    "Vikram",
    "Wanjiru",
    "Wei",
    "Xin",
    "Yara",
    "Yasmin",
    "Yerlan",
    "Yohannes",
    "Yuki",
    "Zainab",
    "Zanele",
    "Zhen",
    "Zoltan",
    "Zubair",
    "Adeyemi",
    "Banerjee",
    "Chowdhury",
    "Dlamini",
    "Eze",
    "Fujimoto",
    "Gonzalez",
    "Haddad",
    "Iyer",
    "Jankowski",
    "Kowalczyk",
    "Lindqvist",
    "Mahlangu",
    "Nakamura",
    "Okonkwo",
    "Papadopoulos",
    "Quispe",
    "Rahman",
    "Sato",
    "Takahashi",
    "Uzoma",
    "Vasquez",
    "Wojcik",
    "Xiong",
    "Yilmaz",
    "Zhou",
    "Ngata",
    "Kumar",
    "Suzuki",
    "Osei",
    "Acme",
    "Zyntrex",
    "Brightwave",
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Initech",
    "Globex",
    "Hooli",
    "Vandelay",
    "Wakanda",
    "Umbrella",
    "Tyrell",
    "Cyberdyne",
    "Stripe",
    "Shopify",
    "Spotify",
    "Zalando",
    "Klarna",
    "Atlassian",
    "Canva",
    "Xero",
    "Rakuten",
    "Infosys",
    "Wipro",
    "Tata",
    "Safaricom",
    "Jumia",
    "Grab",
    "Gojek",
    "Lagos",
    "Nairobi",
    "Accra",
    "Kigali",
    "Mumbai",
    "Pune",
    "Chennai",
    "Hyderabad",
    "Dhaka",
    "Karachi",
    "Lahore",
    "Jakarta",
    "Manila",
    "Hanoi",
    "Osaka",
    "Busan",
    "Tbilisi",
    "Almaty",
    "Gdansk",
    "Krakow",
    "Porto",
    "Bilbao",
    "Leuven",
    "Utrecht",
    "Tampere",
    "Aarhus",
    "Bergen",
    "Lyon",
    "Quito",
    "Cusco",
    "Rosario",
    "Oaxaca",
]


def _run_check(check, text: str, context: dict | None = None) -> list:
    from followup_lint.api import _context
    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import draft_from_text

    doc = Document(draft_from_text(text, "draft.txt"), _context(context or {}) or Context())
    return list(check.run(doc))


def _at(findings: list, start: int):
    return next((f for f in findings if f.offset == start), None)


def capitalised(name: str, pairs: list[tuple[str, str]]) -> None:
    """Each misspelling capitalised and put in a draft in three places: share flagged (any severity), share
    flagged as a warning, first fix right. Pairs whose target is itself capitalised (a name) are left out."""
    check = typo_check()
    pairs = [(w, t) for w, t in pairs if t == t.lower() and w.isalpha()]
    for place, template in PLACES.items():
        flagged = warned = right = 0
        for wrong, target in pairs:
            word = wrong[:1].upper() + wrong[1:]
            text = template.format(w=word)
            found = _at(_run_check(check, text), text.index(word, text.index("call")))
            if found is None:
                continue
            flagged += 1
            warned += found.severity.name == "WARNING"
            right += bool(found.fixes) and found.fixes[0].replacement.lower() == target.lower()
        n = len(pairs)
        print(
            f"{name:30} {place:19} pairs {n:5}  flagged {flagged / n:.3f}  warning {warned / n:.3f}"
            f"  first right {right / n:.3f}"
        )


def names_flagged() -> None:
    """False alarms on names of many cultures, brands and places, in the same three places."""
    check = typo_check()
    for place, template in PLACES.items():
        hits = []
        for word in NAMES:
            text = template.format(w=word)
            found = _at(_run_check(check, text), text.index(word, text.index("call")))
            if found is not None:
                hits.append(f"{word}({found.severity.name[0]})")
        print(f"names ({len(NAMES)}) {place:19} flagged {len(hits):3}  {' '.join(hits)}")


def safety(name: str, pairs: list[tuple[str, str]]) -> None:
    """How often the fix a rule marks safe is wrong, for the shipped rule and a grid of stricter ones."""
    from followup_lint.engine.checks.spelling import safe_fix

    check = typo_check()
    sp = check.speller
    rows = []
    for wrong, target in pairs:
        if sp.known(wrong):
            continue
        found = sp.suggest(wrong, limit=3)
        if found:
            rows.append((wrong, found, found[0].word.lower() == target.lower()))
    options = dict(check.rule.options)
    safe = [ok for word, found, ok in rows if safe_fix(word, found, options, sp)]
    wrong = len(safe) - sum(safe)
    print(
        f"{name:36} flagged {len(rows):5}  safe {len(safe):5} ({len(safe) / max(1, len(rows)):.2f} of flagged)"
        f"  safe and wrong {wrong:4} = {wrong / max(1, len(safe)):.3f}"
    )
    if "--grid" in sys.argv:
        for margin in (3.0, 4.0, 5.0, 6.0, 7.0):
            for shortest in (0, 5, 6, 7, 8):
                for common in (0.0, 15.0, 16.0):
                    opts = {**options, "safe-margin": margin, "safe-shortest": shortest, "safe-common": common}
                    safe = [ok for word, found, ok in rows if safe_fix(word, found, opts, sp)]
                    wrong = len(safe) - sum(safe)
                    print(
                        f"    margin >= {margin:3.1f} letters >= {shortest} common >= {common:4.1f}:"
                        f" safe {len(safe) / max(1, len(rows)):.2f} of flagged, wrong {wrong / max(1, len(safe)):.3f}"
                    )


_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours(ch: str) -> str:
    for r, row in enumerate(_ROWS):
        c = row.find(ch)
        if c >= 0:
            near = [row[c + d] for d in (-1, 1) if 0 <= c + d < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_ROWS):
                    near += [_ROWS[other][k] for k in (c - 1, c, c + 1) if 0 <= k < len(_ROWS[other])]
            return "".join(near)
    return ""


def _slip(word: str, rng) -> str:
    """One typing slip, never on the first letter: a neighbouring key, two letters swapped, one dropped or
    doubled, or a neighbouring key struck as well."""
    i = rng.randrange(1, len(word))
    kind = rng.choice(("key", "swap", "drop", "double", "extra"))
    if kind == "key" and _neighbours(word[i]):
        return word[:i] + rng.choice(_neighbours(word[i])) + word[i + 1 :]
    if kind == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "extra" and _neighbours(word[i]):
        return word[:i] + rng.choice(_neighbours(word[i])) + word[i:]
    return word[:i] + word[i] + word[i:]


def slips(per_draft: int = 3) -> None:
    """Typing slips in context: up to ``per_draft`` lowercase words of each good fixture (four letters or more,
    one at a time) given one slip, then the same for its capitalised dictionary words that are not names (most
    start a sentence); share flagged, first fix right, and fixes marked safe that are wrong."""
    import random
    import re

    check = typo_check()
    sp = check.speller
    for label, cased in (("lowercase words", False), ("capitalised words", True)):
        rng = random.Random(18)
        n = flagged = right = safe = safe_wrong = 0
        wrongs: list[str] = []
        for text, context in good_fixtures():
            words = [
                m
                for m in re.finditer(r"(?<![\w'@./-])[A-Za-z]{4,}(?![\w'@/-])", text)
                if (m.group()[0].isupper() if cased else m.group().islower())
                and m.group()[1:].islower()
                and sp.known(m.group().lower())
                and m.group().lower() not in sp.lexicon.frequent  # the same sample with or without that list
            ]
            for m in rng.sample(words, min(per_draft, len(words))):
                word = m.group()
                typo = _slip(word, rng)
                if sp.known(typo) or sp.known(typo.lower()) or typo.lower() == word.lower():
                    continue
                n += 1
                found = _at(_run_check(check, text[: m.start()] + typo + text[m.end() :], context), m.start())
                if found is None:
                    continue
                flagged += 1
                ok = bool(found.fixes) and found.fixes[0].replacement.lower() == word.lower()
                right += ok
                if found.fixes and found.fixes[0].safe:
                    safe += 1
                    if not ok:
                        safe_wrong += 1
                        wrongs.append(f"{typo}->{found.fixes[0].replacement} ({word})")
        print(
            f"typing slips, {label:17}  slips {n:4}  flagged {flagged / n:.3f}  first right {right / n:.3f}"
            f"  safe {safe}  safe and wrong {safe_wrong} {' '.join(wrongs)}"
        )


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    if "--capitalised" in sys.argv:
        for name, pairs in lists():
            capitalised(name, pairs)
        names_flagged()
        return 0
    if "--safe" in sys.argv:
        for name, pairs in lists(full=True):
            safety(name, pairs)
        return 0
    if "--specialist" in sys.argv:
        specialist()
        return 0
    if "--slips" in sys.argv:
        slips()
        return 0
    quick = "--quick" in sys.argv
    speed()
    accuracy("mitton wikipedia.dat", mitton(DATA / "mitton-misspellings" / "wikipedia.dat"))
    accuracy("norvig spell-testset2", norvig(DATA / "norvig-spell-testsets" / "spell-testset2.txt"))
    accuracy("mitton aspell.dat", mitton(DATA / "mitton-misspellings" / "aspell.dat"))
    if not quick:
        accuracy("norvig spell-testset1 (tuning)", norvig(DATA / "norvig-spell-testsets" / "spell-testset1.txt"))
    enron = [
        (json.loads(line)["body"], {})
        for line in (DATA / "aeslc-enron-sample" / "aeslc_dev_every4th.jsonl").read_text().splitlines()
    ]
    false_findings("aeslc-enron-sample (all typo findings)", enron, show=0 if quick else 60)
    false_findings("fixtures/good", good_fixtures(), show=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
