"""The fictional world the sample corpus and the generator write about.

Three invented councils, their committees, members and officers, and the concerns that recur
in their minutes. No real council or person is named; officers change job titles between years
as real officers do, so identity resolution has something to get right.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    gender: str  # "f" | "m"
    kind: str  # councillor | officer | other
    roles: tuple[tuple[int, str], ...] = ()  # (from municipal year start, title) for officers
    office: str | None = None  # e.g. "Cabinet Member for Children's Services"

    def role_in(self, year: int) -> str | None:
        current = None
        for start, title in self.roles:
            if year >= start:
                current = title
        return current or (self.roles[0][1] if self.roles else self.office)

    @property
    def pronoun(self) -> str:
        return "She" if self.gender == "f" else "He"


@dataclass(frozen=True)
class Council:
    name: str
    host: str
    county: bool
    committees: tuple[str, ...]
    councillors: tuple[Person, ...]
    officers: tuple[Person, ...]
    partners: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Concern:
    """A recurring concern: what members ask about it and what officers say back."""

    group: str  # gold concern group (= expected first topic)
    np: str  # noun phrase
    questions: tuple[str, ...]  # clauses after "asked"
    concerns: tuple[str, ...]  # clauses after "expressed concern that"
    answers: tuple[str, ...]  # clauses after "explained that"
    indicator: tuple[str, str, str, str] | None = None  # (name, v1, v2, direction)
    service: str = "children"  # which committee family discusses it
    followup: str | None = None  # action text, e.g. "a breakdown of caseloads by team"
    extra: dict = field(default_factory=dict)


def _c(given, surname, gender, office=None):
    return Person(given, surname, gender, "councillor", office=office)


def _o(given, surname, gender, *roles):
    return Person(given, surname, gender, "officer", roles=tuple(roles))


COUNCILS: tuple[Council, ...] = (
    Council(
        name="Northmoor County Council", host="democracy.northmoor.gov.uk", county=True,
        committees=("Children and Young People's Overview and Scrutiny Committee",
                    "Adults, Wellbeing and Health Overview and Scrutiny Committee",
                    "Corporate Overview and Scrutiny Management Board"),
        councillors=(
            _c("Priya", "Lomax", "f"), _c("Gareth", "Penhallow", "m"), _c("Morag", "Tindall", "f"),
            _c("Idris", "Quarrie", "m"), _c("Beatrix", "Okonjo", "f"), _c("Callum", "Ferrand", "m"),
            _c("Hester", "Vane", "f", office="Chair"), _c("Rupert", "Ashdown", "m",
                                                          office="Cabinet Member for Children's Services"),
            _c("Sunita", "Draycott", "f"), _c("Owain", "le Brun", "m"),
        ),
        officers=(
            _o("Dana", "Whitlock", "f", (2021, "Corporate Policy and Performance Manager"),
               (2023, "Head of Performance and Intelligence")),
            _o("Martin", "Kellaway", "m", (2021, "Head of Children's Social Care")),
            _o("Fiona", "Braddock", "f", (2021, "Strategic Manager for SEND and Inclusion")),
            _o("Neil", "Ostrander", "m", (2021, "Director of Public Health")),
            _o("Alison", "Marchetti", "f", (2021, "Head of Adult Care Commissioning")),
        ),
    ),
    Council(
        name="Royal Borough of Kestrel Vale", host="moderngov.kestrelvale.gov.uk", county=False,
        committees=("People Overview and Scrutiny Panel", "Place Overview and Scrutiny Panel"),
        councillors=(
            _c("Tobias", "Wren", "m"), _c("Elspeth", "Harrower", "f"), _c("Jonah", "da Silva", "m"),
            _c("Margery", "Pike", "f"), _c("Ravi", "Chandrasekar", "m"), _c("Lucinda", "Hale", "f",
                                                                               office="Chairman"),
            _c("Desmond", "Oyelaran", "m", office="Lead Member for Adult Social Care"),
        ),
        officers=(
            _o("Harriet", "Selby", "f", (2021, "Director of Children's Services")),
            _o("Colin", "Mabey", "m", (2021, "Head of Highways and Transport")),
            _o("Yvonne", "Achterberg", "f", (2021, "Head of Housing Services")),
            _o("Patrick", "Dunleavy", "m", (2021, "Service Lead for Social Work")),
        ),
    ),
    Council(
        name="Castlebridge City Council", host="committees.castlebridge.gov.uk", county=False,
        committees=("Housing and Communities Scrutiny Committee", "Resources Scrutiny Committee"),
        councillors=(
            _c("Agnes", "Thornycroft", "f"), _c("Bilal", "Rahman", "m"), _c("Connor", "McAvoy", "m"),
            _c("Delphine", "Ward", "f"), _c("Ewan", "Stroud", "m", office="Chair"),
            _c("Frances", "Oduya", "f", office="Executive Member for Finance"),
        ),
        officers=(
            _o("Graham", "Pettifer", "m", (2021, "Strategic Director of Resources")),
            _o("Imogen", "Latham", "f", (2021, "Housing Options Manager"), (2023, "Head of Housing Options")),
            _o("Kwame", "Asante", "m", (2021, "Head of Finance")),
        ),
    ),
)

CONCERNS: tuple[Concern, ...] = (
    Concern("social-worker-caseloads", "caseloads for children's social workers",
            ("whether caseloads for children's social workers had come down since the last report",
             "what the average caseload per social worker was in the busiest teams",
             "how the service was managing the workload of social workers with the highest caseloads"),
            ("social worker caseloads remained too high in some teams",
             "the volume of cases held by newly qualified social workers was not sustainable"),
            ("average caseloads had reduced but a small number of teams were still above the target of 18",
             "caseloads were reviewed monthly and cases were reallocated where a worker held more than 20",
             "newly qualified social workers had protected caseloads during their first year"),
            ("average caseload per social worker", "21.4", "19.6", "down"), "children",
            "a breakdown of social worker caseloads by team"),
    Concern("social-worker-recruitment", "the recruitment of social workers",
            ("for an update on the recruitment and retention of social workers",
             "what more could be done to recruit experienced social workers",
             "whether the reliance on agency social workers was reducing"),
            ("the council was losing experienced social workers to neighbouring authorities",
             "spending on agency social workers was rising"),
            ("a new recruitment campaign for social workers had attracted 14 applicants",
             "the social worker vacancy rate had fallen and the retention payment had helped",
             "agency social workers now made up a smaller share of the workforce than a year ago"),
            ("social worker vacancy rate", "17%", "12%", "down"), "children"),
    Concern("ehcp", "education, health and care plans",
            ("why the proportion of EHCPs issued within 20 weeks had fallen",
             "how many families were waiting for an EHC needs assessment",
             "what was being done to clear the backlog of EHCP reviews"),
            ("families were waiting too long for EHCPs to be finalised",),
            ("the number of EHCPs issued within 20 weeks had improved after additional caseworkers were appointed",
             "a recovery plan was in place and the backlog of annual reviews was falling"),
            ("EHCPs issued within 20 weeks", "48%", "61%", "up"), "children",
            "an update on the EHCP recovery plan"),
    Concern("smoking-in-pregnancy", "smoking in pregnancy",
            ("why the percentage of mothers smoking at the time of delivery had increased",
             "what support was offered to pregnant women who smoked"),
            ("rates of smoking in pregnancy remained above the national average",),
            ("a stop smoking service was now based in each maternity unit",
             "the incentive scheme for pregnant smokers had been extended to the whole county"),
            ("mothers smoking at the time of delivery", "13.1%", "14.2%", "up"), "adults"),
    Concern("care-homes", "care home fees",
            ("whether care home providers had raised concerns about the fee uplift",
             "how many care homes had closed in the last year"),
            ("the fee uplift would not cover providers' rising costs",),
            ("the fee uplift had been agreed with providers and no care homes had closed this year",
             "the market was being monitored closely and contingency plans were in place"),
            None, "adults"),
    Concern("hospital-discharge", "delayed discharges from hospital",
            ("what was causing delayed discharges from hospital",
             "whether the number of people waiting to leave hospital had improved"),
            ("people were waiting too long to be discharged from hospital",),
            ("delayed discharges had reduced following the expansion of the reablement service",),
            ("people delayed in hospital", "64", "41", "down"), "adults"),
    Concern("potholes", "pothole repairs",
            ("how long residents were waiting for potholes to be repaired",
             "why the number of reported potholes had risen"),
            ("the condition of rural roads was deteriorating",),
            ("an additional 2,400 potholes had been repaired since January using the extra government funding",
             "defects were prioritised by risk and the most serious were repaired within 24 hours"),
            ("potholes repaired within 28 days", "72%", "85%", "up"), "place",
            "a list of planned resurfacing schemes by ward"),
    Concern("temporary-accommodation", "the use of temporary accommodation",
            ("how many families were in bed and breakfast accommodation",
             "what the cost of temporary accommodation was to the council"),
            ("the cost of temporary accommodation was placing pressure on the budget",
             "families with children were staying too long in bed and breakfast accommodation"),
            ("the number of households in temporary accommodation had risen but no family had stayed in bed "
             "and breakfast for more than six weeks",
             "new leased properties would reduce the reliance on hotels"),
            ("households in temporary accommodation", "212", "247", "up"), "housing"),
    Concern("budget-overspend", "the forecast overspend",
            ("what action was being taken to reduce the forecast overspend",
             "whether the overspend in children's placements could be contained"),
            ("the forecast overspend would have to be met from reserves",),
            ("spending controls had been introduced and the overspend had reduced since the last report",
             "placement costs were the main pressure and a review of high-cost placements was under way"),
            ("forecast overspend", "£6.2m", "£4.8m", "down"), "finance",
            "a breakdown of the overspend by directorate"),
    Concern("vacancies", "staff vacancies",
            ("how many posts in the service were vacant",),
            ("vacancies were affecting the service's ability to meet its targets",),
            ("the vacancy rate had fallen to 9% and several hard to fill posts had been recruited to",),
            None, "finance"),
)
