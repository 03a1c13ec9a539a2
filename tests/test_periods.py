from datetime import date

import pytest
from councilgraph.loaders.extract.periods import find_period


@pytest.mark.parametrize("title,body,meeting,expected", [
    ("Q4 2022-23 Performance Management Report", "", None, ("2022/23", 4, date(2023, 1, 1), date(2023, 3, 31))),
    ("Quarter One 2023/24 Performance Report", "", None, ("2023/24", 1, date(2023, 4, 1), date(2023, 6, 30))),
    ("Performance Report", "covering quarter two, July to September 2022.", None,
     ("2022/23", 2, date(2022, 7, 1), date(2022, 9, 30))),
    ("Quarterly Progress Report", "for the period 1 April to 30 June 2019 was considered", None,
     ("2019/20", 1, date(2019, 4, 1), date(2019, 6, 30))),
    ("Performance Report - 2nd Qtr 2009/10", "", None, ("2009/10", 2, date(2009, 7, 1), date(2009, 9, 30))),
    ("Q2 Performance Report", "Noted the 2020/21 Q2 Performance Report in Appendix A.", None,
     ("2020/21", 2, date(2020, 7, 1), date(2020, 9, 30))),
    ("Budget Monitoring Report - Month 6", "", date(2023, 11, 1), ("2023/24", 2, date(2023, 4, 1), date(2023, 9, 30))),
    ("Revenue Budget Monitoring Period 7", "", date(2022, 12, 10), ("2022/23", 3, date(2022, 4, 1),
                                                                    date(2022, 10, 31))),
    ("Q3 Performance Report", "", date(2024, 2, 20), ("2023/24", 3, date(2023, 10, 1), date(2023, 12, 31))),
])
def test_period_phrasings(title, body, meeting, expected):
    p = find_period(title, body, 100, meeting)
    assert (p.fiscal_year, p.quarter, p.start, p.end) == expected


def test_multi_year_plan_is_not_a_fiscal_year():
    assert find_period("Council Plan 2024-28 update", "the 2017- 20 savings plan", 0, None) is None


@pytest.mark.parametrize("title,body,meeting,expected", [
    ("Revenue Budget Monitoring Report month 8", "", date(2021, 12, 2), ("2021/22", 3, date(2021, 4, 1),
                                                                         date(2021, 11, 30))),
    ("Budget Monitoring Report", "The report covered the first eight months of the financial year.",
     date(2015, 1, 20), ("2014/15", 3, date(2014, 4, 1), date(2014, 11, 30))),
    ("Budget Monitoring Report", "To report November's budget monitoring information.", date(2015, 1, 20),
     ("2014/15", 3, date(2014, 4, 1), date(2014, 11, 30))),
    ("Capital Programme Monitoring", "for the period ending September 2013 was presented", None,
     ("2013/14", 2, date(2013, 4, 1), date(2013, 9, 30))),
    ("Annual Complaints Report", "Members considered the complaints received during 2018/19.", None,
     ("2018/19", None, date(2018, 4, 1), date(2019, 3, 31))),
    ("Adult Services Quarter 3 Performance Report", "", None, (None, 3, None, None)),
])
def test_more_period_phrasings(title, body, meeting, expected):
    p = find_period(title, body, 100, meeting)
    assert (p.fiscal_year, p.quarter, p.start, p.end) == expected
    assert p.text
