"""Every named query on the sample corpus, with the exact rows expected, and checked by Neo4j's parser."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from councilgraph.queries.library import QUERIES

from councilgraph import api

from .conftest import ROOT, SAMPLE

EXPECTED = {'recurring_concerns': ({'min_committees': 6, 'min_years': 6},
                        ['topic', 'questions', 'n_committees', 'n_years', 'n_councils', 'first_year', 'last_year'],
                        [['topic/smoking-in-pregnancy', 18, 6, 5, 3, 2021, 2025],
                         ['topic/ehcp', 16, 6, 5, 3, 2021, 2025],
                         ['topic/social-worker-caseloads', 10, 6, 5, 3, 2021, 2025],
                         ['topic/hospital-discharge', 14, 6, 4, 3, 2022, 2025],
                         ['topic/care-home-fees', 10, 6, 4, 3, 2021, 2024],
                         ['topic/budget-overspend', 8, 6, 4, 3, 2021, 2024],
                         ['topic/social-worker-recruitment', 8, 6, 4, 3, 2021, 2025]]),
 'person_profile': ({'person': 'Whitlock'},
                    ['id', 'posts', 'questions', 'answers'],
                    [['northmoor/person/dana-whitlock',
                      [{'title': 'Corporate Policy and Performance Manager',
                        'first_seen': '2023-03-01',
                        'last_seen': '2023-05-23'},
                       {'title': 'Officer', 'first_seen': '2023-08-29', 'last_seen': '2023-08-29'},
                       {'title': 'Head of Performance and Intelligence',
                        'first_seen': '2023-11-11',
                        'last_seen': '2024-02-25'}],
                      0,
                      5]]),
 'topic_askers': ({'topic': 'potholes'},
                  ['id', 'name', 'questions'],
                  [['castlebridge/person/bilal-rahman', 'Bilal Rahman', 4],
                   ['castlebridge/person/agnes-thornycroft', 'Agnes Thornycroft', 2],
                   ['castlebridge/person/delphine-ward', 'Delphine Ward', 2],
                   ['kestrelvale/person/jonah-da-silva', 'Jonah da Silva', 1],
                   ['kestrelvale/person/margery-pike', 'Margery Pike', 1],
                   ['kestrelvale/person/r-chandrasekar', 'R Chandrasekar', 1]]),
 'compare_councils': ({'a': 'Northmoor County Council', 'b': 'Royal Borough of Kestrel Vale'},
                      ['topic', 'council_a', 'council_b', 'total'],
                      [['topic/ehcp', 6, 3, 9],
                       ['topic/hospital-discharge', 2, 7, 9],
                       ['topic/smoking-in-pregnancy', 4, 5, 9],
                       ['topic/potholes', 1, 6, 7],
                       ['topic/vacancies', 4, 3, 7],
                       ['topic/budget-overspend', 4, 2, 6],
                       ['topic/care-home-fees', 2, 4, 6],
                       ['topic/social-worker-caseloads', 2, 3, 5],
                       ['topic/social-worker-recruitment', 3, 2, 5],
                       ['topic/temporary-accommodation', 3, 2, 5],
                       ['topic/agency-social-workers', 1, 2, 3],
                       ['topic/housing-costs', 1, 1, 2],
                       ['topic/parking', 0, 2, 2],
                       ['topic/placement-costs', 0, 1, 1],
                       ['topic/rural-roads', 1, 0, 1],
                       ['topic/speech-and-language', 1, 0, 1]]),
 'topic_timeline': ({'topic': 'social-worker-recruitment'},
                    ['year', 'council', 'asker', 'source'],
                    [[2021, 'Northmoor County Council', None, '0000_northmoor-county-council.txt'],
                     [2023,
                      'Royal Borough of Kestrel Vale',
                      'R Chandrasekar',
                      '0016_royal-borough-kestrel-va.txt'],
                     [2023, 'Northmoor County Council', 'Gareth Penhallow', '0031_northmoor-county-council.txt'],
                     [2024, 'Royal Borough of Kestrel Vale', 'Tobias Wren', '0013_royal-borough-kestrel-va.txt'],
                     [2024, 'Castlebridge City Council', 'Agnes Thornycroft', '0017_castlebridge-city-counci.txt'],
                     [2024, 'Castlebridge City Council', 'Agnes Thornycroft', '0015_castlebridge-city-counci.txt'],
                     [2024, 'Castlebridge City Council', 'Agnes Thornycroft', '0032_castlebridge-city-counci.txt'],
                     [2025, 'Northmoor County Council', 'M Tindall', '0036_northmoor-county-council.txt']]),
 'officer_answers': ({'person': 'Dana Whitlock'},
                     ['as_post', 'date', 'asker', 'source'],
                     [['northmoor/post/officer', '2023-08-29', None, '0043_northmoor-county-council.txt'],
                      ['northmoor/post/head-of-performance-and-intelligence',
                       '2023-11-11',
                       'Callum Ferrand',
                       '0031_northmoor-county-council.txt'],
                      ['northmoor/post/head-of-performance-and-intelligence',
                       '2023-11-11',
                       'M Tindall',
                       '0031_northmoor-county-council.txt'],
                      ['northmoor/post/head-of-performance-and-intelligence',
                       '2023-11-11',
                       'M Tindall',
                       '0031_northmoor-county-council.txt'],
                      ['northmoor/post/head-of-performance-and-intelligence',
                       '2024-02-25',
                       None,
                       '0007_northmoor-county-council.txt']]),
 'person_questions': ({'person': 'Sunita Draycott'},
                      ['date', 'committee', 'responders', 'source'],
                      [['2021-08-12',
                        'Corporate Overview and Scrutiny Management Board',
                        ['Neil Ostrander'],
                        '0000_northmoor-county-council.txt'],
                       ['2023-03-01',
                        "Children and Young People's Overview and Scrutiny Committee",
                        ['Martin Kellaway'],
                        '0008_northmoor-county-council.txt']]),
 'topic_indicators': ({'topic': 'temporary-accommodation'},
                      ['indicator', 'item_values', 'direction', 'date'],
                      [['households in temporary accommodation', '["212", "247"]', 'up', '2021-11-18'],
                       ['households in temporary accommodation', '["212", "247"]', 'up', '2022-11-07'],
                       ['households in temporary accommodation', '["212", "247"]', 'up', '2023-06-02'],
                       ['households in temporary accommodation', '["212", "247"]', 'up', '2025-05-14'],
                       ['households in temporary accommodation', '["212", "247"]', 'up', '2025-05-25'],
                       # "the number of households in temporary accommodation had risen": who is counted
                       # stays in the name, so the indicator now carries the topic
                       ['number of households in temporary accommodation', '[]', 'up', '2023-05-23'],
                       ['number of households in temporary accommodation', '[]', 'up', '2023-06-04'],
                       ['number of households in temporary accommodation', '["212", "247"]', 'up', '2023-11-08']]),
 'open_actions': ({'council': 'Royal Borough of Kestrel Vale'},
                  ['committee', 'date', 'action'],
                  [['People Overview and Scrutiny Panel',
                    '2022-05-30',
                    'That an update on the EHCP recovery plan be provided to Members.'],
                   ['People Overview and Scrutiny Panel',
                    '2023-12-10',
                    'That an update on the EHCP recovery plan be provided to Members.'],
                   ['People Overview and Scrutiny Panel',
                    '2024-05-12',
                    'That a breakdown of the overspend by directorate be provided to Members.'],
                   ['People Overview and Scrutiny Panel',
                    '2024-05-27',
                    'That a breakdown of the overspend by directorate be provided to Members.'],
                   ['People Overview and Scrutiny Panel',
                    '2025-05-26',
                    'She undertook to circulate an update on the EHCP recovery plan to Members.'],
                   ['People Overview and Scrutiny Panel',
                    '2025-05-26',
                    'That an update on the EHCP recovery plan be provided to Members.'],
                   ['Place Overview and Scrutiny Panel',
                    '2023-11-24',
                    'That a list of planned resurfacing schemes by ward be provided to Members.'],
                   ['Place Overview and Scrutiny Panel',
                    '2025-05-14',
                    'He undertook to circulate a breakdown of social worker caseloads by team to Members.'],
                   ['Place Overview and Scrutiny Panel',
                    '2025-05-25',
                    'That a list of planned resurfacing schemes by ward be provided to Members.'],
                   ['Place Overview and Scrutiny Panel',
                    '2025-06-10',
                    'He undertook to circulate a list of planned resurfacing schemes by ward to Members.'],
                   ['Place Overview and Scrutiny Panel',
                    '2025-06-10',
                    'That a list of planned resurfacing schemes by ward be provided to Members.']])}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "sample.lbdb"
    api.build([SAMPLE / "minutes"], path)
    return path


def test_every_query_in_the_library_has_expected_rows():
    assert set(EXPECTED) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows(store, name):
    params, cols, expected = EXPECTED[name]
    res = api.query(name, params, store=store)
    rows = [[Path(r[res.columns.index(c)]).name if c == "source" else r[res.columns.index(c)] for c in cols]
            for r in res.rows]
    assert rows == expected


def test_recurring_concerns_names_who_asked(store):
    res = api.query("recurring_concerns", {"min_committees": 2, "min_years": 3}, store=store).records()
    caseloads = next(r for r in res if r["topic"] == "topic/social-worker-caseloads")
    assert caseloads["n_councils"] == 3 and caseloads["n_years"] >= 3
    assert "Bilal Rahman" in caseloads["askers"]


# -- Neo4j's own Cypher parser --------------------------------------------------------------------------
LINT = ROOT / "tests" / "cypher_lint.cjs"


def _linter_dir() -> Path | None:
    for d in (os.environ.get("CG_CYPHER_LINT_DIR"), str(ROOT / ".tools" / "cypher")):
        if d and (Path(d) / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
            return Path(d)
    return None


@pytest.mark.skipif(shutil.which("node") is None or _linter_dir() is None,
                    reason="Neo4j's Cypher parser (@neo4j-cypher/language-support) is not installed; "
                           ".ci/run installs it into .tools/cypher")
def test_every_query_parses_with_neo4j_parser():
    payload = json.dumps({q.name: q.cypher for q in QUERIES.values()})
    env = {**os.environ, "NODE_PATH": str(_linter_dir() / "node_modules")}
    out = subprocess.run(["node", str(LINT)], input=payload, capture_output=True, text=True, env=env,
                         cwd=_linter_dir(), timeout=120)
    assert out.returncode == 0, out.stderr
    errors = json.loads(out.stdout)
    assert errors == {name: [] for name in QUERIES}
    # and the parser does catch mistakes
    bad = subprocess.run(["node", str(LINT)], input=json.dumps({"bad": "MATCH (p:Person RETURN p"}),
                         capture_output=True, text=True, env=env, cwd=_linter_dir(), timeout=120)
    assert json.loads(bad.stdout)["bad"]


# -- a real Neo4j, when one is given ------------------------------------------------------------------------
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                    reason="no Neo4j server here: set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to run")
def test_push_is_idempotent_and_queries_match(store):
    from councilgraph.queries.neo4j import Neo4jTarget

    uri = os.environ["NEO4J_URI"]
    n1 = api.push(store, uri)
    with Neo4jTarget(uri) as neo:
        count = neo.run("MATCH (n) RETURN count(n) AS n", {}).rows[0][0]
        api.push(store, uri)
        assert neo.run("MATCH (n) RETURN count(n) AS n", {}).rows[0][0] == count
        for name, (params, cols, expected) in EXPECTED.items():
            res = api.query(name, params, neo4j=neo)
            rows = [[Path(r[res.columns.index(c)]).name if c == "source" else r[res.columns.index(c)]
                     for c in cols] for r in res.rows]
            assert rows == expected, name
    assert n1[0] > 0


@pytest.mark.skipif(not (ROOT.parent / "shared" / "seeds").is_dir(), reason="../shared/seeds not present")
def test_seed_minutes_show_caseloads_and_recruitment_recurring(tmp_path):
    store = tmp_path / "seeds.lbdb"
    api.build([ROOT.parent / "shared" / "seeds"], store)
    rows = {r["topic"]: r for r in api.query("recurring_concerns", store=store).records()}
    caseloads, recruitment = rows["topic/social-worker-caseloads"], rows["topic/social-worker-recruitment"]
    assert caseloads["councils"] == recruitment["councils"] == ["Durham County Council", "Warwickshire County Council"]
    assert len(set(caseloads["years"]) | set(recruitment["years"])) >= 3
    assert {"Chilvers", "Jopling", "Mulholland"} <= set(caseloads["askers"])
    assert set(recruitment["askers"]) == {"Davies", "Jopling"}
