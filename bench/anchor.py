#!/usr/bin/env python3
"""
The theme engine's anchor: scikit-learn TF-IDF + LSA-100 + k-means, k = the number of labels.

Issue 13 gave the anchors of the four labelled corpora in ../shared/data (0.43, 0.14, 0.10, 0.456)
without their exact recipe. This script is the recipe we use to measure an anchor ourselves, for a
corpus that has none (bench:themes' unseen corpus, the Grand Débat answers labelled by question):
sublinear tf, words in at least 2 texts and at most half of them, stopwords-iso's French list (the
engine's own source list), 100 SVD dimensions, unit rows, k-means with 10 starts; the mean NMI of
seeds 0 to 4. It prints, for each corpus, the NMI it measures beside the anchor the issue gave.

Then a supervised reference, which no clustering is expected to reach: a classifier that learns the
labels themselves (linear SVM and logistic regression on the same TF-IDF), each text predicted by a
model trained on the other four fifths (5-fold cross-validation, stratified, seed 0), scored with
the same NMI against the given labels. Where that is under the issue's floor (1.25 × anchor), the
words of the texts do not hold the given themes well enough for any bag-of-words method to reach it.

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
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC
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


def tfidf(texts, stopwords):
    return TfidfVectorizer(max_df=0.5, min_df=2, sublinear_tf=True, stop_words=stopwords).fit_transform(texts)


def anchor(x, labels, seeds=range(5)):
    k = len(set(labels))
    scores = []
    for seed in seeds:
        z = make_pipeline(TruncatedSVD(100, random_state=seed), Normalizer(copy=False)).fit_transform(x)
        scores.append(normalized_mutual_info_score(labels, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(z)))
    return float(np.mean(scores)), float(np.std(scores)), k


def supervised(x, labels):
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    return [
        normalized_mutual_info_score(labels, cross_val_predict(model, x, labels, cv=folds))
        for model in (LinearSVC(C=0.5), LogisticRegression(C=10, max_iter=2000))
    ]


def main():
    stopwords = open(sys.argv[1], encoding="utf8").read().split("\n")
    corpora = []
    for file, rows, by, given in CORPORA:
        with open(os.path.join(DATA, file), encoding="utf8") as f:
            records = list(csv.DictReader(f))[:rows] if rows else list(csv.DictReader(f))
        texts = [f"{r['title']} {r['body']}".strip() for r in records]
        labels = [f"{r['label']} {r['question']}" if by == "question" else r["label"] for r in records]
        corpora.append((file[:-4] + (f", {rows} by {by}" if rows else ""), tfidf(texts, stopwords), labels, given))
    print(f"{'corpus':45} {'texts':>6} {'k':>3} {'NMI':>6} {'±':>6}  issue 13's anchor")
    measured = []
    for name, x, labels, given in corpora:
        nmi, sd, k = anchor(x, labels)
        measured.append(nmi)
        print(f"{name:45} {x.shape[0]:>6} {k:>3} {nmi:6.3f} {sd:6.3f}  {given if given is not None else '–'}", flush=True)
    print("\nSupervised reference (labels learnt, 5-fold cross-validation): NMI of the predicted labels")
    print(f"{'corpus':45} {'SVM':>6} {'logistic':>8}  floor (1.25 × anchor: the issue's, else the one measured above)")
    for (name, x, labels, given), nmi in zip(corpora, measured):
        svm, logistic = supervised(x, labels)
        print(f"{name:45} {svm:6.3f} {logistic:8.3f}  {1.25 * (given if given is not None else nmi):.3f}", flush=True)


if __name__ == "__main__":
    main()
