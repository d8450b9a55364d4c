"""A check set of web news pages written for these tests (no third-party text): each article's body
is marked by hand (the list of its paragraphs), and each page layout wraps it in the boilerplate
real news sites have (menus, breadcrumbs, share bars, figure captions, related links, newsletter
boxes, comments, footers). `pages()` gives (name, html, body, metadata) for every article in every
layout; tests/test_web.py scores the reader's text against the bodies (shingle F1)."""
from __future__ import annotations

import html as _html
import json
import re

ARTICLES = [
    {
        "slug": "harbour-bridge-closure", "title": "Harbour bridge to close for six weeks of repairs",
        "author": "Marta Keane", "date": "2023-03-14", "section": "Local",
        "body": [
            "The Eastgate harbour bridge will close to all traffic for six weeks from April 3 while engineers replace corroded steel cables, the regional transport authority said on Tuesday.",
            "About 41,000 vehicles cross the bridge on an average weekday, according to the authority's own counts, and officials expect delays of up to 25 minutes on the two alternative routes through the old town.",
            "\"We know this is a real burden for commuters,\" said Lena Morrow, the authority's director of infrastructure. \"But the inspection in January left us no choice. Waiting another winter would have meant a longer closure later.\"",
            "Extra ferry crossings will run every 15 minutes during the morning and evening peaks, and the fare will be cut to one euro for the duration of the works.",
            "Shop owners on the southern bank said they feared losing customers. Tomas Ilves, who runs a bakery near the bridge's southern ramp, said trade had already fallen during a shorter closure in 2019.",
            "The repairs are expected to cost 18.5 million euros, most of it paid from a national fund for ageing infrastructure.",
        ],
    },
    {
        "slug": "drought-wheat-harvest", "title": "Drought cuts wheat harvest to lowest level in a decade",
        "author": "Daniel Osei", "date": "2022-08-02", "section": "Business",
        "body": [
            "Farmers across the central plains expect to bring in the smallest wheat harvest in ten years after the driest spring since records began, the national farmers' union said on Monday.",
            "The union estimates output at 9.2 million tonnes, down 23 percent from last year, with yields in some eastern districts falling by more than half.",
            "Grain prices on the domestic exchange rose 4 percent on the news, extending gains that began in June when the first crop surveys came in below expectations.",
            "Agriculture minister Paula Reyes said the government would speed up payments from an emergency fund and allow farmers to delay tax instalments until next year.",
            "Millers warned that bread prices could rise again in the autumn. The bakers' federation said its members had already raised prices twice this year to cover higher energy bills.",
        ],
    },
    {
        "slug": "museum-reopens", "title": "City museum reopens after three-year renovation",
        "author": "Ines Varga", "date": "2021-11-20", "section": "Culture",
        "body": [
            "The city museum reopened its doors on Saturday after a three-year renovation that added a glass roof over the central courtyard and doubled the space for temporary exhibitions.",
            "Hundreds of visitors queued in the rain before the opening at 10 a.m., many of them families with children drawn by free entry for the first weekend.",
            "The first exhibition in the new hall brings together 120 maps and drawings of the city from the sixteenth century to the present, many of them shown for the first time.",
            "\"People told us they wanted to see their own streets on the walls,\" said curator Jonas Berg. \"So we asked residents to lend us their old photographs, and more than 300 of them did.\"",
            "The renovation cost 42 million, shared between the city and a private foundation, and came in eight months late after problems with the roof's steel frame.",
            "From Monday, tickets will cost 12 for adults; residents under 26 will continue to enter free.",
        ],
    },
    {
        "slug": "striker-transfer", "title": "Rovers sign striker Amadou Diallo on four-year deal",
        "author": "Chris Holloway", "date": "2023-07-28", "section": "Sport",
        "body": [
            "Rovers have signed striker Amadou Diallo from Lyonnais Athletic on a four-year contract, the club announced on Friday, ending a search for a forward that lasted most of the summer.",
            "The fee was not disclosed, but people familiar with the deal put it at around 14 million including bonuses, which would make Diallo the club's second most expensive signing.",
            "The 24-year-old scored 17 league goals last season and was named his club's player of the year.",
            "\"He is quick, he works for the team and he finishes,\" manager Ruth Calloway told reporters at the training ground. \"We have watched him for two years.\"",
            "Diallo is expected to make his debut in the friendly against Northport on Sunday, a week before the league season opens.",
        ],
    },
    {
        "slug": "hospital-waiting-times", "title": "Hospital waiting lists grow despite extra funding, audit finds",
        "author": "Priya Natarajan", "date": "2024-02-06", "section": "Health",
        "body": [
            "The number of patients waiting more than a year for planned surgery rose by a fifth last year, even though hospitals received an extra 600 million in funding, the national audit office said in a report published on Tuesday.",
            "Auditors found that much of the money went to agency staff and overtime rather than to new operating theatres or permanent posts.",
            "Waiting lists are longest for hip and knee replacements, where the median wait has reached 14 months, and for cataract surgery in rural regions.",
            "The report recommends that the health ministry set clear targets for each region and publish monthly figures, which it stopped doing in 2020.",
            "A ministry spokesman said the report did not reflect improvements made since the autumn and that the number of long waits had begun to fall in December.",
            "Patient groups said the findings confirmed what their members had been telling them for months. \"Behind each number is someone in pain who cannot work,\" said Agnes Flood of the Patients' Alliance.",
            "The audit office will return to the subject next year to check whether its recommendations have been followed.",
        ],
    },
    {
        "slug": "storm-power-cuts", "title": "Storm leaves 80,000 homes without power",
        "author": "Sam Whitford", "date": "2023-10-19", "section": "Weather",
        "body": [
            "About 80,000 homes were without electricity on Thursday morning after a storm brought gusts of up to 130 kilometres per hour to the northern coast overnight.",
            "Fallen trees blocked dozens of roads and rail services between Marlow Bay and the regional capital were suspended until at least midday while crews cleared the lines.",
            "The grid operator said it had restored power to 35,000 customers by 9 a.m. and hoped to reconnect most of the rest by the evening, though some remote villages could wait until the weekend.",
            "Schools in three districts stayed closed. No serious injuries were reported, but a man in his sixties was treated in hospital after a roof collapsed on his car.",
            "Forecasters expect calmer weather from Friday, with another band of rain arriving on Sunday.",
        ],
    },
    {
        "slug": "council-budget-vote", "title": "Council approves budget with cuts to library hours",
        "author": "Hannah Brook", "date": "2024-03-01", "section": "Politics",
        "body": [
            "The city council approved next year's budget late on Thursday by 31 votes to 24, after a six-hour debate in which opposition members tried and failed to reverse cuts to library opening hours.",
            "The budget of 1.2 billion includes a 3 percent rise in property tax, the first in five years, and reduces the hours of eleven branch libraries from six days a week to four.",
            "Mayor Victor Lund said the cuts were painful but necessary after the national government reduced its grant to cities for the second year running.",
            "Opposition leader Clara Motte said the council had chosen to cut the services used most by children and older people while keeping money for a new conference centre.",
            "A petition against the library cuts gathered more than 9,000 signatures in two weeks. Its organisers said they would ask the council to review the decision in the autumn.",
        ],
    },
    {
        "slug": "startup-funding", "title": "Battery start-up raises 75 million to build first factory",
        "author": "Leo Fischer", "date": "2022-05-17", "section": "Technology",
        "body": [
            "Voltra, a start-up that makes batteries from sodium rather than lithium, has raised 75 million from investors to build its first factory, the company said on Tuesday.",
            "The plant, on the site of a former paper mill outside Kettering, is due to open in 2024 and to employ about 400 people when it reaches full output.",
            "Sodium batteries store less energy for their weight than lithium ones, but the raw materials are cheaper and easier to find, which makes them attractive for storing power from wind and solar farms.",
            "Chief executive Miriam Achebe said the company already had orders from two utilities and was in talks with a maker of electric buses.",
            "The funding round was led by a pension fund and included the regional development bank, which took a 10 percent stake.",
        ],
    },
]


def _esc(s: str) -> str:
    return _html.escape(s, quote=True)


def _nav(items=("Home", "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather")) -> str:
    return "<nav class='main-nav'><ul>" + "".join(f"<li><a href='/{i.lower()}'>{i}</a></li>" for i in items) + "</ul></nav>"


def _related(others: list[dict]) -> str:
    return "".join(f"<li><a href='/news/{o['slug']}'>{_esc(o['title'])}</a></li>" for o in others)


def _comments() -> str:
    rows = [("grumpy_reader", "Typical. They always announce these things at the last minute and nobody asks the people who actually live here."),
            ("J. Patel", "Good to see proper reporting on this, thank you. Would be interesting to know what happened with the previous plan."),
            ("anon1987", "This is the third time in ten years. When will anyone take responsibility?")]
    return "".join(f"<li class='comment'><div class='comment-author'>{u}</div><div class='comment-body'><p>{t}</p></div>"
                   f"<div class='comment-meta'>2 hours ago · Reply · Report</div></li>" for u, t in rows)


def _long_date(iso: str) -> str:
    import datetime as dt

    return dt.date.fromisoformat(iso).strftime("%B %-d, %Y")


def layout_classic(a: dict, others: list[dict]) -> str:
    """A newspaper CMS: header, menu, breadcrumb, figure with caption, share bar, tags, sidebar,
    newsletter box, comments and a footer full of links."""
    body = "".join(f"<p>{_esc(p)}</p>" for p in a["body"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{_esc(a['title'])} | The Daily Courier</title>
<meta name="author" content="{_esc(a['author'])}">
<meta property="article:published_time" content="{a['date']}T07:30:00+01:00">
<meta property="og:url" content="https://www.dailycourier.example/news/{a['slug']}">
<link rel="canonical" href="https://www.dailycourier.example/news/{a['slug']}">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{'section': '{a['section']}'}});</script>
<style>.main-nav li {{ display: inline; }}</style></head>
<body><div id="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a> <button>Accept all</button></div>
<header class="site-header"><a class="logo" href="/">The Daily Courier</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></header>
{_nav()}
<main><div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/{a['section'].lower()}">{a['section']}</a></div>
<article class="story">
<h1 class="headline">{_esc(a['title'])}</h1>
<div class="byline">By <a rel="author" href="/authors/x">{_esc(a['author'])}</a> · <time datetime="{a['date']}T07:30:00+01:00">{_long_date(a['date'])}</time></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<figure><img src="/img/{a['slug']}.jpg" alt=""><figcaption>The scene on Monday afternoon. Photo: Courier staff</figcaption></figure>
<div class="story-body">{body}</div>
<div class="tags">Topics: <a href="/t/1">{a['section']}</a> <a href="/t/2">Region</a></div>
</article>
<section class="related"><h2>Related stories</h2><ul>{_related(others)}</ul></section>
<section id="comments"><h2>Comments (3)</h2><ol>{_comments()}</ol></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol>{_related(others[::-1])}</ol>
<div class="newsletter"><h3>Get the morning briefing</h3><p>The day's top stories in your inbox every morning at 7.</p><form><input type="email"><button>Sign up</button></form></div></aside>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
<p>© 2024 The Daily Courier Ltd. All rights reserved. Registered in England No. 0000000.</p></footer></body></html>"""


def layout_wordpress(a: dict, others: list[dict]) -> str:
    """A WordPress news blog: entry header and meta, a pull-quote-free entry content with an inline
    'Read more' link, related posts, a comment list with a reply form, footer widgets."""
    paras = [f"<p>{_esc(p)}</p>" for p in a["body"]]
    paras.insert(2, f"<p class='read-more'><strong>Read more:</strong> <a href='/{others[0]['slug']}'>{_esc(others[0]['title'])}</a></p>")
    return f"""<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{_esc(a['title'])} &#8211; Valley Post</title>
<meta property="og:title" content="{_esc(a['title'])}"><meta property="og:site_name" content="Valley Post">
</head><body class="post-template-default single single-post">
<div id="page" class="site"><a class="skip-link" href="#content">Skip to content</a>
<header id="masthead"><div class="site-branding"><p class="site-title"><a href="/">Valley Post</a></p><p class="site-description">News from the valley since 1998</p></div>
<nav id="site-navigation"><ul id="primary-menu"><li><a href="/">Home</a></li><li><a href="/category/news">News</a></li><li><a href="/category/sport">Sport</a></li><li><a href="/advertise">Advertise</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{_esc(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{a['date']}T09:00:00+00:00">{_long_date(a['date'])}</time></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">{_esc(a['author'])}</a></span></span></div></header>
<div class="entry-content">{''.join(paras)}</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/news">News</a></span></footer>
</article>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related</h3>{_related(others)}</div>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/{others[1]['slug']}">Previous post: {_esc(others[1]['title'])}</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on &ldquo;{_esc(a['title'])}&rdquo;</h2><ol class="comment-list">{_comments()}</ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul>{_related(others[1:])}</ul></section>
<section class="widget"><h2 class="widget-title">Archives</h2><ul><li><a href="#">March 2024</a></li><li><a href="#">February 2024</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress | Theme: Newsup by Themeansar.</div></footer></div></body></html>"""


def layout_app(a: dict, others: list[dict]) -> str:
    """A modern news app's server-rendered page: generated class names, JSON-LD metadata, a video
    block with a caption, 'Related topics', an ad slot and a cookie dialog; paragraphs in divs."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": f"{a['date']}T05:12:44Z", "author": [{"@type": "Person", "name": a["author"]}],
          "mainEntityOfPage": f"https://news.example.org/articles/{a['slug']}"}
    blocks = []
    for i, p in enumerate(a["body"]):
        blocks.append(f"<div data-component='text-block' class='ssrcss-11r1m41-RichTextComponentWrapper'><p class='ssrcss-1q0x1qg-Paragraph'>{_esc(p)}</p></div>")
        if i == 1:
            blocks.append("<div data-component='video-block'><div class='player'>Media playback is unsupported on your device</div>"
                          "<p class='caption'>Watch: residents describe the morning</p></div>")
        if i == 3:
            blocks.append("<div data-component='ad-slot' class='ad'>Advertisement</div>")
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{_esc(a['title'])} - Example News</title>
<script type="application/ld+json">{json.dumps(ld)}</script>
<link rel="preload" href="/fonts/reith.woff2" as="font"></head>
<body><div id="consent"><h2>Let us know you agree to cookies</h2><p>We use cookies to give you the best online experience.</p><button>Yes, I agree</button><button>No, take me to settings</button></div>
<header class="ssrcss-1rvmmhz-Header"><a href="/">Example News</a><div><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a><a href="/weather">Weather</a><a href="/iplayer">Watch</a></div></header>
<div class="ssrcss-section-nav"><a href="/news/world">World</a><a href="/news/business">Business</a><a href="/news/tech">Tech</a><a href="/news/science">Science</a></div>
<main id="main-content"><article>
<header><h1 id="main-heading" class="ssrcss-15xko80-StyledHeading">{_esc(a['title'])}</h1></header>
<div data-component="byline-block"><div class="ssrcss-68pt20-Text-TextContributorName">By {_esc(a['author'])}</div><div class="ssrcss-84ltp5-Text">{a['section']} correspondent</div></div>
<div data-component="image-block"><figure><img src="x.jpg" alt="A view of the site"><figcaption><span>Image caption, </span>Officials visited the site earlier this week</figcaption></figure></div>
{''.join(blocks)}
<div data-component="topic-list"><h2>Related Topics</h2><ul><li><a href="/t/a">{a['section']}</a></li><li><a href="/t/b">Local government</a></li></ul></div>
</article>
<section data-component="links-block"><h2>More on this story</h2><ul>{_related(others[:3])}</ul></section></main>
<div class="most-read"><h2>Most read</h2><ol>{_related(others)}</ol></div>
<footer><div>Copyright © 2024 Example News. Example News is not responsible for the content of external sites. <a href="/help">Read about our approach to external linking.</a></div></footer></body></html>"""


def layout_legacy(a: dict, others: list[dict]) -> str:
    """An old regional site: tables for layout, font tags, paragraphs separated by <br><br>, a
    left menu column, a print/email line and a text-only footer."""
    body = "<br><br>\n".join(_esc(p) for p in a["body"])
    menu = "".join(f"<a href='/{i.lower()}.asp'>{i}</a><br>" for i in ("Front page", "Local", "Obituaries", "Classifieds", "Archive", "Contact"))
    return f"""<html><head><title>Northern Gazette - {_esc(a['title'])}</title>
<meta name="description" content="{_esc(a['body'][0][:150])}"><meta name="date" content="{a['date']}"></head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2"><img src="/banner.gif" alt="Northern Gazette"><br><font size="1">Serving the north since 1921 | Subscribe today: call 0800 000 000</font></td></tr>
<tr><td width="160" valign="top"><font face="Arial" size="2">{menu}<br><b>Weather</b><br>Cloudy, 12C</font></td>
<td valign="top"><font face="Arial" size="4"><b>{_esc(a['title'])}</b></font><br><font size="2"><i>By {_esc(a['author'])}, Staff Writer</i><br>Published: {_long_date(a['date'])}</font><br><br>
<font face="Arial" size="2">{body}</font><br><br>
<font size="1"><a href="/print.asp">Print this story</a> | <a href="/email.asp">Email this story</a> | <a href="/letters.asp">Write a letter to the editor</a></font><br><br>
<font size="2"><b>Other stories today:</b><br>{'<br>'.join(f"<a href='/{o['slug']}.asp'>{_esc(o['title'])}</a>" for o in others[:4])}</font></td></tr>
<tr><td colspan="2" align="center"><font size="1">Copyright 2004 Northern Gazette Publishing Co. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</font></td></tr></table></body></html>"""


LAYOUTS = {"classic": layout_classic, "wordpress": layout_wordpress, "app": layout_app, "legacy": layout_legacy}


def pages():
    """(name, html, body text, article metadata) for every article in every layout."""
    for i, a in enumerate(ARTICLES):
        others = ARTICLES[i + 1:] + ARTICLES[:i]
        for name, layout in LAYOUTS.items():
            yield f"{name}-{a['slug']}", layout(a, others), "\n\n".join(a["body"]), a


_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """The set of word N-grams of TEXT (lowercased): what 'shingle F1' compares."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()


def shingle_prf(got: str, gold: str) -> tuple[float, float, float]:
    g, h = shingles(got), shingles(gold)
    if not g or not h:
        return 0.0, 0.0, 0.0
    tp = len(g & h)
    p, r = tp / len(g), tp / len(h)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# A second set, written after the reader's rules were settled and never used to change them: its
# score is the held-out figure (tests/test_web.py reports both). Subheadings are part of the body.
HELD_OUT_ARTICLES = [
    {
        "slug": "rail-strike-talks", "title": "Rail unions call off strike after late-night talks",
        "author": "Olivia Grant", "date": "2024-05-09", "section": "Business",
        "body": [
            "Two rail unions called off a 48-hour strike planned for this weekend after talks with operators ran past midnight on Wednesday and ended with a revised pay offer.",
            "The offer raises wages by 5.5 percent this year and 4 percent next year, and drops a proposal to close ticket offices at 60 stations, according to a joint statement.",
            "What the deal means for passengers",
            "Services on Saturday and Sunday will run to the normal timetable, the operators said, although some early trains may be cancelled because crews had already been stood down.",
            "Passengers who bought refunds for cancelled journeys can keep them or rebook without a fee until the end of the month.",
            "What comes next",
            "Union members will vote on the offer over the next three weeks. \"We have not won everything, but this is an offer we can put to our members,\" said Frank Adeyemi, general secretary of the larger of the two unions.",
        ],
    },
    {
        "slug": "school-meals-pilot", "title": "Free school meals pilot to expand to 40 more schools",
        "author": "Beatriz Santos", "date": "2023-09-12", "section": "Education",
        "body": [
            "A pilot scheme offering free lunches to every primary pupil will expand to 40 more schools in January after teachers reported better attendance and concentration in the first year.",
            "The scheme began last September in 25 schools in the most deprived districts of the county. An evaluation by the local university found that attendance rose by two percentage points, and that fewer pupils were sent home ill.",
            "Councillor Amir Haddad, who leads on education, said the expansion would cost about 3.1 million a year, paid for by savings in the council's transport budget.",
            "Head teachers welcomed the news but warned that some school kitchens were too small to cook for every pupil. \"We serve lunch in three sittings already,\" said Karen Doyle, head of St Luke's primary.",
        ],
    },
    {
        "slug": "wildfire-evacuation", "title": "Thousands evacuated as wildfire spreads in the hills",
        "author": "Nikos Pappas", "date": "2023-07-22", "section": "World",
        "body": [
            "Around 3,000 people were ordered to leave their homes on Saturday as a wildfire fanned by strong winds spread through pine forests in the hills above the coastal town of Lindara.",
            "Firefighters backed by six water-bombing aircraft were trying to stop the flames from reaching the edge of the town, the civil protection agency said. Two villages were evacuated overnight.",
            "Temperatures reached 41 degrees on Friday, and forecasters expect the heat to last until Tuesday.",
            "Hotels in the town opened their doors to evacuated families, and the ferry company added extra sailings to the nearby islands for tourists who wanted to leave.",
            "No deaths have been reported. Three firefighters were treated for smoke inhalation, the agency said.",
        ],
    },
]


def layout_magazine(a: dict, others: list[dict]) -> str:
    """A magazine site: subheadings in the story, a pull quote, an author box, 'You may also like'
    cards, a newsletter box and a mega-footer."""
    parts = []
    for i, p in enumerate(a["body"]):
        if len(p) < 60 and not p.endswith("."):
            parts.append(f"<h2>{_esc(p)}</h2>")
        else:
            parts.append(f"<p>{_esc(p)}</p>")
        if i == 1:
            parts.append("<aside class='pullquote'><blockquote>\u201cIt changes everything for us\u201d</blockquote></aside>")
    cards = "".join(f"<div class='card'><a href='/{o['slug']}'><img src='x.jpg'><h3>{_esc(o['title'])}</h3></a><span>5 min read</span></div>"
                    for o in others[:4])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_esc(a['title'])} · The Weekly Review</title>
<meta property="og:title" content="{_esc(a['title'])}"><meta name="twitter:creator" content="@weeklyreview">
<meta itemprop="datePublished" content="{a['date']}"><meta name="author" content="{_esc(a['author'])}"></head>
<body><div class="topbar"><a href="/">The Weekly Review</a><span>Subscribe from 1 a week</span><a href="/account">My account</a></div>
<nav><a href="/politics">Politics</a> <a href="/economy">Economy</a> <a href="/culture">Culture</a> <a href="/podcasts">Podcasts</a></nav>
<div class="article-wrapper"><div class="kicker">{a['section']}</div><h1>{_esc(a['title'])}</h1>
<p class="standfirst">The week's big story, explained.</p>
<div class="meta">{_esc(a['author'])} | {_long_date(a['date'])} | <a href="#comments">12 comments</a></div>
<div class="article-body">{''.join(parts)}</div>
<div class="author-box"><img src="a.jpg"><p><strong>{_esc(a['author'])}</strong> is a staff writer covering {a['section'].lower()}. Follow on social media.</p></div>
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">Copy link</a></div></div>
<section class="more"><h2>You may also like</h2>{cards}</section>
<div class="newsletter"><h2>The Review, in your inbox</h2><p>Sign up for our free weekly newsletter and never miss a story.</p><input type="email" placeholder="Your email"><button>Sign up</button></div>
<footer><div class="cols"><ul><li>About</li><li>Careers</li><li>Advertise</li></ul><ul><li>Help</li><li>Contact</li><li>Complaints</li></ul></div>
<p>The Weekly Review is published by Review Media Group. © 2024. All rights reserved.</p></footer></body></html>"""


def layout_agency(a: dict, others: list[dict]) -> str:
    """A news agency's page: a dateline in the first paragraph, a photo gallery with captions,
    'Advertisement' slots, a trending rail, reporting credits and a licensing line."""
    paras = [f"<p data-testid='paragraph-{i}'>{_esc(p)}</p>" for i, p in enumerate(a["body"])]
    paras.insert(2, "<div class='ad-slot'><span>Advertisement · Scroll to continue</span></div>")
    gallery = "".join(f"<figure><img src='g{i}.jpg'><figcaption>Picture {i} of 3: scenes from the day. REUTERS-like Agency/Photographer</figcaption></figure>" for i in (1, 2, 3))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_esc(a['title'])} | Global Wire</title>
<meta name="article:published_time" content="{a['date']}T14:03:00Z"><meta name="article:author" content="{_esc(a['author'])}">
<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"] + "T14:03:00Z", "author": {"@type": "Person", "name": a["author"]}})}</script></head>
<body><header><a href="/">Global Wire</a><nav><a href="/world">World</a><a href="/markets">Markets</a><a href="/sustainability">Sustainability</a><a href="/legal">Legal</a></nav><button>Sign up</button></header>
<main><article><div class="section-label"><a href="/{a['section'].lower()}">{a['section']}</a></div>
<h1 data-testid="Heading">{_esc(a['title'])}</h1>
<div class="byline">By <a href="/authors/x">{_esc(a['author'])}</a></div><time datetime="{a['date']}T14:03:00Z">{_long_date(a['date'])} 2:03 PM UTC</time>
<div class="gallery">{gallery}</div>
<div class="article-body">{''.join(paras)}</div>
<p class="credits">Reporting by {_esc(a['author'])}; Editing by Helen Marsh</p>
<p class="trust">Our Standards: The Global Wire Trust Principles.</p>
<div class="license"><a href="/licensing">Purchase Licensing Rights</a></div></article>
<aside class="trending"><h2>Trending</h2><ol>{_related(others[:5])}</ol></aside></main>
<footer><p>All quotes delayed a minimum of 15 minutes. © 2024 Global Wire. All rights reserved.</p></footer></body></html>"""


HELD_OUT_LAYOUTS = {"magazine": layout_magazine, "agency": layout_agency}


def held_out_pages():
    """(name, html, body text, metadata) of the held-out set: new articles in new layouts."""
    for i, a in enumerate(HELD_OUT_ARTICLES):
        others = HELD_OUT_ARTICLES[i + 1:] + HELD_OUT_ARTICLES[:i] + ARTICLES
        for name, layout in HELD_OUT_LAYOUTS.items():
            yield f"{name}-{a['slug']}", layout(a, others), "\n\n".join(a["body"]), a
