"""Pure helpers of the quotes component: quotation-mark spans of a text, and a speaker resolved to the
fullest name among an article's people, officials and organizations rows (no spaCy here)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

OPENING = "\u201c\u00ab\u201e"  # “ « „
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
# Any double quotation mark, and a curly single one: the characters the mark scanners stop at (a
# regex finds them in C, not a Python test per character).
DOUBLE_MARK = re.compile("[" + OPENING + CLOSING + STRAIGHT + "]")
CURLY_SINGLE = re.compile("[\u2018\u2019]")
# A paragraph break: a blank line, or a line break (some feeds keep one paragraph a line).
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Words before a quotation mark that make the quoted words a name or a label, not something said.
LABEL_WORDS = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|named|nicknamed|known as|the word|"
                         r"the phrase|the term|the slogan|hashtag)\W*$", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
MINOR_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by"})


@dataclass(frozen=True)
class Quote:
    """A span in quotation marks, marks included; `closed` is False when the text ran out (or a new
    paragraph began that does not continue it) before a closing mark."""
    start: int
    end: int
    closed: bool = True


def mark_role(text: str, i: int) -> str:
    """Whether the mark at I opens or closes a quotation ("open", "close"), from the mark itself or,
    for a straight mark, from the characters around it."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENING or ch in CLOSING:
        return curly_mark_role(ch, before, after)
    if before.isspace() or before in "([{\u2014-/" or i == 0:
        return "open" if not after.isspace() else "either"
    if after.isspace() or after in ".,;:!?)]}\u2014-" or i + 1 == len(text):
        return "close"
    return "either"


def curly_mark_role(ch: str, before: str, after: str) -> str:
    """A curly mark's role is its shape, unless it stands where only the other one can: an opening
    mark glued to the word or comma before it and followed by a space closes ('here,“ said
    Smith': a smart-quote conversion gone wrong, and the German closing mark), and a closing mark
    after a space and before a letter opens."""
    glued = not before.isspace() and before not in "([{\u2014-/"
    if ch == "\u201c" and glued and (after.isspace() or after in ".,;:!?)]}"):
        return "close"
    if ch == "\u201d" and before.isspace() and after.isalnum():
        return "open"
    return "open" if ch in OPENING else "close"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of TEXT, line breaks excluded."""
    spans, at = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if b > a]


def quote_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), mark_role(text, m.start())) for m in DOUBLE_MARK.finditer(text, start, end)]


def opens_with_quote(text: str, start: int, end: int) -> bool:
    head = text[start:end].lstrip()
    return bool(head) and (head[0] in OPENING or head[0] == STRAIGHT or head.startswith("''") or head.startswith("``"))


def last_inner(text: str, quote: Quote) -> str:
    """The character just inside a quotation's closing mark (the comma of '"Yes," he said')."""
    end = quote.end - 1 if text[quote.end - 2:quote.end] == "''" else quote.end
    return text[end - 2:end - 1]


def find_quotes(text: str) -> list[Quote]:
    """The quotation-mark spans of TEXT, in order. A quotation left open at the end of a paragraph runs
    on when the next paragraph opens with a quotation mark (the convention for quotes over several
    paragraphs); otherwise it ends with its paragraph (an unbalanced mark loses one span, not the
    article). A closing mark with no opening one is ignored."""
    original = text
    # Two apostrophes stand for a straight double mark in some wire and archive text (''Yes,'' he
    # said): read the first as the mark, the second as an apostrophe, and keep both in the span.
    # Two backticks open one in the same style (``Yes,'' he said).
    text = text.replace("''", "\"'").replace("``", "\u201c`")
    quotes: list[Quote] = []
    paragraphs = paragraph_spans(text)
    open_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        first = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        for i, role in quote_marks(text, p_start, p_end):
            if open_at is not None and open_at < p_start and i == first:
                continue  # the opening mark of a paragraph that continues the quotation
            if open_at is None and role in ("open", "either"):
                open_at = i
            elif open_at is not None and role in ("close", "either"):
                quotes.append(Quote(open_at, i + 1))
                open_at = None
            elif open_at is not None and role == "open":
                # Two openings in a row: the first was never closed; it ends where the second begins.
                quotes.append(Quote(open_at, len(text[:i].rstrip()), closed=False))
                open_at = i
        if open_at is not None:
            following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if following is None or not opens_with_quote(text, *following):
                quotes.append(Quote(open_at, p_end, closed=False))
                open_at = None
    quotes = [Quote(q.start, q.end + 1, q.closed) if original[q.end - 1:q.end + 1] == "''" else q
              for q in quotes]
    text = original
    doubles = [q for q in quotes if q.end - q.start > 2]
    singles = [q for q in single_quotes(text, paragraphs)
               if not any(d.start <= q.start < d.end for d in doubles)]
    return sorted(doubles + singles, key=lambda q: q.start)


def single_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Spans in curly single quotation marks (headline style: Ryan: ‘No place in a campaign’), within a
    paragraph. An opening mark follows a space or a bracket; a closing one is not followed by a letter,
    which tells it from the apostrophe of "don’t"."""
    out = []
    for p_start, p_end in paragraphs:
        open_at = None
        for mark in CURLY_SINGLE.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            if ch == "\u2018" and (i == p_start or not text[i - 1].isalnum()):
                open_at = i
            elif ch == "\u2019" and open_at is not None and (i + 1 == p_end or not text[i + 1].isalpha()) \
                    and i - open_at > 2:
                out.append(Quote(open_at, i + 1))
                open_at = None
        out.extend(straight_single_after_colon(text, p_start, p_end))
    return out


def straight_single_after_colon(text: str, p_start: int, p_end: int) -> list[Quote]:
    """A headline's quotation in straight single marks after a colon, closing the paragraph (Reid:
    'Never underestimate Trump.'): only that shape, since inside a line a straight mark is as often an
    apostrophe ("the candidates' debate")."""
    line = text[p_start:p_end].rstrip()
    at = line.find(": '")
    if at < 0 or not line.endswith("'") or len(line) - at < 7 or line[at + 3:at + 4] in (" ", "'") \
            or "\n" in line[at:]:
        return []
    return [Quote(p_start + at + 2, p_start + len(line))]


def inner_words(text: str, quote: Quote) -> list[str]:
    return WORD.findall(text[quote.start:quote.end])


def is_label_quote(text: str, quote: Quote) -> bool:
    """Whether a span in quotation marks names or labels something ("the so-called 'peace plan'", a
    title such as "Saturday Night Live") rather than quoting what someone said: a label word before
    it, or a few words all capitalised (or minor words) with no sentence punctuation."""
    if LABEL_WORDS.search(text[max(0, quote.start - 20):quote.start]):
        return True
    if opens_spoken_sentence(text, quote) or text[max(0, quote.start - 2):quote.start] == ": ":
        return False  # a colon introduces what was said ("Ryan: 'No Place In A Campaign'")
    words = inner_words(text, quote)
    if not words or len(words) > 7:
        return False
    capitalised = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(capitalised) and all(w[0].isupper() or w[0].isdigit() for w in capitalised) and len(words) > 0 \
        and not (len(words) == 1 and words[0].lower() == "i")


def opens_spoken_sentence(text: str, quote: Quote) -> bool:
    """Whether a short quotation is an utterance that opens its sentence ('"Really," she added.',
    '"Denver!"'): it starts a paragraph or follows a sentence end, and ends in a comma, '!' or '?'
    inside its closing mark, as quoted speech does before its cue; a title rarely does both."""
    before = text[:quote.start].rstrip(" \t\u00a0")
    starts_sentence = not before or before[-1] in "\n.!?" or before[-1] in CLOSING + STRAIGHT
    return quote.closed and starts_sentence and quote.end - quote.start > 2 and last_inner(text, quote) in (",", "!", "?")


def is_fragment_quote(text: str, quote: Quote, *, max_words: int = 3) -> bool:
    """Whether a span in quotation marks is too short to stand as a quotation on its own (a word or a
    phrase quoted inside a sentence: called it "a disaster")."""
    return len(inner_words(text, quote)) <= max_words


# ---------------------------------------------------------------- speakers

@dataclass(frozen=True)
class Mention:
    """A person, official or organization row of the article, as a candidate speaker."""
    start: int
    end: int
    name: str
    kind: str  # person / organization
    title: str = ""
    subject: bool = False  # the subject of its clause (a likelier antecedent than an object)
    quoted: bool = False  # inside quotation marks (someone else's words: rarely an antecedent)
    reported: bool = False  # inside someone's reported speech (an antecedent only when nothing else is)
    gender: str = ""  # "m" / "f" when the article says so (Mr., Ms., spokeswoman), else ""
    leaning: str = ""  # the gender its given name leans to ("Hillary": "f"), when the article says neither
    main: bool = False  # the subject of its sentence's main clause, not of a clause inside it
    sentence: int = -1  # where its sentence starts


def mentions_of(people: Iterable[dict] | None, officials: Iterable[dict] | None,
                organizations: Iterable[dict] | None) -> list[Mention]:
    """The candidate speakers of an article, in text order."""
    out = []
    for kind, rows in (("person", people), ("person", officials), ("organization", organizations)):
        for r in rows or []:
            name = str(r.get("name") or "").strip()
            if name:
                out.append(Mention(int(r["start"]), int(r["end"]), name, kind, str(r.get("title") or "")))
    return sorted(out, key=lambda m: (m.start, -m.end))


def in_headline_case(text: str, start: int) -> bool:
    """Whether the words around START are set in headline capitals ("Top Climate Group Will Run Ads
    Demanding ..."), where a tagger reads any run of capitalised words as a name: START lies in its
    line's last piece (after the line's last sentence-final mark, one ending the line aside: a live
    blog glues a headline onto the sentence before it), and that piece has at least four words beyond
    the minor ones, all but a few of them capitalised (or all in capitals). The length of the line
    does not matter: a paragraph's last piece is a sentence in lower case."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    piece = headline_piece(text, line_start, line_end)
    return start >= piece and is_headline_case(text[piece:line_end])


def headline_piece(text: str, line_start: int, line_end: int) -> int:
    """Where the last piece of the line TEXT[LINE_START:LINE_END] starts: after its last
    sentence-final mark (with any closing quotation marks) that does not end the line."""
    end = line_start + len(text[line_start:line_end].rstrip())
    piece = line_start
    for match in SENTENCE_MARK.finditer(text, line_start, end):
        if match.end() < end:
            piece = match.end()
    return piece


def is_headline_case(words_text: str) -> bool:
    """Whether WORDS_TEXT has at least four words beyond the minor ones and numbers, and all but a few
    of them (HEADLINE_SHARE) capitalised."""
    words = [w for w in WORD.findall(words_text) if w.lower() not in MINOR_WORDS and not w[0].isdigit()]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= HEADLINE_SHARE * len(words)


HEADLINE_SHARE = 0.85
# A sentence-final mark, glued or not to what follows ("New Hampshire.FlagShare"), with closing quotes:
# after a lower-case word, a number or a closing mark, not an initial ("U.S. Election", "J.D. Vance").
SENTENCE_MARK = re.compile(r"(?<=[a-z0-9\"\u201d\u2019')])[.!?][\"\u201d\u2019')]*")


def is_programme(name: str, programmes: dict) -> bool:
    """Whether an organisation row names a law, a programme or a policy ("Obamacare", "Medicare", the
    "Affordable Care Act", "the Iran deal"), which cannot speak: by its last word, its ending or its
    name (PROGRAMMES: models/quotes/cues.json "programme_names")."""
    words = name.lower().split()
    if not words:
        return False
    return (words[-1] in programmes["last_words"] or " ".join(words) in programmes["names"]
            or (len(words) == 1 and any(words[0].endswith(e) and words[0] != e for e in programmes["endings"])))


def speaker_candidates(mentions: Sequence[Mention], text: str, programmes: dict) -> list[Mention]:
    """MENTIONS that can be someone who speaks: not a law or programme read as an organisation, and not
    a name found only in headline capitals (a headline's words the tagger took for a name: "Top
    Climate Group", "Will Run Ads Demanding"), unless the same name is also found in running text."""
    lines: dict[int, int] = {}  # line start -> where its headline piece starts, or -1 (each line read once)
    headline = set()
    for m in mentions:
        start = text.rfind("\n", 0, m.start) + 1
        if start not in lines:
            end = text.find("\n", m.start)
            end = len(text) if end < 0 else end
            piece = headline_piece(text, start, end)
            lines[start] = piece if is_headline_case(text[piece:end]) else -1
        if 0 <= lines[start] <= m.start:
            headline.add(id(m))
    running = {m.name for m in mentions if id(m) not in headline}
    return [m for m in mentions if not (m.kind == "organization" and is_programme(m.name, programmes))
            and (id(m) not in headline or m.name in running)]


def fullest(name: str, mentions: Sequence[Mention]) -> str:
    """The longest name among MENTIONS with the same last word that holds NAME's words in order
    ("Trump" -> "Donald Trump", "Hillary Clinton" -> "Hillary Rodham Clinton"); a name with a given
    name keeps it ("Jane Sanders" is not "Bernie Sanders")."""
    words = [w.lower() for w in name.split()]
    if not words:
        return name
    same = [m.name for m in mentions if m.name.split() and m.name.split()[-1].lower() == words[-1]
            and holds_in_order([w.lower() for w in m.name.split()], words)]
    return max(same, key=len) if same else name


def holds_in_order(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether PART's words all occur in WORDS, in the same order."""
    it = iter(words)
    return all(w in it for w in part)


def overlapping(start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The mention inside the span START..END (a person before an organization, then the longest)."""
    inside = [m for m in mentions if m.start < end and start < m.end]
    if not inside:
        return None
    return max(inside, key=lambda m: (m.kind == "person", m.end - m.start))


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'\u2019-]+)")


def genders_by_surname(text: str) -> dict[str, str]:
    """Surname -> "m"/"f" from the honorifics of TEXT ("Mr. Prasad", "Ms. Brainard"); a surname seen with
    both is left out."""
    seen: dict[str, set[str]] = {}
    for m in HONORIFIC.finditer(text):
        seen.setdefault(m.group(2), set()).add(HONORIFIC_GENDER[m.group(1).lower()])
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def antecedent(at: int, mentions: Sequence[Mention], pronoun: str, *, window: int = 600,
               reported: bool = False) -> Mention | None:
    """The person a personal pronoun at AT stands for: among the people mentioned before it (outside
    quotation marks, and with REPORTED also inside reported speech; of the pronoun's gender when
    known, and not of a given name leaning the other way while someone else fits), the last subject of
    a clause within WINDOW characters of the last candidate, else the last candidate."""
    want = PRONOUN_GENDER.get(pronoun, "")
    before = [m for m in mentions if m.end <= at and m.kind == "person" and not m.quoted
              and (reported or not m.reported) and not (want and m.gender and m.gender != want)]
    # A name leaning the other way ("Hillary" for "he") only when no one else is there.
    before = [m for m in before if not (want and m.leaning and m.leaning != want)] or before
    if not before:
        return None
    last = before[-1]
    near = [m for m in before if m.end >= last.end - window]
    subjects = [m for m in near if m.subject]
    if not subjects:
        return last
    return main_subject_of_sentence(subjects[-1], subjects)


def main_subject_of_sentence(subject: Mention, subjects: Sequence[Mention]) -> Mention:
    """The subject of the main clause of SUBJECT's sentence when SUBJECT is only the subject of a clause
    inside it ("Ryan says no matter what action Obama takes, ..."; "Bivens hopes Clinton does not
    ..., even as he understands"): the main clause's subject is what the sentence is about. Not for a
    name inside someone's reported words ("Ayres is skeptical Trump can ... But the candidate")."""
    if subject.main or subject.sentence < 0 or subject.reported:
        return subject  # a name inside what someone said ("is skeptical Trump can ...") is its own
    mains = [m for m in subjects if m.main and m.sentence == subject.sentence and m.start < subject.start]
    return mains[-1] if mains else subject


def nearest_before(at: int, mentions: Sequence[Mention], kind: str, *, head: str = "",
                   fallback: int | None = None) -> Mention | None:
    """The last mention of KIND that ends before AT; with HEAD, the last one whose title or name holds
    that word ("the minister" -> a person titled Foreign Minister; "the agency" -> the FBI's row
    when it says agency), falling back to the last of KIND (with FALLBACK, only one that ends at most
    that many characters before AT, the subject of its sentence before an object; 0: no fallback)."""
    before = [m for m in mentions if m.end <= at and m.kind == kind]
    if head:
        fitting = [m for m in before if head in m.title.lower().split() or head in m.name.lower().split()]
        if fitting:
            return fitting[-1]
        if fallback is not None and not (before and fallback and at - before[-1].end <= fallback):
            return None
        if fallback:  # no row says the noun: the organisation just spoken of, its sentence's subject first
            subjects = [m for m in before if m.subject and m.sentence == before[-1].sentence >= 0]
            return subjects[-1] if subjects else before[-1]
    return before[-1] if before else None
