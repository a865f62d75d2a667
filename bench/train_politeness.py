"""Fit the politeness meter's weights on the Wikipedia half of the Stanford Politeness Corpus.

Logistic regression (L2, Newton's method, numpy) over the strategy features of
``followup_lint.engine.checks.politeness_features`` (binary, plus question marks per sentence), trained on the
most polite quartile (label 1) against the least polite quartile (label 0), the setup of Danescu-Niculescu-Mizil
et al. (ACL 2013).

    .venv/bin/python bench/train_politeness.py           # print cross-validated figures only
    .venv/bin/python bench/train_politeness.py --write   # also write rules/_data/politeness-weights.yaml

The data is found at $FOLLOWUP_LINT_DATA (default ../shared/data); it is never copied into the repository.
"""

from __future__ import annotations

import csv
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FOLLOWUP_LINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
CORPUS = DATA / "stanford-politeness" / "wikipedia.annotated.csv"
WEIGHTS = ROOT / "rules" / "_data" / "politeness-weights.yaml"
#: L2 penalty on the weights (not the bias); chosen once by hand, not tuned per fold.
L2 = 1.0
FOLDS = 10
SEED = 2013


def load_requests(path: Path = CORPUS) -> list[tuple[str, float]]:
    """(request text, normalized politeness score) for every row of the corpus file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["Request"], float(row["Normalized Score"])) for row in csv.DictReader(handle)]


def quartiles(scores: list[float]) -> tuple[float, float]:
    """The first and third quartile of ``scores`` (nearest rank)."""
    ordered = sorted(scores)
    return ordered[len(ordered) // 4], ordered[(3 * len(ordered)) // 4]


def featurize(texts: list[str]) -> list[list[float]]:
    """The strategy feature vector of each text, in ``FEATURES`` order."""
    os.environ.setdefault("FOLLOWUP_LINT_MODEL", "none")
    from followup_lint.engine.checks.politeness_features import FEATURES, sentences_of, strategy_features
    from followup_lint.engine.nlp import pipeline

    nlp = pipeline()
    rows = []
    for doc in nlp.pipe(texts, batch_size=256):
        found = strategy_features(sentences_of(doc.sents))
        rows.append([found[name] for name in FEATURES])
    return rows


def fit(x: list[list[float]], y: list[int], l2: float = L2) -> tuple[float, list[float]]:
    """Bias and weights of an L2-regularised logistic regression (Newton's method)."""
    import numpy as np

    a = np.hstack([np.ones((len(x), 1)), np.asarray(x, dtype=float)])
    t = np.asarray(y, dtype=float)
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - t) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty) + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[0]), [float(v) for v in w[1:]]


def score(bias: float, weights: list[float], row: list[float]) -> float:
    return bias + sum(w * v for w, v in zip(weights, row, strict=True))


def auc(positives: list[float], negatives: list[float]) -> float:
    """Area under the ROC curve: the chance a positive outscores a negative (ties count half)."""
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum = 0.0
    index = 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        mean_rank = (index + 1 + end) / 2
        rank_sum += mean_rank * sum(label for _, label in ranked[index:end])
        index = end
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg) if n_pos and n_neg else float("nan")


def polar(requests: list[tuple[str, float]]) -> tuple[list[str], list[int]]:
    """The requests in the top (1) and bottom (0) quartile of the politeness score."""
    low, high = quartiles([s for _, s in requests])
    chosen = [(text, 1 if s >= high else 0) for text, s in requests if s >= high or s <= low]
    return [t for t, _ in chosen], [label for _, label in chosen]


def cross_validate(x: list[list[float]], y: list[int], folds: int = FOLDS, seed: int = SEED) -> list[float]:
    """Out-of-fold scores: each request scored by weights fitted without it."""
    order = list(range(len(x)))
    random.Random(seed).shuffle(order)
    out = [0.0] * len(x)
    for fold in range(folds):
        held = set(order[fold::folds])
        train = [i for i in order if i not in held]
        bias, weights = fit([x[i] for i in train], [y[i] for i in train])
        for i in held:
            out[i] = score(bias, weights, x[i])
    return out


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print(f"skipped: data not found ({CORPUS})")
        return 0
    from followup_lint.engine.checks.politeness_features import FEATURES

    texts, labels = polar(load_requests())
    x = featurize(texts)
    oof = cross_validate(x, labels)
    pos = [s for s, label in zip(oof, labels, strict=True) if label]
    neg = [s for s, label in zip(oof, labels, strict=True) if not label]
    accuracy = sum((s > 0) == bool(label) for s, label in zip(oof, labels, strict=True)) / len(labels)
    print(f"requests: {len(labels)} ({len(pos)} polite, {len(neg)} impolite quartile)")
    print(f"{FOLDS}-fold cross-validated AUC: {auc(pos, neg):.3f}   accuracy: {accuracy:.3f}")
    bias, weights = fit(x, labels)
    for name, weight in sorted(zip(FEATURES, weights, strict=True), key=lambda p: p[1]):
        print(f"  {name:22} {weight:+.3f}")
    if "--write" in argv:
        write_weights(bias, weights, len(labels), auc(pos, neg), accuracy)
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


def write_weights(bias: float, weights: list[float], n: int, cv_auc: float, accuracy: float) -> None:
    from followup_lint.engine.checks.politeness_features import FEATURES

    lines = [
        "# Weights of the politeness meter (rules/tone/politeness.yaml).",
        "# Generated by bench/train_politeness.py --write; do not edit by hand. How they were obtained:",
        f"#   data: Stanford Politeness Corpus, Wikipedia half ({n} requests: the most and least polite quartiles of",
        "#         the normalized score), ../shared/data/stanford-politeness/wikipedia.annotated.csv",
        "#         (sudhof/politeness @ 0449a150, Apache-2.0 / CC BY 4.0). Stack Exchange half not used.",
        "#   features: politeness strategies (followup_lint/engine/checks/politeness_features.py): binary, plus",
        "#         question marks per sentence; sentiment words from rules/_data/sentiment-vader.txt (VADER, MIT)",
        f"#   model: logistic regression, L2 penalty {L2} on the weights, Newton's method; polite quartile = 1",
        f"#   {FOLDS}-fold cross-validation (seed {SEED}): AUC {cv_auc:.3f}, accuracy {accuracy:.3f}",
        "#   meter: politeness = 2 * sigmoid(bias + sum(weight * feature)) - 1, in [-1, 1]",
        "source: Danescu-Niculescu-Mizil et al., A computational approach to politeness, ACL 2013",
        f"cv_auc: {cv_auc:.3f}",
        f"bias: {bias:.4f}",
        "weights:",
    ]
    lines += [f"  {name}: {weight:.4f}" for name, weight in zip(FEATURES, weights, strict=True)]
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
