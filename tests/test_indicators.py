"""Indicators in the shapes UK minutes print them (fictional councils and figures)."""

from councilgraph.loaders.extract.indicators import find_indicators
from councilgraph.loaders.extract.segment import blocks, sentences


def _read(text):
    sents = [s for b in blocks(text) for s in sentences(text, b)]
    out = find_indicators(text, sents)
    for i in out:
        assert text[i.span.start:i.span.end] == i.text  # the evidence is the printed words
    return {i.name: (i.values, i.direction) for i in out}


def test_counts_and_amounts_keep_values_as_printed():
    got = _read("Officers reported that 412 EHC plans were finalised in the year. "
                "The forecast overspend of £4.7m was discussed.\n")
    assert got["EHC plans finalised"] == (["412"], None)  # what was done to them names them
    assert got["forecast overspend"] == (["£4.7m"], None)


def test_item_numbers_years_and_spans_of_years_are_not_counts():
    got = _read("57 Quarterly Performance Report\n\nThe 2019- 22 savings plan was noted in 2021 by members.\n")
    assert got == {}


def test_negation_gives_no_direction():
    got = _read("The vacancy rate had not increased from 8% to 9% as feared.\n")
    assert all(d != "up" for _, d in got.values())


def test_named_scorecard():
    got = _read("Members considered the Performance Scorecard for Adult Social Care and Housing.\n")
    assert any(n.startswith("Performance Scorecard for Adult Social Care") for n in got)


def test_a_denominator_beside_a_share_is_not_a_second_indicator():
    got = _read("Of the 40 service measures (SMs), 10 were for this panel. 70% (7) of SMs were on track.\n")
    assert "service measures" not in got


# --- named measures and counts (fictional councils, the shapes UK minutes use) -----------------

def test_a_year_does_not_swallow_the_count_after_it():
    got = _read("In 2023, there were 84 planning appeals lodged, compared to 51 in 2022.\n")
    assert got == {"planning appeals lodged": (["84"], None)}


def test_what_was_done_to_a_count_names_it():
    got = _read("The auditor said 1,150 street lights had been repaired and 2,300 tree surveys were completed.\n")
    assert got["street lights repaired"] == (["1,150"], None)
    assert got["tree surveys completed"] == (["2,300"], None)


def test_counts_written_in_words():
    got = _read("The auditor reported that six audit reviews had been completed and three follow up visits "
                "were also undertaken. Two separate reports, for Highways and Parks, were tabled. Three councils "
                "which shared the service would be consulted.\n")
    assert got == {"audit reviews completed": (["six"], None), "follow up visits undertaken": (["three"], None)}


def test_x_out_of_y_keeps_both_figures_and_the_share():
    got = _read("In the year 1,840 care plans out of 2,300 (80%) had been reviewed.\n")
    assert got["care plans"] == (["1,840", "2,300", "80%"], None)


def test_a_share_keeps_what_it_says_of_the_group():
    got = _read("Around 31% of residents were still classified as overweight, the panel heard. "
                "This equated to 4% of the net budget.\n")
    assert got == {"residents classified as overweight": (["31%"], None)}


def test_named_measures_with_their_travel_and_no_figure():
    got = _read("Officers said that response times had started to fall. The sickness absence rates had "
                "remained unchanged. Members were concerned that, on the whole, housing repair targets were not "
                "being met. Over the last two summers, bed occupancy numbers have not risen enough to matter.\n")
    assert got["response times"] == ([], "down")
    assert got["sickness absence rates"] == ([], None)
    assert got["housing repair targets"] == ([], None)
    assert got["bed occupancy numbers"] == ([], None)  # "have not risen" is no direction


def test_a_measure_that_is_rising_or_falling():
    got = _read("Slippage was explained by rising admissions and overall waiting list numbers, officers said.\n")
    assert got["admissions and overall waiting list numbers"] == ([], "up")


def test_a_number_of_is_several_and_procedural_counts_are_no_measure():
    got = _read("The inspection made a number of recommendations. The number of questions allowed is two. "
                "Members said the number of fly-tipping incidents was a serious matter.\n")
    assert list(got) == ["number of fly-tipping incidents"]


def test_rates_per_population_and_waiting_lists():
    got = _read("Officers noted the borough had the highest library membership per 1,000 residents and that "
                "there were plans to cut the 18+ month housing waiting list by 2026.\n")
    assert "library membership per 1,000 residents" in got
    assert "18+ month housing waiting list" in got


def test_the_money_position_without_a_figure():
    got = _read("The Director said the council had moved to a forecast underspend. Members noted the "
                "estimated outturn for 2024/25.\n")
    assert set(got) == {"forecast underspend", "estimated outturn for 2024/25"}


def test_a_change_of_a_figure_from_an_earlier_one():
    got = _read("This was a modest improvement of £0.8 million from the previous forecast deficit at Quarter 2.\n")
    assert got == {"improvement from previous forecast deficit at Quarter 2": (["£0.8 million"], None)}


def test_a_change_in_one_word_keeps_the_change_and_its_figure():
    got = _read("The figures showed an overall reduction in burglary of 12%. Work on the scheme increased in 2024.\n")
    assert got == {"reduction in burglary": (["12%"], "down")}


def test_an_average_with_its_figure():
    got = _read("The average time to relet a void property (excluding major works) was 41 days.\n")
    assert got == {"average time": (["41 days"], None)}


def test_targets_and_figures_for_a_named_service():
    got = _read("Councillor Amos was concerned that targets in relation to school readiness were not being met. "
                "Members queried the budget figures for residential placements with two carers.\n")
    assert "school readiness" in got
    assert "residential placements with two carers" in got


def test_one_measure_named_twice_is_one_indicator():
    got = _read("Members discussed the percentage of pupils persistently absent. A pilot had reduced the number "
                "of pupils persistently absent in one area. The forecast overspend of £2.1m was noted; the report "
                "projected an overspend of £2.1 million.\n")
    assert sorted(got) == ["forecast overspend", "percentage of pupils persistently absent"]


def test_the_cost_of_a_service_with_a_modifier():
    got = _read("She referred to a report on the net cost of supporting unaccompanied minors.\n")
    assert list(got) == ["net cost of supporting unaccompanied minors"]


def test_references_and_item_numbers_are_not_counts():
    got = _read("42 Apologies for Absence\n\nThe Chair referred to point 12 of the inspection report. "
                "There was a 15 minute break.\n")
    assert got == {}


def test_an_acronym_in_brackets_stays_in_the_name_unless_defined():
    got = _read("The number of school transport appeals (STAs) heard had risen. The number of home adaptation "
                "grants (DFGs) approved had increased.\n")
    assert "number of school transport appeals heard" in got
    assert "number of home adaptation grants (DFGs) approved" in got


def test_a_measure_at_a_figure_or_moved_to_one():
    got = _read("Sickness absence stood at 9.1 days per employee. The council tax collection rate had fallen "
                "from 97.2% to 96.1%. The final deadline date was 9th January. Councillor Ames was 10 minutes "
                "late.\n")
    assert got["Sickness absence"] == (["9.1 days"], None)
    assert got["council tax collection rate"] == (["97.2%", "96.1%"], "down")
    assert len(got) == 2  # a date and a person are not measures


def test_against_a_comparator_or_a_status():
    got = _read("Reablement outcomes were below the national average. Household recycling was rated amber.\n")
    assert set(got) == {"Reablement outcomes", "Household recycling"}


def test_a_subject_that_moved_but_not_one_that_moved_something():
    got = _read("Council tax arrears had doubled since 2022. The housing service had reduced its agency spend. "
                "Fly-tipping reports had seen a sharp rise.\n")
    assert got["Council tax arrears"] == ([], None)
    assert got["Fly-tipping reports"] == ([], "up")
    assert "housing service" not in got


def test_generic_indicators_name_no_measure():
    got = _read("Several performance indicators had dropped. Results should be viewed alongside other indicators.\n")
    assert got == {}


def test_a_head_with_a_word_of_its_own_names_a_measure():
    got = _read("Members asked about the staff vacancy rate and pupil numbers, but not business rates, "
                "telephone numbers or the new performance indicators.\n")
    assert set(got) == {"staff vacancy rate", "pupil numbers"}


def test_a_measure_at_a_level_and_a_target_to_move_one():
    got = _read("The service reported a resident satisfaction score of 8.2. There was a national target to "
                "reduce emergency hospital admissions by 2027.\n")
    assert got["resident satisfaction score"] == (["8.2"], None)
    assert "emergency hospital admissions" in got


def test_amounts_with_units_cases_of_and_timeliness():
    got = _read("There were 45 cases of fly-tipping. 3,400 tonnes of food waste had been collected. Repairs "
                "completed within 28 days had risen.\n")
    assert got["cases of fly-tipping"] == (["45"], None)
    assert "tonnes of food waste collected" in got  # what was done to the amount names it
    assert "Repairs completed within 28 days" in got


def test_assurance_levels_of_audits():
    got = _read("The audit of Payroll, Pensions and Expenses received Reasonable/Limited assurance, however this "
                "was raised later. The Leisure Contracts audit received limited assurance.\n")
    assert got == {"audit of Payroll, Pensions and Expenses": (["Reasonable/Limited"], None),
                   "Leisure Contracts audit": (["limited"], None)}


def test_a_change_in_one_word_needs_its_figure():
    got = _read("There was a 12% rise in complaints. The service saw a reduction in funding.\n")
    assert got == {"rise in complaints": (["12%"], "up")}


def test_who_a_count_is_of_stays_in_its_name():
    got = _read("Officers noted an increase in the number of families in temporary accommodation.\n")
    assert list(got) == ["number of families in temporary accommodation"]


def test_one_money_position_per_document():
    got = _read("The report gave an indication of the estimated outturn. Members noted the forecast outturn for "
                "2024/25.\n")
    assert list(got) == ["estimated outturn"]


# --- shapes read from a second set of councils' minutes (fictional councils, people and figures) ---

def test_which_or_when_is_no_measure():
    got = _read("The dashboard showed a direction of travel for most indicators. Councillor Hale asked whether "
                "there were targets for the first three measures. The monthly total for the quarter gave a "
                "quarterly figure of 310. The remaining indicators were covered in the appendix.\n")
    assert got == {}


def test_a_head_that_names_a_scheme_is_no_measure():
    got = _read("The officer said the measures were legacy items from a compulsory KPI system.\n")
    assert got == {}


def test_statistics_for_a_council_name_the_council_not_a_measure():
    got = _read("Appendix 2 set out the complaint statistics for Eastfold District Council.\n")
    assert got == {}


def test_the_meetings_own_business_is_not_counted():
    got = _read("4 questions were received from Mr Tom Arden. Members heard that seven names had been received "
                "for the working group.\n")
    assert got == {}


def test_an_average_compared_with_is_no_average_measured():
    got = _read("The council should be achieving better than average outcomes for its care leavers.\n")
    assert got == {}


def test_a_figure_after_a_quantity_of_is_not_what_is_measured():
    got = _read("The rates of 31% in supported housing were similar to the region.\n")
    assert not any(n.startswith("rates of 31") for n in got)


def test_a_rising_or_falling_number_of_is_several():
    got = _read("Issues were still evident for a reducing number of families.\n")
    assert got == {}


def test_a_price_paid_is_no_count_of_what_follows():
    got = _read("Did selling the old library for £1.00 represent value for money?\n")
    assert got == {}


def test_a_reading_cut_by_the_end_of_an_excerpt_is_dropped():
    got = _read("Officers noted the following points:\n\n· There had been an increase in families needing "
                "emergency accom")
    assert got == {}


def test_an_average_keeps_what_it_is_for():
    got = _read("The average weekly rate for missed collections in Q2 was 42.\n")
    assert got == {"average weekly rate for missed collections": (["42"], None)}


def test_amounts_with_what_was_done_to_each():
    got = _read("Officers said 40 tonnes of grit had been spread before the frost and 95 tonnes of grit had "
                "been put out over the month.\n")
    assert got["tonnes of grit spread"] == (["40"], None)
    assert got["tonnes of grit put out"] == (["95"], None)


def test_continued_or_high_levels_name_a_measure_without_travel():
    got = _read("The service faced continued staff turnover, which slowed recruitment.\n")
    assert got == {"staff turnover": ([], None)}


def test_a_measure_at_a_level_against_before():
    got = _read("The manager said that social worker caseloads were now more manageable. Lower caseloads "
                "helped.\n")
    assert got == {"social worker caseloads": ([], None)}


def test_a_backlog_is_a_measure_wherever_named():
    got = _read("Councillor Ward praised the team for clearing the backlog of licensing applications. "
                "The repairs backlog was being addressed.\n")
    assert "backlog of licensing applications" in got
    assert "repairs backlog" in got


def test_what_a_service_overspent():
    got = _read("Members considered the overspends in Children's Services and Education.\n")
    assert got == {"overspends in Children's Services": ([], None)}


def test_a_member_asking_how_many():
    got = _read("A Member had asked how many Shared Lives placements there were. Another asked how many times "
                "the group had met.\n")
    assert got == {"number of Shared Lives placements": ([], None)}


def test_an_inspection_grade():
    got = _read("In fact, the fostering service was judged as outstanding by Ofsted.\n")
    assert got == {"fostering service": (["outstanding"], None)}


def test_national_indicators_by_number():
    got = _read("Councillor Moss asked about the national indicator NI 195 and how it was benchmarked.\n")
    assert got == {"national indicator NI 195": ([], None)}


def test_a_measure_every_council_names_the_same_way():
    got = _read("Information on the delayed transfer of care was supplied by the hospital trust.\n")
    assert got == {"delayed transfer of care": ([], None)}


def test_a_floor_at_a_figure():
    got = _read("The review recommended a minimum of six officers on each shift, for a minimum of 20 hours.\n")
    assert got == {"minimum of officers": (["six"], None)}


def test_the_parts_of_a_count_given_before():
    got = _read("Of the 40 planning appeals decided in 2023, 12 were allowed by the Inspectorate. Of the 12 "
                "appeals allowed, only one was challenged.\n")
    assert got["planning appeals allowed by the Inspectorate"] == (["12"], None)
    assert got["appeals challenged"] == (["one"], None)


def test_a_measure_that_would_go_from_one_figure_to_another():
    got = _read("She said the cost of borrowing per resident would go from £5.10 to a saving of £4.90.\n")
    assert got == {"cost of borrowing per resident": (["£5.10", "£4.90"], "down")}


def test_how_many_before_a_named_head_is_a_count():
    got = _read("Of the 52 Service Performance Indicators, 30 were reported monthly.\n")
    assert got["Service Performance Indicators"] == (["52"], None)
    assert got["Service Performance Indicators reported"] == (["30"], None)


def test_a_verb_before_to_ends_a_name():
    got = _read("She added that the rate of pupils excluded needs to continue to fall.\n")
    assert "rate of pupils excluded" in got


def test_an_amount_of_a_named_fund():
    got = _read("The officer updated Members on the £12 million Town Deal Fund programme awarded in 2023.\n")
    assert got == {"Town Deal Fund programme awarded": (["£12 million"], None)}
