"""Near-duplicate articles: wire copies, re-posts, the same story with a changed paragraph.

Each article's text is cut into word shingles (SHINGLE consecutive words, lowercased); two articles
are near-duplicates when the Jaccard similarity of their shingle sets is at least THRESHOLD,
estimated with MinHash (datasketch's, computed here; NUM_PERM permutations) and found with an LSH index, so that
an article is compared with its few candidates, not with every article before it. Identical texts
(the same sha256) are the easy case and need no estimate.

THRESHOLD = 0.5 on 5-word shingles: a copy with one paragraph of six rewritten keeps about .7 of
its shingles in common; two articles written separately about the same event share well under .2
(names and quotes, rarely five words in a row of the same prose). Short texts (under MIN_WORDS
words) are too small for an estimate: only exact copies count for them.

Decided in the main process, in input order: an article's `duplicate_of` is the `article_id` of
the first article before it that it duplicates, whatever the number of workers or the engine, and a
resumed run (which re-reads the inputs from the start) rebuilds the same index. The decision is
cheap; the signature (shingles and MinHash, about 0.1 s of a 120,000-word run) is not: with several local
workers and --dedupe mark the workers compute it (text_signature) and the main process decides as
each batch comes back, in input order (batch.py); otherwise the reader decides (mark_duplicates)."""
from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy

from .rows import Article

THRESHOLD = 0.5
NUM_PERM = 64
BANDS, ROWS = 16, 4           # LSH bands of NUM_PERM hashes: an article at Jaccard .6 is a candidate 9 times in 10, at .7 always
SHINGLE = 5
MIN_WORDS = 2 * SHINGLE
MODES = ("mark", "skip", "off")
_WORD = re.compile(r"\w+")


def sha256(text: str) -> str:
    """The hex SHA-256 of TEXT's UTF-8: an exact copy's mark here, and the articles table's `sha256`."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def shingles(text: str, n: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


def signature(sh: set[bytes]) -> array:
    """The MinHash signature of a shingle set: datasketch's MinHash (version 2's default "affine32"
    scheme, seed 1) computed here with numpy, because importing datasketch imports scipy.integrate
    through its LSH module (0.3 s of CPU in every process that signs, on its first article).
    tests/test_dedupe.py checks it against datasketch's own on many sets. Each shingle's SHA-1 (its
    first four bytes, little-endian), mixed by the MurmurHash3 finalizer, then per permutation
    a * h + b modulo 2**32; the signature is each permutation's minimum."""
    a, b = _permutations()
    if not sh:
        return array("I", [0xFFFFFFFF] * NUM_PERM)  # datasketch's empty MinHash
    hv = numpy.fromiter((int.from_bytes(hashlib.sha1(x).digest()[:4], "little") for x in sh),
                        dtype=numpy.uint32, count=len(sh)).reshape(-1, 1)
    hv ^= hv >> numpy.uint32(16)
    hv *= numpy.uint32(0x85EBCA6B)
    hv ^= hv >> numpy.uint32(13)
    hv *= numpy.uint32(0xC2B2AE35)
    hv ^= hv >> numpy.uint32(16)
    return array("I", (hv * a + b).min(axis=0).tobytes())


@lru_cache(maxsize=1)
def _permutations() -> tuple:
    """The NUM_PERM affine permutations (odd a, any b) datasketch draws from its fixed seed, 1."""
    gen = numpy.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return a, b


class NearDuplicates:
    """The articles seen so far, and which of them a new article duplicates. Signatures live in one
    flat array and each LSH band in a dict from the band's hash to the first article holding it
    (a list when several do): about 1.5 kB an article, where datasketch's own index takes 5."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.exact: dict[str, str] = {}
        self.bands: list[dict[int, int | list[int]]] = [{} for _ in range(BANDS)]
        self.signatures = array("I")
        self.ids: list[str] = []

    def similarity(self, key: int, sig: array) -> float:
        """Estimated Jaccard similarity of article KEY's shingles and those behind SIG."""
        other = self.signatures[key * NUM_PERM:(key + 1) * NUM_PERM]
        return sum(x == y for x, y in zip(other, sig)) / NUM_PERM

    def candidates(self, sig: array) -> set[int]:
        found: set[int] = set()
        for b, table in enumerate(self.bands):
            hit = table.get(hash(tuple(sig[b * ROWS:(b + 1) * ROWS])))
            if hit is not None:
                found.update(hit if isinstance(hit, list) else (hit,))
        return found

    def add(self, sig: array, article_id: str) -> None:
        key = len(self.ids)
        self.ids.append(article_id)
        self.signatures.extend(sig)
        for b, table in enumerate(self.bands):
            h = hash(tuple(sig[b * ROWS:(b + 1) * ROWS]))  # ints and tuples of ints hash the same in every run
            hit = table.get(h)
            if hit is None:
                table[h] = key
            elif isinstance(hit, list):
                hit.append(key)
            else:
                table[h] = [hit, key]

    def first_duplicate(self, article_id: str, text: str) -> str:
        """The article_id of the first article seen that TEXT near-duplicates ('' when none); then
        TEXT is added to what is seen."""
        digest = sha256(text)
        if digest in self.exact:  # an exact copy needs no signature
            return self.exact[digest]
        return self.first_duplicate_of(article_id, digest, text_signature(text))

    def first_duplicate_of(self, article_id: str, digest: str, sig: array | None) -> str:
        """first_duplicate() of a text known by its sha256 DIGEST and text_signature() SIG."""
        if digest in self.exact:
            return self.exact[digest]
        self.exact[digest] = article_id
        if sig is None:
            return ""
        hits = sorted(k for k in self.candidates(sig) if self.similarity(k, sig) >= self.threshold)
        self.add(sig, article_id)
        return self.ids[hits[0]] if hits else ""


def text_signature(text: str) -> array | None:
    """The MinHash signature of TEXT's shingles; None for a text too short for an estimate (only
    its exact copies count)."""
    sh = shingles(text)
    if len(sh) < MIN_WORDS - SHINGLE + 1:
        return None
    return signature(sh)


def is_deduplicated(a: Article) -> bool:
    """Whether article A takes part in near-duplicate detection: read, with some text."""
    return a.status == "ok" and bool(a.text.strip())


def batch_signatures(batch: list[Article]) -> list[array | None]:
    """text_signature() of each article of BATCH that takes part in dedupe (else None), as a worker
    computes them for the main process's decisions."""
    return [text_signature(a.text) if is_deduplicated(a) else None for a in batch]


def mark_duplicates(articles: Iterable[Article], mode: str = "mark") -> Iterator[Article]:
    """ARTICLES, in order, with `duplicate_of` filled (MODE mark or skip); with skip, a duplicate
    is also `skipped` (not extracted), its row saying of what. MODE off passes them through."""
    if mode == "off":
        yield from articles
        return
    seen = NearDuplicates()
    for a in articles:
        if is_deduplicated(a):
            a.duplicate_of = seen.first_duplicate(a.article_id, a.text)
            if a.duplicate_of and mode == "skip":
                a.status, a.error = "skipped", f"near-duplicate of {a.duplicate_of} (--dedupe skip)"
        yield a
