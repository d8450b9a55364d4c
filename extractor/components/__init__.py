"""spaCy components of the extractor, one module a kind; importing this registers their factories."""
from . import base, dates, figures, organizations, people, places, quotes, truecase  # noqa: F401

# Order matters: truecase first (it rereads the model's entities on ALL-CAPS lines), dates next
# (figures skip date tokens), places before people (a gazetteer place is not a person),
# organizations after them (it takes the ORG entities the others left), quotes last (it resolves
# speakers to the people, officials and organizations rows).
COMPONENTS = ("news_truecase", "news_dates", "news_places", "news_people", "news_figures", "news_organizations",
              "news_quotes")
