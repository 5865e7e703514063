"""`pathfinder chat`: the same conversation, one typed line per text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pathfinder.sms.chat import CHAT_NUMBER


def chat(lines: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pathfinder.sms.chat", *args],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=60,
    )


def test_a_piped_conversation_prints_each_reply_with_its_size():
    result = chat(["hi", "1", "3", "2", "1", "1", "1", "0", "MORE", "STOP"])
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> hi\nPathfinder" in out
    assert "[262 chars, GSM-7, 2 parts]" in out or ", GSM-7, 2 parts]" in out
    assert "Best next step:" in out
    assert "Next steps:" in out
    assert "(no reply: opted out)" in out
    assert ", 1 part]" in out


def test_a_chat_kept_in_a_file_continues_next_time(tmp_path: Path):
    store = f"sqlite://{tmp_path / 'chat.db'}"
    chat(["hi", "1"], "--store", store)
    result = chat(["3"], "--store", store)
    assert "Q3/7" in result.stdout


def test_help_can_be_left_to_twilio_in_chat_too():
    result = chat(["hi", "HELP"], "--no-answer-help")
    assert "(no reply: left HELP to Twilio)" in result.stdout


def test_the_chat_number_is_fictional():
    assert CHAT_NUMBER.startswith("+120255501")
