"""Timing: strict dates, business days, dates in prose and threads, and the timing rules end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from followup_lint import Config, lint_text
from followup_lint.dates import (
    DateError,
    add_business_days,
    business_days_between,
    dates_in_text,
    named_date,
    parse_date,
    quoted_messages,
    read_thread,
    thread_timing,
)
from followup_lint.model import Context

D = dt.date
TUESDAY = D(2026, 3, 3)
CHECK_IN = "Hi Dana,\n\nI wanted to check in on the Data Analyst role. I remain very interested.\n\nBest,\nSam\n"
THANKS = "Hi Dana,\n\nThank you for speaking with me about the Data Analyst role.\n\nBest,\nSam\n"


def timing_rules(text: str, path: str = "draft.txt", config: Config | None = None, **context: object) -> list[str]:
    report = lint_text(text, Context(**context), config or Config(select=("timing",)), path=path)  # type: ignore[arg-type]
    return [f.rule for f in report.findings if f.category == "timing"]


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2026-3-4", "04/03/2026", "2026-02-30", "2026-13-01", "tomorrow", " 2026-03-04", ""])
def test_parse_date_is_strict(value: str) -> None:
    with pytest.raises(DateError):
        parse_date(value)


def test_parse_date_reads_iso() -> None:
    assert parse_date("2024-02-29") == D(2024, 2, 29)


def test_business_days_skip_weekends() -> None:
    monday = D(2026, 3, 2)
    assert business_days_between(monday, D(2026, 3, 9)) == 5
    assert business_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1  # Friday to Monday
    assert business_days_between(D(2026, 3, 9), monday) == -5
    assert add_business_days(D(2026, 3, 6), 1) == D(2026, 3, 9)
    assert add_business_days(monday, 5) == D(2026, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We expect to make a decision by March 14.", D(2026, 3, 14)),
        ("We will be in touch by Friday.", D(2026, 3, 6)),
        ("You should hear back by the end of next week.", D(2026, 3, 13)),
        ("We hope to decide within two weeks.", D(2026, 3, 17)),
        ("We'll let you know in a week or two.", D(2026, 3, 17)),
        ("A decision is due on 14 April 2026.", D(2026, 4, 14)),
        ("We plan to decide within 5 business days.", D(2026, 3, 10)),
    ],
)
def test_named_date_reads_what_the_employer_said(text: str, expected: dt.date) -> None:
    assert named_date(text, TUESDAY) == expected


def test_named_date_needs_a_decision_cue_and_no_ambiguous_numbers() -> None:
    assert named_date("I am on holiday until March 20.", TUESDAY) is None
    assert named_date("We expect to decide by 3/4/2026.", TUESDAY) is None  # US or UK order? not guessed
    assert dates_in_text("by Friday", None) == []  # relative dates need a reference day


def test_quoted_messages_have_their_dates_and_senders() -> None:
    body = (
        "Hi Dana,\n\nAny news?\n\n"
        "On Tue, 3 Mar 2026 at 10:02, Dana Lee <dana@acme.com> wrote:\n"
        "> We expect to make a decision by the end of next week.\n>\n"
        "> On Mon, Mar 2, 2026 at 9:00 AM Sam Patel <sam@example.com> wrote:\n"
        ">> Thank you for the interview today.\n"
    )
    found = quoted_messages(body)
    assert [(m.date, m.sender) for m in found] == [(D(2026, 3, 3), "dana@acme.com"), (D(2026, 3, 2), "sam@example.com")]
    assert "decision by the end of next week" in found[0].text


def test_read_thread_reads_an_mbox() -> None:
    mbox = (
        b"From sam@example.com Mon Mar  9 09:00:00 2026\n"
        b"From: Sam Patel <sam@example.com>\nDate: Mon, 9 Mar 2026 09:00:00 +0000\nSubject: Hi\n\nChecking in.\n\n"
        b"From dana@acme.com Tue Mar 10 09:00:00 2026\n"
        b"From: Dana Lee <dana@acme.com>\nDate: Tue, 10 Mar 2026 09:00:00 -0800\nSubject: Re: Hi\n\n"
        b">From the team: we will decide by March 20.\n"
    )
    messages = read_thread(mbox)
    assert [(m.date, m.sender) for m in messages] == [
        (D(2026, 3, 9), "sam@example.com"),
        (D(2026, 3, 10), "dana@acme.com"),
    ]
    assert messages[1].text.startswith("From the team")
    assert named_date(messages[1].text, messages[1].date) == D(2026, 3, 20)


def test_read_thread_reads_an_eml_and_its_quotes() -> None:
    eml = (
        b"From: Sam Patel <sam@example.com>\nDate: Thu, 12 Mar 2026 09:00:00 +0000\nSubject: Re: Role\n\n"
        b"Hi Dana, any news?\n\nOn Mon, 9 Mar 2026 at 09:00, Dana Lee <dana@acme.com> wrote:\n> Soon!\n"
    )
    assert [(m.date, m.sender) for m in read_thread(eml)] == [
        (D(2026, 3, 12), "sam@example.com"),
        (D(2026, 3, 9), "dana@acme.com"),
    ]
    assert read_thread(b"not a message at all") == []


# --- rules ------------------------------------------------------------------------------------------------


def test_thank_you_late() -> None:
    assert timing_rules(THANKS, kind="thank-you", interview_date="2026-03-02", send_date="2026-03-04") == []
    assert timing_rules(THANKS, kind="thank-you", interview_date="2026-03-02", send_date="2026-03-05") == [
        "timing.thank-you-late"
    ]


def test_thank_you_late_threshold_is_configurable() -> None:
    config = Config(select=("timing",), overrides=(("timing.thank-you-late", {"max-hours": 96}),))
    late = {"kind": "thank-you", "interview_date": "2026-03-02", "send_date": "2026-03-05"}
    assert timing_rules(THANKS, config=config, **late) == []


def test_check_in_before_five_business_days() -> None:
    # Interview on a Monday: the following Monday is the 5th business day.
    assert timing_rules(CHECK_IN, kind="check-in", interview_date="2026-03-02", send_date="2026-03-06") == [
        "timing.check-in-early"
    ]
    assert timing_rules(CHECK_IN, kind="check-in", interview_date="2026-03-02", send_date="2026-03-09") == []


def test_check_in_before_the_date_named_in_a_quoted_reply() -> None:
    draft = (
        "From: Sam Patel <sam@example.com>\nTo: Dana Lee <dana@acme.com>\nDate: Tue, 10 Mar 2026 09:00:00 +0000\n"
        "Subject: Re: Data Analyst\n\n" + CHECK_IN + "\nOn Tue, 3 Mar 2026 at 10:02, Dana Lee <dana@acme.com> wrote:\n"
        "> We expect to make a decision by March 13.\n"
    )
    # Sent (Date header) on the 10th: 6 business days after the interview, but before the named date.
    report = lint_text(
        draft, Context(kind="check-in", interview_date="2026-03-02"), Config(select=("timing",)), path="d.eml"
    )
    [finding] = report.findings
    assert finding.rule == "timing.check-in-early" and "2026-03-13" in finding.message
    assert "2026-03-16" in (finding.suggestion or "")
    later = draft.replace("Tue, 10 Mar 2026", "Mon, 16 Mar 2026")
    assert not lint_text(later, Context(kind="check-in"), Config(select=("timing",)), path="d.eml").findings


def test_third_follow_up_and_two_within_a_week() -> None:
    assert timing_rules(CHECK_IN, kind="check-in", send_date="2026-03-30", previous=("2026-03-09", "2026-03-16")) == [
        "timing.too-many"
    ]
    assert timing_rules(CHECK_IN, kind="check-in", send_date="2026-03-12", previous=("2026-03-09",)) == [
        "timing.too-soon"
    ]
    assert timing_rules(CHECK_IN, kind="check-in", send_date="2026-03-16", previous=("2026-03-09",)) == []


def test_quoted_own_thank_you_is_not_counted_as_a_check_in() -> None:
    draft = (
        "From: Sam Patel <sam@example.com>\nDate: Mon, 16 Mar 2026 09:00:00 +0000\nSubject: Re: Role\n\n"
        + CHECK_IN
        + "\nOn Mon, 9 Mar 2026 at 09:00, Sam Patel <sam@example.com> wrote:\n> Any update on the timeline?\n>\n"
        "> On Mon, 2 Mar 2026 at 17:00, Sam Patel <sam@example.com> wrote:\n"
        ">> Thank you for taking the time to meet with me today.\n"
    )
    assert timing_rules(draft, path="d.eml", kind="check-in") == []


def test_no_dates_no_timing_findings() -> None:
    assert timing_rules(THANKS, kind="thank-you") == []
    assert timing_rules(CHECK_IN, kind="check-in") == []


def test_bad_dates_are_usage_errors(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CHECK_IN, encoding="utf-8")
    for flag in ("--interview-date", "--send-date", "--previous"):
        status, _, err = run_cli(str(draft), flag, "2026-02-30")
        assert status == 2 and "2026-02-30" in err and "Traceback" not in err
    config = tmp_path / ".followup-lint.toml"
    config.write_text('[context]\ninterview-date = "March 2"\n', encoding="utf-8")
    status, _, err = run_cli(str(draft), "--config", str(config), "--kind", "check-in")
    assert status == 2 and "interview-date" in err and "Traceback" not in err


def test_cli_reports_timing_in_json(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CHECK_IN, encoding="utf-8")
    args = (str(draft), "--format", "json", "--select", "timing", "--kind", "check-in")
    status, out, _ = run_cli(*args, "--interview-date", "2026-03-02", "--send-date", "2026-03-03")
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert status == 1 and rules == ["timing.check-in-early"]


def test_thread_timing_from_an_mbox() -> None:
    mbox = (
        b"From sam@example.com Mon Mar  2 18:00:00 2026\n"
        b"From: Sam Patel <sam@example.com>\nDate: Mon, 2 Mar 2026 18:00:00 +0000\nSubject: Thank you\n\n"
        b"Thank you for meeting me today.\n\n"
        b"From dana@acme.com Tue Mar  3 09:00:00 2026\n"
        b"From: Dana Lee <dana@acme.com>\nDate: Tue, 3 Mar 2026 09:00:00 +0000\nSubject: Re: Thank you\n\n"
        b"Thanks Sam! We hope to make a decision by the end of next week.\n\n"
        b"From sam@example.com Mon Mar 16 09:00:00 2026\n"
        b"From: Sam Patel <sam@example.com>\nDate: Mon, 16 Mar 2026 09:00:00 +0000\nSubject: Checking in\n\n"
        b"Is there any update?\n"
    )
    messages = read_thread(mbox)
    assert thread_timing(messages) == ((D(2026, 3, 2), D(2026, 3, 16)), D(2026, 3, 13))
    assert thread_timing(messages, "dana@acme.com") == ((D(2026, 3, 3),), None)


def test_thresholds_from_a_config_file(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CHECK_IN, encoding="utf-8")
    config = tmp_path / ".followup-lint.toml"
    config.write_text(
        '[context]\ninterview-date = "2026-03-02"\nsend-date = "2026-03-09"\nkind = "check-in"\n\n'
        '[rules."timing.check-in-early"]\nmin-business-days = 7\n',
        encoding="utf-8",
    )
    status, out, _ = run_cli(str(draft), "--format", "json", "--select", "timing", "--config", str(config))
    [finding] = json.loads(out)["files"][0]["findings"]
    assert status == 1 and finding["rule"] == "timing.check-in-early" and "2026-03-11" in finding["message"]
    status, out, _ = run_cli(str(draft), "--select", "timing", "--config", str(config), "--send-date", "2026-03-11")
    assert status == 0


def test_dates_at_the_end_of_the_calendar_do_not_crash() -> None:
    assert named_date("We will decide within 3 weeks.", D(9999, 12, 30)) is None
    late = {"interview_date": "9999-12-31", "send_date": "9999-12-31"}
    assert (
        timing_rules(CHECK_IN + "\nYou said you would decide by the end of next month.\n", kind="check-in", **late)
        == []
    )


def test_a_send_date_before_the_interview_is_not_judged_early() -> None:
    assert timing_rules(CHECK_IN, kind="check-in", interview_date="2026-03-09", send_date="2026-03-02") == []


def test_named_date_in_quoted_lines_without_an_attribution() -> None:
    draft = CHECK_IN + "\n> Thanks Sam, we hope to make a decision by March 13.\n"
    context = {"kind": "check-in", "interview_date": "2026-03-02"}
    assert timing_rules(draft, send_date="2026-03-10", **context) == ["timing.check-in-early"]
    assert timing_rules(draft, send_date="2026-03-16", **context) == []


def test_named_date_and_previous_from_a_thread_file_via_the_context() -> None:
    thread = (
        b"From: Sam Patel <sam@example.com>\nDate: Mon, 2 Mar 2026 18:00:00 +0000\n\nThank you for meeting me today.\n"
    )
    mbox = (
        b"From sam Mon Mar  2 18:00:00 2026\n"
        + thread
        + (
            b"\nFrom dana Tue Mar  3 09:00:00 2026\nFrom: Dana Lee <dana@acme.com>\n"
            b"Date: Tue, 3 Mar 2026 09:00:00 +0000\n\n"
            b"We hope to make a decision by the end of next week.\n"
        )
    )
    previous, named = thread_timing(read_thread(mbox), "sam@example.com")
    context = Context(
        kind="check-in",
        interview_date="2026-03-02",
        send_date="2026-03-10",
        previous=tuple(d.isoformat() for d in previous),
        extra={"named-date": named.isoformat()} if named else {},
    )
    report = lint_text(CHECK_IN, context, Config(select=("timing",)))
    assert [(f.rule, "2026-03-13" in f.message) for f in report.findings] == [("timing.check-in-early", True)]


def test_a_past_weekday_is_not_read_as_the_decision_date() -> None:
    # "on Monday" (when they met) must not win over "by Friday" (when they decide).
    assert named_date("Since we met on Monday, we will make a decision by Friday.", TUESDAY) == D(2026, 3, 6)


def test_per_kind_timing_needs_a_known_kind() -> None:
    text = "Hi Dana,\n\nPlease find my references attached.\n\nBest,\nSam\n"
    dates_ = {"interview_date": "2026-03-02", "send_date": "2026-03-09"}
    assert timing_rules(text, **dates_) == []
    assert timing_rules(text, kind="thank-you", **dates_) == ["timing.thank-you-late"]
