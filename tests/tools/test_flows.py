"""`pathfinder flows`: one line per shipped assessment, with its size."""

from __future__ import annotations

from functools import cache

from pathfinder.machine.flow import DONE, Flow, flow_files, load_shipped
from pathfinder.tools.flows import main


def longest(flow: Flow) -> int:
    """Questions on the longest path, counted from the flow's structure."""

    @cache
    def asked(qid: str) -> int:
        if qid == DONE:
            return 0
        question = flow.question(qid)
        nexts = [choice.next for choice in question.choices]
        if question.kind == "code" or question.optional:
            nexts.append(question.next)
        return 1 + max(asked(target) for target in nexts)

    return asked(flow.start)


def test_each_shipped_flow_is_listed_with_its_title_and_size(capsys):
    assert main([]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].split() == ["name", "questions", "longest", "path", "title"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert sorted(rows) == [path.stem for path in flow_files()]
    for name, line in rows.items():
        flow = load_shipped(name)
        count, most, title = line.split(None, 3)[1:]
        assert (int(count), int(most), title) == (
            len(flow.questions), longest(flow), flow.title.get())


def test_the_library_holds_the_dispute_flow_and_the_504_fit_check(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out

    assert "Find your next step in a school disagreement" in out
    assert "Is a 504 plan a fit?" in out
