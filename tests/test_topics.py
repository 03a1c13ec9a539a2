"""A question's first topic is where recurrence counts it: specific, from its own words.

Every page here is fictional (invented councils and members) in the shapes real minutes use.
"""

from pathlib import Path

from councilgraph.graph.topics import DEFAULT_SCHEME, Concept, TopicScheme, annotate, default_scheme


def _questions(extract, text):
    x = extract(text)
    annotate(x, default_scheme())
    return x.questions


def _first_topics(extract, text):
    return [q.topics[0] if q.topics else None for q in _questions(extract, text)]


def test_points_under_a_specific_item_lead_with_its_topic(extract):
    text = ("Agenda item\n\nPothole Repairs - Update\n\nMinutes:\n\n"
            "Councillor Ames asked whether the highways contract covered safety critical work.\n\n"
            "Councillor Bryn asked how many pot holes had been filled.\n")
    assert _first_topics(extract, text) == ["potholes", "potholes"]


def test_a_broad_report_does_not_lead(extract):
    text = ("Agenda item\n\nQuarter 2 Performance Report\n\nMinutes:\n\n"
            "Councillor Ames asked why gritting routes had been cut.\n")
    assert _first_topics(extract, text) == ["winter-maintenance"]


def test_a_broad_or_generic_item_lends_no_topic_to_a_point_without_one(extract):
    """Two points under "Budget monitoring" or "Performance report" share no concern by that alone."""
    for title in ("Revenue Budget Monitoring", "Quarter 3 Performance Report", "Scrutiny Work Programme"):
        text = (f"Agenda item\n\n{title}\n\nMinutes:\n\n"
                "Councillor Ames asked about the figures on page 4.\n\n"
                "Councillor Bryn asked whether the table could be clearer next time.\n")
        assert _first_topics(extract, text) == [None, None], title


def test_cross_cutting_aspects_never_lead(extract):
    """Scrutiny, targets, delays ... are aspects of a concern: the concern comes first; an aspect is
    first only when nothing else is named."""
    text = ("Agenda item\n\nReport from the Chairs of Scrutiny Committees\n\nMinutes:\n\n"
            "Members asked questions of the scrutiny chairs, including:\n\n"
            "• Councillor Ames asked about the approach to scrutiny of the 2026/27 budget.\n\n"
            "• Councillor Bryn asked about the plans to replace the council's fleet of vans.\n\n"
            "• Councillor Cole expressed concern that targets for child immunisation were not being met.\n\n"
            "• Councillor Dunn asked when the scrutiny review would report.\n")
    qs = _questions(extract, text)
    assert [q.topics for q in qs] == [["finance", "scrutiny"], [], ["immunisation", "targets"], ["scrutiny"]]
    assert qs[2].topic_evidence == ["immunisation", "targets"]


def test_a_concern_narrowed_by_an_aspect_is_counted_at_the_concern(extract):
    """EHCP timeliness within EHCPs: "waiting for an EHC needs assessment" and "EHC plans completed"
    are one recurring concern; the narrower concept stays second."""
    text = ("Agenda item\n\nQuestions from Members\n\nMinutes:\n\n"
            "Councillor Ames asked how many families were waiting for an EHC needs assessment.\n\n"
            "Councillor Bryn asked how many EHC plans had been completed since April.\n")
    qs = _questions(extract, text)
    assert [q.topics[:2] for q in qs] == [["ehcp", "ehcp-timeliness"], ["ehcp"]]
    assert qs[0].topic_evidence[0] == qs[0].topic_evidence[1]  # the words that named the narrower one
    scheme = default_scheme()
    assert scheme.counted_as("road-repairs-timeliness") == "potholes"
    assert scheme.counted_as("send-inspection") == "send"
    # narrowed by another concern, not an aspect: its own level
    assert scheme.counted_as("social-worker-caseloads") == "social-worker-caseloads"
    assert scheme.counted_as("assessment-timeliness") == "assessment-timeliness"  # two aspects


def test_the_sentence_lead_in_is_the_question_s_own_words(extract):
    text = ("Agenda item\n\nChildren's Services Performance Report\n\nMinutes:\n\n"
            "The following points were made:\n\n"
            "• In relation to child sexual exploitation, it was suggested that it would be helpful to "
            "have figures for earlier years to show trends.\n\n"
            "• Councillor Ames asked about young people being used as drug mules by dealers.\n")
    qs = _questions(extract, text)
    assert qs[0].text.startswith("it was suggested")
    assert [q.topics for q in qs] == [["child-exploitation"], ["child-exploitation"]]
    assert qs[0].topic_evidence == ["child sexual exploitation"]


def test_neither_an_answer_inside_the_span_nor_a_named_post_lends_topics(extract):
    """Who is named ("the Cabinet Member for Adult Services", "Councillor Parks") and what they
    answered ("care packages") are not what was asked."""
    text = ("Agenda item\n\nRevenue Budget Monitoring\n\nMinutes:\n\n"
            "In response to a question from Councillor Ames about the column of zeros on page 12, the "
            "Cabinet Member for Adult Services, Councillor Dee, confirmed that care packages were being "
            "reviewed.\n\n"
            "Councillor Parks asked about the figures on page 4.\n\n"
            "Councillor Bryn asked whether the forecast overspend would be met from reserves.\n")
    assert [q.topics for q in _questions(extract, text)] == [[], [], ["budget-overspend", "reserves"]]


def test_a_question_known_through_its_answer_is_about_what_was_asked(extract):
    text = ("Agenda item\n\nChildren's Services Budget\n\nMinutes:\n\n"
            "The Head of Finance responded to questions from Members on the forecast overspend, stating "
            "that residential placements were the main pressure.\n\n"
            "The Head of Service responded to questions from Members stating that social worker "
            "caseloads had fallen.\n")
    assert _first_topics(extract, text) == ["budget-overspend", "social-worker-caseloads"]


def test_a_point_naming_only_an_aspect_continues_the_point_before(extract):
    text = ("Agenda item\n\nAdult Social Care Performance - Quarter 1\n\nMinutes:\n\n"
            "In discussion the following points were raised:\n\n"
            "a) Councillor Ames asked why the number of people waiting for a care act assessment had "
            "grown. The Director explained that vacancies had slowed assessments.\n\n"
            "b) A member sought assurance that people waiting were being contacted.\n\n"
            "c) The Chair asked for waiting times by locality to be circulated.\n")
    qs = _questions(extract, text)
    assert [q.topics[0] for q in qs] == ["adult-care-assessments"] * 3
    assert qs[2].topic_evidence[0] == "waiting times"


def test_a_point_naming_another_concern_continues_nothing(extract):
    text = ("Agenda item\n\nAdult Social Care Performance - Quarter 1\n\nMinutes:\n\n"
            "a) Councillor Ames asked why the number of people waiting for a care act assessment had grown.\n\n"
            "b) Councillor Bryn asked about delays in hospital discharge.\n\n"
            "c) Councillor Cole asked about targets.\n")
    # (c)'s aspect (targets) does not narrow (b)'s concern: it stays an aspect
    assert _first_topics(extract, text) == ["adult-care-assessments", "hospital-discharge", "targets"]


def test_labels_inside_longer_labels_do_not_count():
    scheme = default_scheme()
    assert [m.concept for m in scheme.find("the costs incurred by fly tips")] == ["fly-tipping"]
    assert [m.concept for m in scheme.find("KPIs for EHC needs assessments")] == ["performance", "ehcp"]
    assert "bridges" not in {m.concept for m in scheme.find("the new police command structure")}
    # a waiting list is an aspect of any service; the housing register is named as such
    assert [m.concept for m in scheme.assign("plans to reduce the 52 week waiting list")] == [
        "hospital-waiting-lists", "timeliness"]
    assert [m.concept for m in scheme.assign("families on the housing waiting list")] == ["housing-waiting-list"]
    # one label of two concepts keeps both
    both = TopicScheme({"a": Concept("a", "u:a", "Fleet"), "b": Concept("b", "u:b", "Vehicle fleet", ["fleet"])})
    assert {m.concept for m in both.find("the fleet")} == {"a", "b"}


def test_the_scheme_is_valid_skos():
    """What rdflib exports must stay a well-formed SKOS scheme: one prefLabel a concept, broader and
    narrower inverse, top concepts without broader, the generic collection a Collection of concepts."""
    from rdflib import RDF, SKOS, Graph

    g = Graph().parse(str(DEFAULT_SCHEME), format="turtle")
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    scheme_uri = next(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(concepts) > 250
    for c in concepts:
        assert len(list(g.objects(c, SKOS.prefLabel))) == 1, c
        assert (c, SKOS.inScheme, scheme_uri) in g, c
        for b in g.objects(c, SKOS.broader):
            assert b in concepts and (b, SKOS.narrower, c) in g, (c, b)
        for n in g.objects(c, SKOS.narrower):
            assert (n, SKOS.broader, c) in g, (c, n)
        top = (scheme_uri, SKOS.hasTopConcept, c) in g
        assert top == (not list(g.objects(c, SKOS.broader))), c
        assert (c, RDF.type, SKOS.Collection) not in g
    collections = list(g.subjects(RDF.type, SKOS.Collection))
    assert [str(c).rsplit("/", 1)[-1] for c in collections] == ["generic"]
    members = set(g.objects(collections[0], SKOS.member))
    assert members and members <= concepts
    generic = {c.id for c in default_scheme().concepts.values() if c.generic}
    assert generic == {str(m).rsplit("/", 1)[-1] for m in members}
    assert {"performance", "timeliness", "scrutiny"} <= generic and "potholes" not in generic


def test_the_scheme_cache_keeps_the_generic_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNCILGRAPH_CACHE", str(tmp_path))
    first = TopicScheme.load()  # parsed, then written to the cache
    assert list(Path(tmp_path).glob("scheme-*.json"))
    again = TopicScheme.load()  # read from the cache
    assert {c.id for c in again.concepts.values() if c.generic} == {
        c.id for c in first.concepts.values() if c.generic} != set()


def test_a_scheme_of_ones_own_marks_generic_concepts_by_a_collection_named_generic(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNCILGRAPH_CACHE", str(tmp_path / "cache"))
    ttl = tmp_path / "mine.ttl"
    ttl.write_text("""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/topics/> .
ex:roads a skos:Concept ; skos:prefLabel "Roads"@en .
ex:delays a skos:Concept ; skos:prefLabel "Delays"@en .
ex:road-delays a skos:Concept ; skos:prefLabel "Road works delays"@en ; skos:broader ex:roads, ex:delays .
ex:generic a skos:Collection ; skos:member ex:delays .
""", encoding="utf-8")
    scheme = TopicScheme.load(ttl)
    assert [c for c in scheme.concepts if scheme.concepts[c].generic] == ["delays"]
    assert scheme.counted_as("road-delays") == "roads"
    assert [m.concept for m in scheme.assign("delays to the roads")] == ["road-delays"]
    assert [m.concept for m in scheme.assign("the delays")] == ["delays"]


def test_a_point_on_a_concern_of_another_service_area_keeps_its_own_topic(extract):
    """Under a specific item the item leads, unless the point names a specific concern of another
    service area and nothing of the item's own."""
    text = ("Agenda item\n\nBetter Care Fund Update\n\nMinutes:\n\n"
            "Councillor Ames raised concern that home care staff were asked to give clinical support.\n\n"
            "Councillor Bryn asked about the new hub.\n\n"
            "Councillor Cole asked whether GP appointments would increase.\n")
    assert _first_topics(extract, text) == ["care-workers", "nhs-partnership", "gp-access"]


def test_two_questions_in_one_sentence_keep_their_own_words(extract):
    text = ("Agenda item\n\nQuestions from Members\n\nMinutes:\n\n"
            "Councillor Ames asked about potholes on the ring road and Councillor Bryn asked about parking "
            "charges in the town centre.\n")
    assert [q.topics for q in _questions(extract, text)] == [["potholes"], ["parking", "town-centres"]]


def test_a_heading_inside_an_item_leads_the_points_under_it(extract):
    """Minutes group the points raised under one item by headings of their own: the points under
    "Winter Gritting" are about gritting, though one asks about footways and staff."""
    text = ("Agenda item\n\nQuestions on the Work of the Committee\n\nMinutes:\n\n"
            "Winter Gritting\n\n"
            "Councillor Ames asked whether the footways were treated at the same time as the roads.\n\n"
            "Councillor Bryn asked whether different staff cleared the footways.\n\n"
            "Library Opening Hours\n\n"
            "Councillor Cole asked whether the mobile library would return to Easthope.\n")
    assert _first_topics(extract, text) == ["winter-maintenance", "winter-maintenance", "libraries"]


def test_what_is_no_heading_leads_nothing(extract):
    """A line naming a person (a list of those present) is no heading, nor is the short last line of
    a hard-wrapped paragraph."""
    text = ("Agenda item\n\nQuestions from Members\n\nMinutes:\n\n"
            "Parking Champion Councillor Ames\n\n"
            "Councillor Bryn asked whether the footways near the school\nwere cleared of Parking\n\n"
            "Councillor Cole asked whether the footways were cleared.\n")
    assert _first_topics(extract, text) == ["active-travel", "active-travel"]


def test_an_untitled_item_lends_its_opening_subject_to_points_naming_no_concern(extract):
    """With no title printed, the words before the first question say what the item is about: the
    points naming nothing of their own (the KPIs, the targets) are about it, a point naming a concern
    of its own keeps it."""
    text = ("Minutes:\n\nThe Waste Manager presented the report, noting that the household recycling rate "
            "was 48% and missed bins averaged 70 a month.\n\n"
            "Councillor Ames asked for the KPI results to be shown against last year.\n\n"
            "Councillor Bryn asked whether there were targets for the first two measures.\n\n"
            "Councillor Cole asked why fines for fly-tipping were so small.\n")
    assert _first_topics(extract, text) == ["recycling", "recycling", "fly-tipping"]


def test_a_point_opening_on_an_aspect_of_the_item_stays_on_the_item(extract):
    """"Consultation on the action plan was limited by the pandemic" is about consulting on the plan,
    not about the pandemic; a point opening on another service's concern has changed the subject."""
    text = ("Agenda item\n\nClimate Emergency Action Plan\n\nMinutes:\n\n"
            "Councillor Ames was concerned that consultation on the action plan had been limited by the "
            "COVID-19 pandemic.\n\n"
            "Councillor Bryn asked whether COVID-19 vaccination clinics would stay open.\n")
    assert _first_topics(extract, text) == ["climate-change", "covid"]


def test_a_staff_group_is_of_the_services_it_works_in(extract):
    """Social workers are workforce, and related (skos:related) to children's and adults' social care:
    talking to them under an item on children's social care is the item's concern."""
    text = ("Agenda item\n\nChildren's Social Care Improvement Update\n\nMinutes:\n\n"
            "Councillor Ames suggested that members talk to social workers about their experience.\n")
    assert _first_topics(extract, text) == ["childrens-social-care"]
    scheme = default_scheme()
    assert "childrens-services" in scheme.served_areas("social-workers")
    assert scheme.areas("social-workers") == {"workforce"}


def test_scheme_labels_for_common_concerns():
    """Early help is a concern of its own; "in the event of" is no event; home support is home care;
    the virtual head and children in care's schooling are the education of children in care, but
    care leavers' education stays the care leavers'; assessment timescales are an aspect."""
    scheme = default_scheme()

    def first(text):
        found = scheme.assign(text)
        return found[0].concept if found else None

    assert first("the number of early help assessments completed") == "early-help"
    assert first("what users should do in the event of a missed visit") is None
    assert first("gaps in home support in rural wards") == "home-care"
    assert first("the role of the virtual head") == "virtual-school"
    assert first("looked after children's school attendance and exclusions") == "virtual-school"
    assert first("care leavers in education, employment or training") == "care-leavers"
    assert scheme.concepts["assessment-timeliness"].generic


def test_the_scheme_s_related_links_are_symmetric_and_cached(tmp_path, monkeypatch):
    from rdflib import SKOS, Graph

    g = Graph().parse(str(DEFAULT_SCHEME), format="turtle")
    pairs = set(g.subject_objects(SKOS.related))
    assert pairs and all((b, a) in pairs for a, b in pairs)
    monkeypatch.setenv("COUNCILGRAPH_CACHE", str(tmp_path))
    TopicScheme.load()
    again = TopicScheme.load()  # from the cache
    assert "childrens-social-care" in again.concepts["social-workers"].related


def test_a_point_naming_only_what_the_points_before_named_pursues_their_concern(extract):
    """Members pursuing one matter across a paragraph name it once, then only the body that saw it:
    each later point is on the first one's concern. A point naming nothing, or only a broader concept
    (the finance costs), breaks no thread; a point naming a concern of its own starts one."""
    text = ("Agenda item\n\nMatters Arising\n\nMinutes:\n\n"
            "Councillor Ames asked why the treasury management strategy seen by the Audit Committee had "
            "changed. Councillor Bryn questioned whether the version the Audit Committee agreed was the "
            "one the Cabinet saw. She stated that the finance costs had moved by £1m. Councillor Cole "
            "suggested the process be looked at.\n\n"
            "Councillor Bryn believed the Audit Committee should see the report again. Councillor Dunn "
            "asked about potholes on Mill Lane.\n")
    assert _first_topics(extract, text) == ["treasury-management", "treasury-management", "finance", None,
                                            "treasury-management", "potholes"]


def test_idioms_are_not_concerns():
    """Words that are labels only as nouns of a service: "in the absence of", "on balance", "falls
    within", "to prevent", "would pay", "retaining the policy", "walking through the report"."""
    scheme = default_scheme()
    for text in ("in the absence of the Chair", "on balance the proposal was sound", "the matter falls within "
                 "the remit", "to prevent any repeat", "residents would pay more", "retaining the current policy",
                 "walking members through the report", "what users should do in the event of a missed visit"):
        assert scheme.assign(text) == [], text
    assert scheme.assign("persistent absence in secondary schools")[0].concept == "school-attendance"
    assert scheme.assign("staff pay and grading")[0].concept == "pay-and-grading"


def test_labels_for_policing_and_street_scene_concerns():
    scheme = default_scheme()

    def first(text):
        return scheme.assign(text)[0].concept

    assert first("the response to 101 calls") == "police-call-handling"
    assert first("the role of the panel in police complaints") == "police-complaints"
    assert first("the visibility of neighbourhood policing teams") == "neighbourhood-policing"
    assert first("overflowing dog waste bins") == "street-cleansing"  # litter and dog fouling are not
    assert first("fines for fly-tipping") == "fly-tipping"  # fly-tipping: two recurring concerns
    assert first("the use of glyphosate on verges") == "weed-control"
    assert first("an unauthorised incursion on the playing field") == "gypsy-traveller"
    assert first("the sale of council assets for £1") == "assets-property"
    assert first("injuries in a road traffic collision") == "road-safety"  # not traffic congestion
    # two recurring child protection concerns
    assert first("the visiting of children at risk") == "child-protection-visits"
    assert first("children on a child protection plan for the second or subsequent time") == "child-protection-plans"
    assert scheme.concepts["child-protection-plans"].broader == ["safeguarding-children"]


def test_a_committee_s_name_or_a_report_reference_is_no_subject(extract):
    """A line naming the meeting's body heads no points, and an acronym inside a report reference
    ("CSC/24/3": a fire authority's service committee) names no subject: the points of an untitled
    page naming no concern take the subject of its opening words instead."""
    text = ("Audit and Governance Committee\n\n"
            "Minutes:\n\nThe Committee considered report CSC/24/3 on the Fire and Rescue Authority's plan.\n\n"
            "Councillor Ames asked that members be kept informed of such matters.\n\n"
            "Councillor Bryn asked whether the treasury management strategy had changed.\n")
    assert _first_topics(extract, text) == ["fire-safety", "treasury-management"]
    scheme = default_scheme()
    assert [m.concept for m in scheme.find("report CSC/24/3")] == []
    assert [m.concept for m in scheme.find("in CSC this year")] == ["childrens-social-care"]
