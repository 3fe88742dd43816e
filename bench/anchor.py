#!/usr/bin/env python3
"""
The theme engine's anchor: scikit-learn TF-IDF + LSA-100 + k-means, k = the number of labels.

Issue 13 gave the anchors of the four labelled corpora in ../shared/data (0.43, 0.14, 0.10, 0.456)
without their exact recipe. This script is the recipe we use to measure an anchor ourselves, for a
corpus that has none (bench:themes' unseen corpus, the Grand Débat answers labelled by question):
sublinear tf, words in at least 2 texts and at most half of them, stopwords-iso's French list (the
engine's own source list), 100 SVD dimensions, unit rows, k-means with 10 starts; the mean NMI of
seeds 0 to 4. It prints, for each corpus, the NMI it measures beside the anchor the issue gave.

Not part of npm test: it needs scikit-learn (Debian: apt-get install python3-sklearn, then run it
with the system's /usr/bin/python3) and the stopword list written by Node:
  node -e "require('fs').writeFileSync('/tmp/stopwords-fr.txt', require('stopwords-iso').fr.join('\\n'))"
  /usr/bin/python3 bench/anchor.py /tmp/stopwords-fr.txt
"""
import csv
import os
import sys
import warnings

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

warnings.filterwarnings("ignore")  # scikit-learn notes that the stopword list is not tokenised as it tokenises
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
CORPORA = [
    # file, rows (None: all), label ("label" or "question": questionnaire and question), the anchor
    ("consultation-an-egalite-2016.csv", None, "label", 0.43),
    ("grand-debat-mel-2019.csv", None, "label", 0.14),
    ("republique-numerique-2015.csv", None, "label", 0.10),
    ("paris-budget-participatif-descriptions.csv", None, "label", 0.456),
    ("grand-debat-2019-answers-100k.csv", 2000, "question", None),
]


def anchor(texts, labels, stopwords, seeds=range(5)):
    x = TfidfVectorizer(max_df=0.5, min_df=2, sublinear_tf=True, stop_words=stopwords).fit_transform(texts)
    k = len(set(labels))
    scores = []
    for seed in seeds:
        z = make_pipeline(TruncatedSVD(100, random_state=seed), Normalizer(copy=False)).fit_transform(x)
        scores.append(normalized_mutual_info_score(labels, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(z)))
    return float(np.mean(scores)), float(np.std(scores)), k


def main():
    stopwords = open(sys.argv[1], encoding="utf8").read().split("\n")
    print(f"{'corpus':45} {'texts':>6} {'k':>3} {'NMI':>6} {'±':>6}  issue 13's anchor")
    for file, rows, by, given in CORPORA:
        with open(os.path.join(DATA, file), encoding="utf8") as f:
            records = list(csv.DictReader(f))[:rows] if rows else list(csv.DictReader(f))
        texts = [f"{r['title']} {r['body']}".strip() for r in records]
        labels = [f"{r['label']} {r['question']}" if by == "question" else r["label"] for r in records]
        nmi, sd, k = anchor(texts, labels, stopwords)
        name = file[:-4] + (f", {rows} by {by}" if rows else "")
        print(f"{name:45} {len(texts):>6} {k:>3} {nmi:6.3f} {sd:6.3f}  {given if given is not None else '–'}", flush=True)


if __name__ == "__main__":
    main()
