"""Train the sentence tone model and write ``rules/_data/tone-model.json`` (reproduced exactly on a rerun).

    .venv/bin/python bench/train_tone.py            # train, print the figures, write the model
    .venv/bin/python bench/train_tone.py --check    # fail if the shipped model differs from a rebuild

Data: ``bench/data/tone/sentences.tsv`` (6,351 sentences written for this project, MIT; see its README).
It is split by writer, never by sentence: per part of the corpus (a, b, c, d), 2 writers for test, 2 for dev,
the rest for training (chosen by a hash of the writer id); a part of fewer than 5 writers (p, e, g) trains
only.
Model: softmax regression over the features of ``followup_lint.engine.sentence_tone.features`` that occur at
least twice in training, L2 penalty, full-batch Adam (numpy, float64, fixed steps: deterministic); prior odds
by message kind (``KIND_ODDS``) are stored with it, not fitted. Thresholds, on dev: a sentence is
reported when its probability of not being polite (1 - p(polite)) reaches ``suggest`` (dev precision >= 0.85),
as a warning from ``warn`` (dev precision >= 0.95), with its likeliest non-polite label. Precision is
computed with each polite sentence counted 9 times (``POLITE_WEIGHT``), as in real follow-ups. The test
writers are scored once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from hashlib import blake2b
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from followup_lint.engine.sentence_tone import features  # noqa: E402
from shipped import write_or_check  # noqa: E402

DATA = ROOT / "bench" / "data" / "tone" / "sentences.tsv"
OUT = ROOT / "rules" / "_data" / "tone-model.json"
LABELS = ("polite", "demanding", "impatient", "passive-aggressive", "desperate", "grovelling", "hostile", "arguing")
L2 = 2.0
STEPS = 300
RATE = 0.03
MIN_COUNT = 2
#: How many times a polite sentence counts when thresholds are chosen: real follow-ups hold about nine polite
#: sentences for each one that is not (the corpus about one for one).
POLITE_WEIGHT = 9
#: Prior odds by message kind (``ToneModel.kind_odds``): the corpus has each flaw about equally often whatever the
#: message, real messages do not. A reply to a rejection has nothing left to wait for or demand, and its flaws
#: are arguing with the decision, sarcasm and hostility; a check-in's are impatience, veiled reproach and
#: demands. Set by that reasoning, not fitted (the corpus sentences have no kind), at a factor of 2 (1/2 for
#: the flaws a kind cannot have); measured on the tune half of the independent sets (bench/evalsets.py).
KIND_ODDS = {
    "post-rejection": {"arguing": 2.0, "hostile": 2.0, "passive-aggressive": 2.0, "impatient": 0.5, "demanding": 0.5},
    "check-in": {"impatient": 2.0, "passive-aggressive": 2.0, "demanding": 2.0, "arguing": 0.5},
}


def read() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines()[1:]:
        writer, label, sentence = line.split("\t")
        rows.append((writer, label, sentence))
    return rows


def split(writers: list[str]) -> dict[str, str]:
    """Writer -> train, dev or test: per corpus part (a, b, c, d), the 2 lowest hashes test, the next 2 dev; a part of
    fewer than 5 writers (p: hard negatives written by the project) is training data only."""
    out = {}
    for half in sorted({w[0] for w in writers}):
        ranked = sorted((w for w in writers if w[0] == half), key=lambda w: blake2b(w.encode()).hexdigest())
        for i, w in enumerate(ranked):
            out[w] = "train" if len(ranked) < 5 else "test" if i < 2 else "dev" if i < 4 else "train"
    return out


class Rows:
    """Sentences as sparse binary feature rows: for each (row, column) pair a 1."""

    def __init__(self, rows: list[tuple[str, str, str]], vocab: dict[str, int]) -> None:
        pairs = [(i, vocab[f]) for i, (_, _, s) in enumerate(rows) for f in features(s) if f in vocab]
        self.n = len(rows)
        self.row = np.array([i for i, _ in pairs], dtype=np.int64)
        self.col = np.array([j for _, j in pairs], dtype=np.int64)

    def scores(self, w: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n, w.shape[1]))
        np.add.at(out, self.row, w[self.col])
        return out + b


def softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(axis=1, keepdims=True)


def fit(x: Rows, y: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Full-batch Adam on the mean cross-entropy plus an L2 penalty: deterministic, and each rare feature moves
    at its own pace (plain gradient descent left most weights near 0)."""
    k = len(LABELS)
    w, b = np.zeros((d, k)), np.zeros(k)
    onehot = np.eye(k)[y]
    moments = [np.zeros((d, k)), np.zeros((d, k)), np.zeros(k), np.zeros(k)]
    for t in range(1, STEPS + 1):
        grad = (softmax(x.scores(w, b)) - onehot) / x.n
        gw = np.zeros((d, k))
        np.add.at(gw, x.col, grad[x.row])
        gw += L2 * w / x.n
        for value, g, m, v in ((w, gw, moments[0], moments[1]), (b, grad.sum(axis=0), moments[2], moments[3])):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            value -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w, b


def predict(x: Rows, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return softmax(x.scores(w, b))


def weighted_precision(flagged: np.ndarray, y: np.ndarray) -> float:
    """Precision with each polite sentence counted POLITE_WEIGHT times: in real follow-ups most sentences are
    polite (the corpus has about half), and precision falls with the share of polite sentences."""
    polite = float(((y == 0) & flagged).sum()) * POLITE_WEIGHT
    rude = float(((y != 0) & flagged).sum())
    return rude / (rude + polite) if rude + polite else 0.0


def threshold(p: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The lowest probability of "not polite" (1 - p(polite)) at which flagged sentences reach ``precision``."""
    for t in np.arange(0.30, 0.991, 0.01):
        flagged = 1 - p[:, 0] >= t
        if flagged.sum() >= 5 and weighted_precision(flagged, y) >= precision:
            return round(float(t), 2)
    return 0.99


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """The probability that a positive scores above a negative (ties count half), by ranks."""
    ranks = np.concatenate([positive, negative]).argsort().argsort().astype(float) + 1
    values = np.concatenate([positive, negative])
    for v in np.unique(values):  # ties: their mean rank
        same = values == v
        if same.sum() > 1:
            ranks[same] = ranks[same].mean()
    n, m = len(positive), len(negative)
    return float((ranks[:n].sum() - n * (n + 1) / 2) / (n * m))


def report(name: str, p: np.ndarray, y: np.ndarray, t: float) -> dict[str, float]:
    top = 1 + p[:, 1:].argmax(axis=1)
    flagged = 1 - p[:, 0] >= t
    bad = y != 0
    precision = weighted_precision(flagged, y)
    recall = float(flagged[bad].mean())
    exact = float((top[flagged] == y[flagged]).mean()) if flagged.any() else 0.0
    print(
        f"  {name:12} at {t:.2f}: precision {precision:.3f} (polite x{POLITE_WEIGHT})  recall {recall:.3f}  "
        f"right label {exact:.3f}"
    )
    return {"precision": round(precision, 3), "recall": round(recall, 3), "label": round(exact, 3)}


def build() -> tuple[dict, str]:
    rows = read()
    part = split(sorted({r[0] for r in rows}))
    sets = {s: [r for r in rows if part[r[0]] == s] for s in ("train", "dev", "test")}
    counts = Counter(f for _, _, s in sets["train"] for f in features(s))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    y = {s: np.array([LABELS.index(r[1]) for r in sets[s]]) for s in sets}
    x = {s: Rows(sets[s], vocab) for s in sets}
    w, b = fit(x["train"], y["train"], len(vocab))
    p = {s: predict(x[s], w, b) for s in sets}
    warn = threshold(p["dev"], y["dev"], 0.95)
    suggest = threshold(p["dev"], y["dev"], 0.85)
    print(
        f"sentences: train {len(sets['train'])}, dev {len(sets['dev'])}, test {len(sets['test'])}; "
        f"features {len(vocab)}"
    )
    for s in ("dev", "test"):
        bad = 1 - p[s][:, 0]
        print(f"  {s}: AUC polite vs not {auc(bad[y[s] != 0], bad[y[s] == 0]):.3f}")
    figures = {}
    for s in ("dev", "test"):
        for name, t in (("warn", warn), ("suggest", suggest)):
            figures[f"{s}_{name}"] = report(f"{s}/{name}", p[s], y[s], t)
    weights = {}
    for f, i in vocab.items():
        row = [round(float(v), 3) for v in w[i]]
        if any(abs(v) >= 0.005 for v in row):
            weights[f] = row
    writers = {s: sorted({r[0] for r in sets[s]}) for s in sets}
    model = {
        "about": "Sentence tone model for followup-lint (engine/sentence_tone.py); written by bench/train_tone.py.",
        "source": f"bench/data/tone/sentences.tsv: {len(rows):,} sentences by {len(part)} writers given personas "
        "and the project, written for this project (licence MIT). No public data.",
        "model": f"softmax regression, L2 {L2}, {STEPS} full-batch Adam steps of {RATE}, features seen >= {MIN_COUNT}",
        "split": writers,
        "figures": figures,
        "labels": list(LABELS),
        "bias": [round(float(v), 4) for v in b],
        "warn": warn,
        "suggest": suggest,
        "kind_odds": KIND_ODDS,
        "weights": weights,
    }
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
    return model, text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped model differs from a rebuild")
    args = parser.parse_args()
    _, text = build()
    return write_or_check(OUT, text, check=args.check, root=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
