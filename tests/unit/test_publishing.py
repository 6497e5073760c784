"""The deploy build refuses the local defaults; a local build is never checked."""

import pytest

from kb.publishing import publishing_problems

READY = {"KB_PUBLISHING": "1", "SITE_URL": "https://owner.github.io/repo/",
         "SITE_PUBLISHER_EN": "The Example Group", "SITE_PUBLISHER_ES": "El Grupo de Ejemplo"}


@pytest.mark.parametrize("env, expected", [
    ({}, []),                                                          # a local build: unchanged
    ({"SITE_URL": "http://127.0.0.1:8000/"}, []),
    ({"KB_PUBLISHING": "0"}, []),
    (READY, []),
    ({**READY, "SITE_URL": ""}, ["SITE_URL is not set"]),
    ({**READY, "SITE_URL": "http://127.0.0.1:8000/"}, ["SITE_URL is http://127.0.0.1:8000/, the local default"]),
    ({**READY, "SITE_URL": "http://localhost/"}, ["the local default"]),
    ({**READY, "SITE_URL": "http://example.org/"}, ["should start with https://"]),
    ({**READY, "SITE_PUBLISHER_EN": " "}, ["SITE_PUBLISHER_EN is not set"]),
    ({k: v for k, v in READY.items() if k != "SITE_PUBLISHER_ES"}, ["SITE_PUBLISHER_ES is not set"]),
])
def test_publishing_guard(env, expected):
    problems = publishing_problems(env)
    assert len(problems) == len(expected)
    for problem, words in zip(problems, expected):
        assert words in problem and "set" in problem


def test_every_problem_says_what_to_set():
    problems = publishing_problems({"KB_PUBLISHING": "1"})
    assert [p.split()[0] for p in problems] == ["SITE_URL", "SITE_PUBLISHER_EN", "SITE_PUBLISHER_ES"]
    assert all("repository variable" in p for p in problems)
