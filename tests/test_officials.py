"""Officials: a named person with a title, written before the name, in apposition, or after a copula;
the row's span covers title and name, with the affiliation and its country code."""
from __future__ import annotations

import importlib.util

import pytest

from .conftest import SHARED_DATA, shared


def officials(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    return [dict(r, text=text[r["start"]:r["end"]]) for r in doc._.officials]


@pytest.mark.parametrize("text, span, name, title, affiliation, code", [
    ("Azerbaijani Foreign Minister Jeyhun Bayramov has thanked the UK for its help.",
     "Azerbaijani Foreign Minister Jeyhun Bayramov", "Jeyhun Bayramov", "Foreign Minister", "Azerbaijan", "AZ"),
    ("Receiving UK Ambassador James Sharp on June 10, the minister spoke about mines.",
     "UK Ambassador James Sharp", "James Sharp", "Ambassador", "UK", "GB"),
    ("Airbus chief executive Noel Forgeard said the delay was regrettable.",
     "Airbus chief executive Noel Forgeard", "Noel Forgeard", "chief executive", "Airbus", None),
    ("Presiding Judge Martin Mann has stated that he owns an iPod.",
     "Presiding Judge Martin Mann", "Martin Mann", "Presiding Judge", None, None),
    ("Louis Gallois, the Airbus chief executive, disagreed.",
     "Louis Gallois, the Airbus chief executive", "Louis Gallois", "chief executive", "Airbus", None),
    ("Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways, announced the merger.",
     "Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways", "Joe Leonard",
     "Chairman and Chief Operating Officer", "AirTran Airways", None),
    ("Jusman Syafii Djamal, minister of transport for Indonesia, said the airline would be grounded.",
     "Jusman Syafii Djamal, minister of transport for Indonesia", "Jusman Syafii Djamal",
     "minister of transport", "Indonesia", "ID"),
    ("James Sharp arrived on Monday. Sharp, who is the UK's ambassador, thanked him.",
     "Sharp, who is the UK's ambassador", "James Sharp", "ambassador", "UK", "GB"),
    ('"We are watching closely," said Dana Perino, a White House spokeswoman.',
     "Dana Perino, a White House spokeswoman", "Dana Perino", "spokeswoman", "White House", None),
    ("Kaoru Yosano, the Japanese minister of fiscal policy, said the downturn would last.",
     "Kaoru Yosano, the Japanese minister of fiscal policy", "Kaoru Yosano", "minister of fiscal policy",
     "Japan", "JP"),
    ("Former Microsoft CEO Bill Gates responded with a statement.",
     "Former Microsoft CEO Bill Gates", "Bill Gates", "Former CEO", "Microsoft", None),
    ("Stock indexes rose after US bank chief Ben Bernanke said the economy was recovering.",
     "US bank chief Ben Bernanke", "Ben Bernanke", "chief", "US bank", None),
    ("The bank's CEO, Ken Lewis, said in a statement that credit costs remain high.",
     "The bank's CEO, Ken Lewis", "Ken Lewis", "CEO", "bank", None),
    ("Mr Justice Anthony Mann agreed with the defence.",
     "Mr Justice Anthony Mann", "Anthony Mann", "Justice", None, None),
    # an abbreviated rank is a title; an apposition after it says more and the row covers both
    ("Sen. Jesse Helms criticized the plan on Friday.", "Sen. Jesse Helms", "Jesse Helms", "Senator", None, None),
    ("Sgt. Derek Glenn, a spokesman for the Newark Police Department, declined to comment.",
     "Sgt. Derek Glenn, a spokesman for the Newark Police Department", "Derek Glenn", "spokesman",
     "Newark Police Department", None),
    # the receiving side stays in an ambassador's title; the affiliation is the sending country
    ("They met British Ambassador to Azerbaijan James Sharp on Thursday.",
     "British Ambassador to Azerbaijan James Sharp", "James Sharp", "Ambassador to Azerbaijan",
     "United Kingdom", "GB"),
    # a copula in the main clause, and "has been" after "who"
    ("Jeyhun Bayramov is Azerbaijan's foreign minister.",
     "Jeyhun Bayramov is Azerbaijan's foreign minister", "Jeyhun Bayramov", "foreign minister", "Azerbaijan", "AZ"),
    ("John Smith, who has been chairman of the board since 2019, resigned.",
     "John Smith, who has been chairman of the board", "John Smith", "chairman", "board", None),
    # the affiliation written after the name, and an age between name and title
    ("President Hashemi Rafsanjani of Iran sent a letter.",
     "President Hashemi Rafsanjani of Iran", "Hashemi Rafsanjani", "President", "Iran", "IR"),
    ("Steve Jobs, 56, the chief executive of Apple, resigned on Wednesday.",
     "Steve Jobs, 56, the chief executive of Apple", "Steve Jobs", "chief executive", "Apple", None),
])
def test_official_constructions(nlp, text, span, name, title, affiliation, code):
    rows = officials(nlp, text)
    assert [(r["text"], r["name"], r["title"], r["affiliation"], r["affiliation_code"]) for r in rows] == \
        [(span, name, title, affiliation, code)]


@pytest.mark.parametrize("text, span, name, title, affiliation", [
    # a lower-case portfolio after "of" stays in the title when a named body follows
    ("Tom Baker, chief of waste disposal for the Energy Department, said the shafts were safe.",
     "Tom Baker, chief of waste disposal for the Energy Department", "Tom Baker", "chief of waste disposal",
     "Energy Department"),
    ("Harrington, a professor of political science at Queens College, died on Monday.",
     "Harrington, a professor of political science at Queens College", "Harrington",
     "professor of political science", "Queens College"),
    # "of the BODY" after the name, for a body the tagger cut or missed
    ("Judge Ralph Winter of the 2nd U.S. Circuit Court of Appeals wrote the opinion.",
     "Judge Ralph Winter of the 2nd U.S. Circuit Court of Appeals", "Ralph Winter", "Judge",
     "2nd U.S. Circuit Court of Appeals"),
    ("Lt. Jim Bowell of the Butler Township Fire Department said the fire was out.",
     "Lt. Jim Bowell of the Butler Township Fire Department", "Jim Bowell", "Lieutenant",
     "Butler Township Fire Department"),
    # body words after a name end the organisation ("Superior Court"), not start the title
    ("Maricopa County Superior Court Judge Lindsay Ellis ordered a new trial.",
     "Maricopa County Superior Court Judge Lindsay Ellis", "Lindsay Ellis", "Judge",
     "Maricopa County Superior Court"),
    ("Azerbaijani Supreme Court Justice Ali Aliyev spoke.",
     "Azerbaijani Supreme Court Justice Ali Aliyev", "Ali Aliyev", "Supreme Court Justice", "Azerbaijan"),
    # the shapes
    ("Dana Reyes, a spokeswoman for the state Department of Transportation, said the road was closed.",
     "Dana Reyes, a spokeswoman for the state Department of Transportation", "Dana Reyes", "spokeswoman",
     "state Department of Transportation"),
    ("Midland College President Tom Hale said enrollment rose.",
     "Midland College President Tom Hale", "Tom Hale", "President", "Midland College"),
    ("CBS anchorman Dan Rather spoke to the governors.", "CBS anchorman Dan Rather", "Dan Rather",
     "anchorman", "CBS"),
    ("Maria Ortiz, a University of Utah law professor, said the ruling was narrow.",
     "Maria Ortiz, a University of Utah law professor", "Maria Ortiz", "professor", "University of Utah"),
    # a copula after the age; "another"; a rank before the organisation
    ("Larry Sturholm, 46, was a feature reporter for KIRO Television.",
     "Larry Sturholm, 46, was a feature reporter for KIRO Television", "Larry Sturholm", "feature reporter",
     "KIRO Television"),
    ("Fred Farrar, another FAA spokesman, said airlines were flying.",
     "Fred Farrar, another FAA spokesman", "Fred Farrar", "spokesman", "FAA"),
    ("Dan Tal, a senior Defense Ministry official, has not repeated these views.",
     "Dan Tal, a senior Defense Ministry official", "Dan Tal", "senior official", "Defense Ministry"),
    # an organisation and its acronym or expansion in parentheses before the title
    ("CHP (Republican People's Party) leader Deniz Baykal said he hoped for calm.",
     "CHP (Republican People's Party) leader Deniz Baykal", "Deniz Baykal", "leader", "CHP"),
    ("Most of this support has gone to Labor Party (PT) candidate Cecilia Soto.",
     "Labor Party (PT) candidate Cecilia Soto", "Cecilia Soto", "candidate", "Labor Party"),
    # an organisation the tagger ran onto a rank abbreviation, and hyphenated names before a title
    ("No one survived, said Coast Guard Lt. Mark Dunne, who led the search.",
     "Coast Guard Lt. Mark Dunne", "Mark Dunne", "Lieutenant", "Coast Guard"),
    ("(By ITAR-TASS correspondent Pavel Orlov)", "ITAR-TASS correspondent Pavel Orlov", "Pavel Orlov",
     "correspondent", "ITAR-TASS"),
    # a legislator's party and state before the apposition
    ("Sen. Paul Grady, D-Ariz., chairman of the Senate Banking Committee, said he would object.",
     "Sen. Paul Grady, D-Ariz., chairman of the Senate Banking Committee", "Paul Grady", "chairman",
     "Senate Banking Committee"),
    # a title before the name without a body, and an apposition that names one
    ("Police Major Anan Chai, the commander of the Region 4 Border Patrol Police, visited the site.",
     "Police Major Anan Chai, the commander of the Region 4 Border Patrol Police", "Anan Chai", "Police Major",
     "Region 4 Border Patrol Police"),
    # TITLE of the BODY NAME
    ("The paper printed the memoirs of former commander of the Soviet Navy Nikolai Kuznetsov on Sunday.",
     "former commander of the Soviet Navy Nikolai Kuznetsov", "Nikolai Kuznetsov", "former commander", "Soviet Navy"),
    # a verb of holding a post
    ("Tom Wells, who heads the Centers for Disease Control, said the risk was low.",
     "Tom Wells, who heads the Centers for Disease Control", "Tom Wells", "head", "Centers for Disease Control"),
    # the named organisation inside or after a descriptive noun phrase
    ("Ann Cole, attorney for the Peruvian mining company Minpeco S.A., said she had a plan.",
     "Ann Cole, attorney for the Peruvian mining company Minpeco S.A.", "Ann Cole", "attorney", "Minpeco S.A."),
    ("Ivo Maric, chairman of the largest opposition party, the Croatian Social Liberal Party, spoke first.",
     "Ivo Maric, chairman of the largest opposition party, the Croatian Social Liberal Party", "Ivo Maric",
     "chairman", "Croatian Social Liberal Party"),
    ("Michael Grant, a lobbyist with the American Petroleum Institute, told reporters.",
     "Michael Grant, a lobbyist with the American Petroleum Institute", "Michael Grant", "lobbyist",
     "American Petroleum Institute"),
    # the organisation, not the place whose possessive names it
    ("Anatomist Jeffrey Laitman of New York's Mount Sinai School of Medicine disputed the findings.",
     "Anatomist Jeffrey Laitman of New York's Mount Sinai School of Medicine", "Jeffrey Laitman", "Anatomist",
     "Mount Sinai School of Medicine"),
    ("Spokesman Dietmar Kanzer of the smaller Rollei company told the AP the firm did well.",
     "Spokesman Dietmar Kanzer of the smaller Rollei company", "Dietmar Kanzer", "Spokesman", "Rollei"),
    # lower-case nouns between a named body and its title
    ("BSP floor leader Nora Ananieva told reporters that the ultimatum was a measure.",
     "BSP floor leader Nora Ananieva", "Nora Ananieva", "leader", "BSP"),
    # a name the tagger left unmarked, with a title in apposition
    ("Tal, a senior Defense Ministry official, has not repeated these views.",
     "Tal, a senior Defense Ministry official", "Tal", "senior official", "Defense Ministry"),
    # a title in parentheses, and a title coordinated with an occupation
    ("Few voters chose Occhetto (leader of the Democratic Party of the Left) this time.",
     "Occhetto (leader of the Democratic Party of the Left)", "Occhetto", "leader", "Democratic Party of the Left"),
    ("Patrick Strosahl, a jeweler and president of Vision Seattle, opposes the plan.",
     "Patrick Strosahl, a jeweler and president of Vision Seattle", "Patrick Strosahl", "president",
     "Vision Seattle"),
    # an honorific between the title's comma and the name; a verb of appointment after the copula
    ("The head of the Liver Transplant Service, Dr. Russell Strong, said it went well.",
     "head of the Liver Transplant Service, Dr. Russell Strong", "Russell Strong", "head",
     "Liver Transplant Service"),
    ("Larry Jinks has been named publisher of the San Jose Mercury News.",
     "Larry Jinks has been named publisher of the San Jose Mercury News", "Larry Jinks", "publisher",
     "San Jose Mercury News"),
    # a surname the tagger read as a common noun, settled by the age after it
    ("Winter, 53, a former Yale University law professor, took the bench in 1982.",
     "Winter, 53, a former Yale University law professor", "Winter", "former professor", "Yale University"),
    # a verb of appointment before the name
    ("Knight-Ridder said it has named Larry Jinks publisher of the San Jose Mercury News.",
     "Larry Jinks publisher of the San Jose Mercury News", "Larry Jinks", "publisher", "San Jose Mercury News"),
])
def test_employed_person_constructions(nlp, text, span, name, title, affiliation):
    rows = officials(nlp, text)
    assert [(r["text"], r["name"], r["title"], r["affiliation"]) for r in rows] == [(span, name, title, affiliation)]


@pytest.mark.parametrize("text", [
    "A local official said two journalists were killed in a mine blast.",
    "The deal was signed by the Azerbaijani, Russian and Armenian leaders.",
    "The ministry's press service reported that the ambassador had arrived.",
    "Reno has already met with Lazaro Gonzalez's lawyer.",
    "The Foreign Ministry said the talks would resume next week.",
    "Apple Inc. said its chief executive would present the results.",
    "Jones, who heads the list of candidates, smiled.",
    "Mr. Smith has been named in the lawsuit.",
    "The Lincoln, Neb., school board president said the school would close.",
    "Jordan's foreign minister said the border would stay closed.",
    "Spring, 2006, a good year for growth, began slowly.",
])
def test_titles_without_a_named_holder_are_not_officials(nlp, text):
    assert officials(nlp, text) == []


@pytest.mark.parametrize("text, affiliation", [
    # a list of capitalised words after "of" inside the name
    ("Gerald Mace, president of the American Federation of State, County and Municipal Employees, said so.",
     "American Federation of State, County and Municipal Employees"),
    ("John Smith, secretary of the Department of Health, Education and Welfare, left.",
     "Department of Health, Education and Welfare"),
    # "on" after a committee's noun
    ("It will be investigated, said Sen. Alan Crane, D-Calif., chairman of the Senate Committee on Veterans Affairs.",
     "Senate Committee on Veterans Affairs"),
    # the list stops before a person; "on" stops before a date
    ("Mary Jones, president of the University of Texas, said Smith and Jones would go.", "University of Texas"),
    ("Ann Lee, head of the Council on Monday said no.", "Council"),
    # "medical"/"scientific" as portfolios
    ("Richard Kahn, chief scientific and medical officer for the American Diabetes Association, said so.",
     "American Diabetes Association"),
    # "the agency" is the agency named before
    ("The Environmental Protection Agency is drafting rules, said Robin Woods, a spokeswoman for the agency.",
     "Environmental Protection Agency"),
])
def test_affiliation_is_the_whole_organisation_name(nlp, text, affiliation):
    assert [r["affiliation"] for r in officials(nlp, text)] == [affiliation]


def test_the_agency_without_an_earlier_agency_stays_as_written(nlp):
    rows = officials(nlp, "Apple sued the agency. Jim Lee, a spokesman for the agency, declined.")
    assert [r["affiliation"] for r in rows] == ["agency"]


@pytest.mark.parametrize("text, span, name, affiliation", [
    # NAME of the BODY: an organisation the model marked, or a capitalised name with an organisation noun
    ("The fire grew quickly, said Jerry Chapman of the Bureau of Land Management.",
     "Jerry Chapman of the Bureau of Land Management", "Jerry Chapman", "Bureau of Land Management"),
    ("Winds will pick up tonight, said Maria Lopez of the National Hurricane Center.",
     "Maria Lopez of the National Hurricane Center", "Maria Lopez", "National Hurricane Center"),
    # an age between the name and "of"; a comma before "of"
    ("Ulf Berg, 47, of the European Space Agency was chosen for the flight.",
     "Ulf Berg, 47, of the European Space Agency", "Ulf Berg", "European Space Agency"),
    # the row stops before the possessive of a larger body
    ("Paul Welch of Harvard University's Kennedy School of Government disagreed.",
     "Paul Welch of Harvard University", "Paul Welch", "Harvard University"),
    # NAME with the BODY, NAME at the BODY, NAME, who works for BODY
    ("Jane Doe with the Sierra Club said the plan was bad.",
     "Jane Doe with the Sierra Club", "Jane Doe", "Sierra Club"),
    ("Wang Yuan at the Institute of Mathematics won a prize.",
     "Wang Yuan at the Institute of Mathematics", "Wang Yuan", "Institute of Mathematics"),
    ("Sam Ortiz, who works for General Motors, said so.",
     "Sam Ortiz, who works for General Motors", "Sam Ortiz", "General Motors"),
    # ORG's NAME, and "the department's NAME" after the department is named
    ("Microsoft's Bill Gates spoke first.", "Microsoft's Bill Gates", "Bill Gates", "Microsoft"),
    ("The Massachusetts Department of Public Health adopted rules, said the department's Al Comproni.",
     "the department's Al Comproni", "Al Comproni", "Massachusetts Department of Public Health"),
])
def test_employment_without_a_title_word(nlp, text, span, name, affiliation):
    rows = officials(nlp, text)
    assert [(r["text"], r["name"], r["title"], r["affiliation"]) for r in rows] == [(span, name, "", affiliation)]


@pytest.mark.parametrize("text", [
    "John Smith of Chicago said it was fine.",              # a place is no employer
    "Ann Lee of the Smith family said so.",                 # a family is no body
    "Bob Hill of the Lincoln, Neb., school board said so.",  # the place before a lower-case body
    "John Smith at the White House said so.",               # "at" a building, not an organisation
    "Mary Jones met with Apple executives on Monday.",      # the organisation modifies a noun
    "Mary Jones with Apple executives toured the plant.",
    "Nebraska's Paul Harlan won the vote.",                 # a place's possessive
])
def test_no_employer_without_an_organisation(nlp, text):
    assert officials(nlp, text) == []


def test_two_names_joined_by_and_share_the_employer(nlp):
    rows = officials(nlp, "James Blight and David Welch of Harvard University say so.")
    assert [(r["name"], r["affiliation"]) for r in rows] == [("James Blight", "Harvard University"),
                                                              ("David Welch", "Harvard University")]


def test_an_employee_without_a_title_has_no_people_title(nlp):
    doc = nlp("Jane Doe with the Sierra Club said the plan was bad.")
    assert [(r["title"], r["official"]) for r in doc._.people] == [(None, True)]


def test_a_title_before_another_name_is_not_an_apposition(nlp):
    rows = officials(nlp, "Crown Prince Hassan, King Hussein's brother and political adviser, was asked about it.")
    assert {(r["name"], r["title"]) for r in rows} == {("Hassan", "Crown Prince"), ("Hussein", "King")}


def test_people_rows_carry_the_title(nlp):
    doc = nlp("Finance Minister Alexei Kudrin announced the plan. Kudrin said banks would get help.")
    rows = {(doc.text[r["start"]:r["end"]], r["title"], r["official"]) for r in doc._.people}
    assert rows == {("Alexei Kudrin", "Finance Minister", True), ("Kudrin", "Finance Minister", True)}


def test_meantime_officials_score(nlp):
    """The officials of the MEANTIME dev sample: precision and recall of rows overlapping the person."""
    path = shared("meantime-dev/officials.jsonl")
    spec = importlib.util.spec_from_file_location("score", SHARED_DATA.parent / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    docs = score.load_gold(path, "officials")
    tp = n_gold = n_sys = 0
    for d in docs:
        rows = nlp(d["text"])._.officials
        gold = [s["person"] for s in d["spans"]]
        n_gold += len(gold)
        n_sys += len(rows)
        tp += len(score.match(gold, rows))
    assert tp / n_sys >= 0.85 and tp / n_gold >= 0.85


def test_rules_work_on_a_blank_pipeline():
    """Without a tagger, parser or NER, titles still find the name after them."""
    import spacy

    import extractor.components.people  # noqa: F401  (registers the factory)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_people")
    nlp.initialize()
    doc = nlp("Azerbaijani Foreign Minister Jeyhun Bayramov has thanked the UK.")
    assert [(r["name"], r["title"], r["affiliation"], r["affiliation_code"]) for r in doc._.officials] == \
        [("Jeyhun Bayramov", "Foreign Minister", "Azerbaijan", "AZ")]


@pytest.mark.parametrize("text, name, affiliation", [
    # a legislator or a judge with no body next to the title: the fitting body the sentence names
    ("Sen. Ted Marsh said the Congress would act on the bill.", "Ted Marsh", "Congress"),
    ("Sen. Ana Ruiz described what happened at the Senate office on Friday.", "Ana Ruiz", "Senate"),
    ("Justice Paul Dunn retired before the Supreme Court heard the case.", "Paul Dunn", "Supreme Court"),
    # a spokesman or an official: the one organisation of the sentence
    ("At a Foreign Ministry briefing in Hanoi, spokesman Tran Minh would say only that talks go on.",
     "Tran Minh", "Foreign Ministry"),
    ("The Coast Guard rescued five people near the station, said station chief Tom Reyes.", "Tom Reyes",
     "Coast Guard"),
    ("Acme Disposal Co. of Dayton is preparing a pickup service, said Ann Berg, a company official.",
     "Ann Berg", "Acme Disposal Co."),
    # a title in apposition before the title and name
    ("Another Boeing employee, engineer Carl Hunt, said the tests were falsified.", "Carl Hunt", "Boeing"),
])
def test_a_bare_title_takes_the_body_its_sentence_names(nlp, text, name, affiliation):
    assert [(r["name"], r["affiliation"]) for r in officials(nlp, text)] == [(name, affiliation)]


@pytest.mark.parametrize("text", [
    # a senator is no member of an agency his sentence names; a president serves no organisation named near
    "Sen. Ted Marsh flew on the shuttle at the invitation of NASA's administrator.",
    "President Tom Hale met the Teamsters union on Monday.",
    # an analyst speaks of a company, not for it
    "Analyst Ron Diaz predicts that the merger will not affect Apple for two years.",
    # two organisations and no subject among them: no guess
    "Spokesman Li Wen said the talks between Boeing and the Airbus board would go on.",
])
def test_a_bare_title_keeps_no_body_without_evidence(nlp, text):
    assert [r["affiliation"] for r in officials(nlp, text)] == [None]


@pytest.mark.parametrize("text, affiliation", [
    # a month or a person before the title is no body; the body after the title is the one served
    ("They fled threats by 18 January Senator Osny Pierre of the unofficial Senate.", "Senate"),
    ('"It is fine," says Dan Levi, Rabin\'s spokesman at the Defense Ministry.', "Defense Ministry"),
    ("Mary Dole, a former Democratic member of the Clover Town Council, got the tickets.", "Clover Town Council"),
    # an organisation inside the title run
    ("It is not practical, says former Air Force commander Avi Ben-Dor.", "Air Force"),
    # the name before a parenthesis, a name the phrase cuts or continues after "for"
    ("Juan Ortiz, candidate of the PRD (Party of the Democratic Revolution), won 9 percent.", "PRD"),
    ("Fred Baum, project manager of the local chapter of Habitat for Humanity, spoke.", "Habitat for Humanity"),
    ("Ann Lee, attorney for the Peruvian silver mining company Minpeco S.A., said so.", "Minpeco S.A."),
    # a people's adjective is part of the organisation's name
    ("The spy, a high-ranking Korean CIA official Kim Ho, wanted to defect.", "Korean CIA"),
    ("The deputies were greeted by Russian State Duma Deputy Ivan Popov on Monday.", "Russian State Duma"),
    # a party is no part of the body's name; a span of time after the title is no body
    ("Republican U.S. House Speaker Tom Reed said so.", "U.S. House"),
    ("Biden, who served as a US senator for 36 years, spoke.", "US"),
    # a lower-case organisation noun before the title stays ("His campaign chairman X said Trump ...")
    ("His campaign chairman Paul Mann said Acme raised $4 million.", "campaign"),
    # lower-case words joined to the name up to its organisation noun; a gerund ends the name
    ("Sen. Al Ross, D-Ariz., chairman of the Senate Appropriations treasury and postal subcommittee, spoke.",
     "Senate Appropriations treasury and postal subcommittee"),
    ("Rep. Al Ross, D-N.Y., chairman of the House oversight subcommittee grilling Mason, spoke.", "House"),
])
def test_the_affiliation_is_the_body_not_the_words_around_it(nlp, text, affiliation):
    assert [r["affiliation"] for r in officials(nlp, text)] == [affiliation]


def test_a_place_before_and_title_name_belongs_to_the_other_conjunct(nlp):
    rows = officials(nlp, "Judge Ann Wu of the Court of Appeals in New York City and Judge Tom Ray of the Tax Court"
                          " were considered.")
    assert [(r["name"], r["affiliation"]) for r in rows] == [("Ann Wu", "Court of Appeals"), ("Tom Ray", "Tax Court")]



@pytest.mark.parametrize("text, title, affiliation", [
    # verbs of owning, founding, running a body name the post; an age may come before "who"
    ("Ray Hale, 70, who owned the failed Home State Savings Bank, filed a petition.", "owner",
     "Home State Savings Bank"),
    ("The tunnels are old, said Ann Marsh, who operates the Valette Military Museum.", "operator",
     "Valette Military Museum"),
    ("Tim Ross, who founded Acme Robotics in 1990, retired.", "founder", "Acme Robotics"),
])
def test_a_verb_of_holding_a_post_after_who(nlp, text, title, affiliation):
    assert [(r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(title, affiliation)]


@pytest.mark.parametrize("text", [
    "Jones, who runs for Congress every year, smiled.",   # no body after the verb
    "Jane Park, who owns a small house, moved away.",     # a thing owned is no body
])
def test_a_verb_of_holding_a_post_needs_a_named_body(nlp, text):
    assert officials(nlp, text) == []


@pytest.mark.parametrize("text, title, affiliation", [
    # a first role that names no body (a cause, a people) gives way to a second role that names one
    ("The plan is flawed, said Rita Moss, a spokeswoman for tenants and president of the Harbor"
     " Housing Trust, which sued the city.", "president", "Harbor Housing Trust"),
    ("The paper quoted Ivo Maric, leader of Croatian farmers and vice-president of the Union of"
     " Grain Growers.", "vice-president", "Union of Grain Growers"),
    # a first role that names a body keeps it
    ("Ann Lee, director of the Sierra Club and a member of the Rotary Club, spoke.", "director", "Sierra Club"),
    # no second role: the people stays as written
    ("Ivo Maric, leader of the Kosovo Albanians, spoke.", "leader", "Kosovo Albanians"),
])
def test_a_coordinated_role_that_names_a_body(nlp, text, title, affiliation):
    assert [(r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(title, affiliation)]


@pytest.mark.parametrize("text, title, affiliation", [
    # a lower-case noun before the title is a body only when it is an organisation's noun
    ("Civil rights leader Ella Baker spoke in Memphis.", "leader", None),
    ("The fire is out, according to the senior duty officer Ivan Petrov.", "officer", None),
    ("The newspaper reporter Lena Hart was sued in 1998.", "reporter", "newspaper"),
    ("The company CEO Steve Jobs spoke.", "CEO", "company"),
    # the beat's adjective between the organisation and the title
    ("Jane Smith, a Reuters political correspondent, wrote the story.", "correspondent", "Reuters"),
    ("The panel was chaired by Kenji Sato, Asahi Shimbun political editor.", "editor", "Asahi Shimbun"),
])
def test_the_words_before_a_title_that_name_a_body(nlp, text, title, affiliation):
    assert [(r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(title, affiliation)]


def test_the_row_closes_the_parenthesis_of_the_body(nlp):
    rows = officials(nlp, "Maria Lopez, a spokeswoman for the PRD (Party of the Democratic Revolution), said so.")
    assert [(r["text"], r["affiliation"]) for r in rows] == [
        ("Maria Lopez, a spokeswoman for the PRD (Party of the Democratic Revolution)", "PRD")]


@pytest.mark.parametrize("text, span, title, affiliation", [
    # a verb of appointment takes the name as object; the post follows, perhaps after "to be" or "as"
    ("The governors elected Nebraska's Paul Harlan to be chairman of the Western Governors' Association.",
     "Paul Harlan to be chairman of the Western Governors' Association", "chairman",
     "Western Governors' Association"),
    ("The board appointed Ann Lee as director of the Sierra Club.",
     "Ann Lee as director of the Sierra Club", "director", "Sierra Club"),
    # an agency's acronym the model leaves unmarked, before the beat and the title
    ("( By INTERFAX diplomatic correspondent Pavel Orlov )",
     "INTERFAX diplomatic correspondent Pavel Orlov", "correspondent", "INTERFAX"),
    # "who follows X for BODY": the analyst's employer
    ("Demand is soft, said Ann Price, who follows grain markets for the brokerage Harlow-Kent Securities Inc.",
     "Ann Price, who follows grain markets for the brokerage Harlow-Kent Securities Inc.", "",
     "Harlow-Kent Securities Inc."),
])
def test_posts_given_by_verbs_and_acronyms(nlp, text, span, title, affiliation):
    assert [(r["text"], r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(span, title, affiliation)]


@pytest.mark.parametrize("text", [
    "Jim Cole, who followed the team for years, retired.",         # no body after "for"
    "The board named Friday the deadline for Ann Lee.",            # the name is no object of the verb
])
def test_no_post_without_a_body_or_an_object(nlp, text):
    assert [r for r in officials(nlp, text) if r["affiliation"]] == []


@pytest.mark.parametrize("text, title, affiliation", [
    # occupations that are held in a body: an airline's pilot, a league's player
    ("Leading the march was striking United Airlines pilot Carla Voss.", "pilot", "United Airlines"),
    ("His cousin, retired National Football League quarterback Dale Rusk, came along.", "retired quarterback",
     "National Football League"),
])
def test_occupations_held_in_a_body(nlp, text, title, affiliation):
    assert [(r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(title, affiliation)]


def test_an_occupation_word_before_no_name_is_no_title(nlp):
    assert officials(nlp, "The pilot episode of the series aired on Monday.") == []


@pytest.mark.parametrize("text, span, title, affiliation", [
    # a portfolio ends before a joiner that leads to another title
    ("Novak, 61, is a former University of Oregon professor of economics and dean who left in May.",
     "Novak, 61, is a former University of Oregon professor of economics", "former professor of economics",
     "University of Oregon"),
    ("Tom Ray, minister of trade and industry, spoke.", "Tom Ray, minister of trade and industry",
     "minister of trade and industry", None),
])
def test_a_portfolio_ends_before_another_title(nlp, text, span, title, affiliation):
    assert [(r["text"], r["title"], r["affiliation"]) for r in officials(nlp, text)] == [(span, title, affiliation)]
