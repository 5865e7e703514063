"""Errors the machine raises, each saying what went wrong and where."""

from __future__ import annotations


class ContentError(Exception):
    """A content file (a flow or a guidance file) is broken.

    Start-up stops with this error; the message names the file, the place in
    it (a question or rule id) and what to fix.
    """

    def __init__(self, file: str, where: str, problem: str) -> None:
        self.file = file
        self.where = where
        self.problem = problem
        place = f"{file}, {where}" if where else file
        super().__init__(f"{place}: {problem}")


class InvalidAnswer(ValueError):
    """An answer that the current question does not accept."""

    def __init__(self, question: str, answer: str) -> None:
        self.question = question
        self.answer = answer
        super().__init__(f"question {question!r} does not accept {answer!r}")
