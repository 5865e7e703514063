"""`pathfinder advise`: the advice for facts given as flags, as text or JSON."""

from __future__ import annotations

import json

from pathfinder.machine.advise_cli import main


def test_advise_prints_the_full_summary(capsys):
    status = main(["--fact", "plan=iep", "--fact", "issue=implementation",
                   "--fact", "stage=meetings_failed"])
    out = capsys.readouterr().out

    assert status == 0
    assert out.startswith("Your best next step: State complaint")
    assert "Deadlines to watch" in out
    assert "34 CFR 300.153(c)" in out
    assert "not legal advice" in out


def test_advise_json_has_the_contract_keys(capsys):
    status = main(["--fact", "plan=504", "--fact", "issue=implementation",
                   "--fact", "stage=meetings_failed", "--fact", "goal=compliance",
                   "--json"])
    data = json.loads(capsys.readouterr().out)

    assert status == 0
    assert data["primary"] == "grievance"
    assert "ocr_complaint" in data["also_consider"]
    assert data["cautions"][-1] == "not_legal_advice"
    assert "ocr_180_days" in data["cautions"]
    assert data["summary"].startswith("Your best next step: District 504 grievance")
    assert data["summary_sms"].endswith("Reply MORE for next steps.")


def test_advise_without_facts_gives_first_steps_and_lists_assumptions(capsys):
    status = main(["--json"])
    data = json.loads(capsys.readouterr().out)

    assert status == 0
    assert data["primary"] == "informal"
    assert len(data["assumed"]) == 7


def test_a_state_code_may_be_lower_case(capsys):
    main(["--fact", "plan=iep", "--fact", "issue=services", "--fact", "goal=decision",
          "--fact", "state=nc", "--json"])
    data = json.loads(capsys.readouterr().out)

    assert "state_time_limit" in data["cautions"]


def test_an_unknown_fact_is_an_error_listing_the_allowed_facts(capsys):
    status = main(["--fact", "plan=iep", "--fact", "isue=services"])
    captured = capsys.readouterr()

    assert status == 2
    assert captured.out == ""
    assert "unknown fact 'isue'" in captured.err
    allowed = "allowed facts: plan, issue, stage, goal, urgent, since, state"
    assert allowed in captured.err


def test_an_unknown_value_is_an_error_listing_the_allowed_values(capsys):
    status = main(["--fact", "urgent=maybe"])
    captured = capsys.readouterr()

    assert status == 2
    assert "unknown value 'maybe' for fact 'urgent'" in captured.err
    assert "allowed values: yes, no" in captured.err


def test_a_fact_without_an_equals_sign_is_an_error(capsys):
    status = main(["--fact", "plan"])

    assert status == 2
    assert "expected NAME=VALUE, got 'plan'" in capsys.readouterr().err


def test_an_unknown_flag_is_a_usage_error(capsys):
    status = main(["--facts", "plan=iep"])

    assert status == 2
    assert "pathfinder advise" in capsys.readouterr().err


def test_help_exits_cleanly(capsys):
    assert main(["--help"]) == 0
    assert "usage: pathfinder advise" in capsys.readouterr().out
