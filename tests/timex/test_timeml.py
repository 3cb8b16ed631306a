"""TimeML in and out: the DCT and raw TEXT are read, our tags written, the text untouched."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from summitry.errors import InputError
from summitry.timex import annotate
from summitry.timex.timeml import read_timeml, write_timeml

SOURCE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-03"
 functionInDocument="CREATION_TIME">2025-01-03</TIMEX3></DCT>
<TEXT>The <EVENT eid="e1">talks</EVENT> &amp; the <EVENT eid="e2">visit</EVENT> \
will begin <TIMEX3 tid="t1" type="DATE" value="2025-01-05" anchorTimeID="t0">Sunday</TIMEX3>,\
 a &quot;two-day&quot; trip.
The envoy <EVENT eid="e3">left</EVENT> on Jan. 13 &lt;local&gt;.</TEXT>
<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t1" relType="IS_INCLUDED"/>
</TimeML>
"""


def test_reads_dct_and_raw_text() -> None:
    doc = read_timeml(SOURCE)
    assert doc.dct == dt.date(2025, 1, 3)
    assert doc.text.startswith('The talks & the visit will begin Sunday, a "two-day" trip.')
    assert "<" not in doc.text.replace("<local>", "")


def test_writes_our_tags_and_keeps_the_text() -> None:
    doc = read_timeml(SOURCE)
    out = write_timeml(doc, annotate(doc.text, doc.dct))
    assert (
        '<TIMEX3 tid="t1" type="DATE" value="2025-01-05" anchorTimeID="t0">Sunday</TIMEX3>' in out
    )
    assert 'type="DURATION" value="P2D">two-day</TIMEX3>' in out
    assert "<EVENT" not in out and "<TLINK" not in out
    body = re.search(r"<TEXT>(.*)</TEXT>", out, re.S).group(1)
    original = re.search(r"<TEXT>(.*)</TEXT>", SOURCE, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == re.sub(r"<[^>]+>", "", original)
    assert read_timeml(out).text == doc.text
    assert out.startswith(SOURCE[: SOURCE.index("<TEXT>")])


def test_missing_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        read_timeml("<TimeML><DCT></DCT></TimeML>", "broken.tml")


def test_writes_set_quant_and_freq() -> None:
    source = SOURCE.replace("a &quot;two-day&quot; trip", "then twice a week, every Tuesday")
    doc = read_timeml(source)
    out = write_timeml(doc, annotate(doc.text, doc.dct))
    assert 'type="SET" value="P1W" freq="2X">a week</TIMEX3>' in out
    assert 'type="SET" value="XXXX-WXX-2" quant="EVERY">every Tuesday</TIMEX3>' in out
