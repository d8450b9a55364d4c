"""Near-duplicates (extractor/dedupe.py): exact copies, copies with a changed paragraph, and two
different articles on the same story; the same duplicate_of for 1 and 2 workers and after --resume."""
from __future__ import annotations

import pytest

from extractor.dedupe import NearDuplicates, mark_duplicates, shingles
from extractor.rows import Article
from tests.newspages import ARTICLES

ORIGINAL = "\n\n".join(ARTICLES[0]["body"])
CHANGED_PARAGRAPH = "\n\n".join(ARTICLES[0]["body"][:3] + [
    "Ferry operators said they would add two boats to the route, and the city offered free bus passes to "
    "residents of the southern districts for the length of the closure."] + ARTICLES[0]["body"][4:])
# The same event, written separately: same facts, names and figures, other sentences.
SAME_STORY = "\n\n".join([
    "Drivers in Eastgate face six weeks of detours from April 3, when the harbour bridge shuts so that "
    "its rusting cables can be replaced.",
    "Lena Morrow, who directs infrastructure at the regional transport authority, called the closure a "
    "real burden but said January's inspection had made it unavoidable.",
    "Some 41,000 vehicles use the crossing each weekday. The authority will put on ferries every quarter "
    "of an hour at rush hour and charge one euro a trip.",
    "The work is budgeted at 18.5 million euros, largely from a national infrastructure fund.",
])


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_the_threshold_separates_copies_from_other_articles_on_the_story():
    assert jaccard(ORIGINAL, CHANGED_PARAGRAPH) > 0.6
    assert jaccard(ORIGINAL, SAME_STORY) < 0.1


@pytest.mark.parametrize("text, duplicate", [
    (ORIGINAL, True),                                  # exact copy
    (ORIGINAL.replace("\n\n", "\n"), True),            # the same words, other line breaks
    (CHANGED_PARAGRAPH, True),                         # a wire copy with one paragraph rewritten
    (SAME_STORY, False),                               # another article on the same story
    ("\n\n".join(ARTICLES[1]["body"]), False),         # an unrelated article
])
def test_first_duplicate(text, duplicate):
    seen = NearDuplicates()
    assert seen.first_duplicate("a", ORIGINAL) == ""
    assert seen.first_duplicate("b", text) == ("a" if duplicate else "")


def test_duplicate_of_names_the_first_and_skip_skips():
    arts = [Article("1", text=ORIGINAL), Article("2", text=SAME_STORY), Article("3", text=CHANGED_PARAGRAPH),
            Article("4", text=ORIGINAL), Article("5", status="error", error="x")]
    marked = list(mark_duplicates([Article(a.article_id, text=a.text, status=a.status) for a in arts], "mark"))
    assert [a.duplicate_of for a in marked] == ["", "", "1", "1", ""]
    assert all(a.status == s for a, s in zip(marked, ["ok", "ok", "ok", "ok", "error"]))
    skipped = list(mark_duplicates([Article(a.article_id, text=a.text, status=a.status) for a in arts], "skip"))
    assert [a.status for a in skipped] == ["ok", "ok", "skipped", "skipped", "error"]
    assert "near-duplicate of 1" in skipped[2].error


def test_short_texts_count_only_as_exact_copies():
    seen = NearDuplicates()
    seen.first_duplicate("a", "Markets closed higher on Monday.")
    assert seen.first_duplicate("b", "Markets closed lower on Monday.") == ""
    assert seen.first_duplicate("c", "Markets closed higher on Monday.") == "a"


@pytest.fixture(scope="module")
def dup_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("dups")
    texts = {"01-original.txt": ORIGINAL, "02-other.txt": "\n\n".join(ARTICLES[1]["body"]),
             "03-same-story.txt": SAME_STORY, "04-copy.txt": ORIGINAL, "05-changed.txt": CHANGED_PARAGRAPH,
             "06-third.txt": "\n\n".join(ARTICLES[2]["body"]), "07-copy-of-other.txt": "\n\n".join(ARTICLES[1]["body"])}
    for name, text in texts.items():
        (d / name).write_text(text, encoding="utf8")
    return d


def tables(out):
    from extractor.io.writers import read_table

    return {t: read_table(out / f"{t}.csv") for t in ("articles", "places", "dates")}


def test_same_duplicates_for_1_and_2_workers_and_after_resume(dup_corpus, tmp_path):
    from extractor.batch import run

    run([dup_corpus], tmp_path / "w1", workers=1, batch_size=2)
    run([dup_corpus], tmp_path / "w2", workers=2, batch_size=2)
    run([dup_corpus], tmp_path / "r", workers=1, batch_size=2, limit=3)
    run([dup_corpus], tmp_path / "r", workers=1, batch_size=2, resume=True)
    one = tables(tmp_path / "w1")
    arts = one["articles"].set_index("article_id")
    assert arts["duplicate_of"].to_dict() == {
        "01-original.txt": "", "02-other.txt": "", "03-same-story.txt": "", "04-copy.txt": "01-original.txt",
        "05-changed.txt": "01-original.txt", "06-third.txt": "", "07-copy-of-other.txt": "02-other.txt"}
    for other in (tables(tmp_path / "w2"), tables(tmp_path / "r")):
        for t in one:
            assert one[t].equals(other[t]), t


def test_dedupe_skip_extracts_only_the_first_and_text_gives_the_indexed_text(dup_corpus, tmp_path):
    from extractor.batch import run

    summary = run([dup_corpus], tmp_path / "s", dedupe="skip", text=True)
    t = tables(tmp_path / "s")
    arts = t["articles"].set_index("article_id")
    assert summary.status["skipped"] == 3
    assert arts.loc["04-copy.txt", "status"] == "skipped" and arts.loc["05-changed.txt", "duplicate_of"] == "01-original.txt"
    assert not (t["places"]["article_id"] == "04-copy.txt").any()
    for table in ("places", "dates"):
        for r in t[table].itertuples():
            assert arts.loc[r.article_id, "text"][r.start:r.end] == r.text
    assert arts.loc["01-original.txt", "text"] == ORIGINAL


def test_unknown_dedupe_mode_is_a_usage_error(tmp_path, dup_corpus):
    from extractor.batch import run
    from extractor.errors import InputError

    with pytest.raises(InputError, match="dedupe"):
        run([dup_corpus], tmp_path / "x", dedupe="maybe")


@pytest.mark.parametrize("text", [
    "the mayor said the new bridge would open next spring after two years of work",
    "shares fell sharply on tuesday as investors weighed the central bank's latest rate decision",
])
def test_signature_is_datasketchs_minhash(text):
    from array import array

    datasketch = pytest.importorskip("datasketch", minversion="2.0")  # the affine32 scheme

    from extractor.dedupe import NUM_PERM, shingles, signature
    fresh = datasketch.MinHash(num_perm=NUM_PERM, scheme="affine32")
    fresh.update_batch(sorted(shingles(text)))
    assert signature(shingles(text)) == array("I", fresh.hashvalues.astype("uint32").tobytes())
    assert signature(shingles(text)) != signature(shingles(text + " and more words here"))


def test_signature_is_datasketchs_minhash_on_random_shingle_sets():
    import random
    from array import array

    datasketch = pytest.importorskip("datasketch", minversion="2.0")

    from extractor.dedupe import NUM_PERM, signature
    empty = datasketch.MinHash(num_perm=NUM_PERM, scheme="affine32")
    assert signature(set()) == array("I", empty.hashvalues.astype("uint32").tobytes())
    rng = random.Random(7)
    for n in [1, 2, 5, 40, 300, 2000] * 5:
        sh = {rng.randbytes(rng.randint(1, 40)) for _ in range(n)}
        fresh = datasketch.MinHash(num_perm=NUM_PERM, scheme="affine32")
        fresh.update_batch(sorted(sh))
        assert signature(sh) == array("I", fresh.hashvalues.astype("uint32").tobytes())


def test_signatures_computed_by_workers_give_the_readers_decisions():
    """With several workers the workers compute the signatures and the main process decides as the
    batches come back (batch.mark_signed_duplicates): the same duplicate_of as mark_duplicates()."""
    from extractor.batch import mark_signed_duplicates
    from extractor.dedupe import batch_signatures, sha256
    from extractor.engines.annotate import EncodedResults
    from extractor.rows import article_row

    texts = [ORIGINAL, SAME_STORY, "  \n", CHANGED_PARAGRAPH, "Markets closed higher on Monday.",
             ORIGINAL, "Markets closed higher on Monday.", "\n\n".join(ARTICLES[1]["body"])]
    arts = lambda: [Article(str(i), text=t) for i, t in enumerate(texts)] + [Article("x", status="error")]  # noqa: E731
    expected = [a.duplicate_of for a in mark_duplicates(arts(), "mark")]
    seen, got = NearDuplicates(), []
    batch = arts()
    for part in (batch[:3], batch[3:]):  # two batches: the index carries over
        rows = [article_row(a, n_words=0, sha256=sha256(a.text)) for a in part]
        mark_signed_duplicates(seen, part, EncodedResults(rows, [], {}, batch_signatures(part)))
        got += [r["duplicate_of"] for r in rows]
    assert got == expected == ["", "", "", "0", "", "0", "4", "", ""]
